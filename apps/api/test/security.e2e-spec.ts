import { TestApp, startTestApp } from '@test-support/test-app';
import { call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';

describe('security headers and CORS', () => {
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp({ env: { CORS_ORIGINS: 'https://bank.example' } })),
  );
  afterAll(() => t.close());

  it('sends security headers with every answer, API and pages', async () => {
    for (const path of ['/health/live', '/login', '/v1/registrations/not-a-uuid']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('keeps API answers out of caches and frames, and gives pages the full page policy', async () => {
    for (const path of ['/health/live', '/v1/registrations/not-a-uuid']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none'",
      );
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    }
    const page = await fetch(`${t.url}/login`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // A route that may be cached says so: the signing keys, for five minutes.
    const jwks = await fetch(`${t.url}/.well-known/jwks.json`);
    expect(jwks.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('sends the same headers, and CORS, with a live status stream', async () => {
    const started = await call('POST', `${t.url}/v1/logins`, { phone_number: uniquePhoneNumber() });
    const controller = new AbortController();
    const res = await fetch(
      `${t.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
      { headers: { origin: 'https://bank.example' }, signal: controller.signal },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://bank.example');
    controller.abort();
  });

  it('lets only configured origins call the API from a browser', async () => {
    const allowed = await fetch(`${t.url}/v1/logins`, {
      method: 'OPTIONS',
      headers: { origin: 'https://bank.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://bank.example');
    const other = await fetch(`${t.url}/v1/logins`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a configured origin send the PUT and DELETE a phone app sends (push token, forget, factors)', async () => {
    for (const [path, method] of [
      ['/v1/devices/me/push-token', 'PUT'],
      ['/v1/devices/me', 'DELETE'],
    ]) {
      const preflight = await fetch(`${t.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://bank.example',
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://bank.example');
      expect(preflight.headers.get('access-control-allow-methods')!.split(/\s*,\s*/)).toContain(
        method,
      );
    }
  });
});
