import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { OPS_CLIENT, adminToken } from '@test-support/admin';

/**
 * Webhook endpoints registered through the admin API are not the operator's reviewed
 * configuration: they may not point the server at its own network (server-side request forgery).
 */
describe('admin API: webhook endpoint URLs on private addresses', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify([OPS_CLIENT]) } });
    token = await adminToken(t.url, 'simauth:admin');
  });
  afterAll(() => t.close());

  const register = (url: string) =>
    call(
      'POST',
      `${t.url}/admin/v1/webhooks/endpoints`,
      { url, events: ['factor.challenge_failed'] },
      bearer(token),
    );

  it.each([
    ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/'],
    ['the database port on loopback', 'http://127.0.0.1:5432/'],
    ['IPv6 loopback', 'http://[::1]/hooks'],
    ['loopback in hexadecimal', 'http://0x7f000001/hooks'],
    ['loopback in decimal', 'http://2130706433/hooks'],
    ['loopback in octal', 'http://0177.0.0.1/hooks'],
    ['loopback in short form', 'http://127.1/hooks'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/hooks'],
    ['IPv4-mapped IPv6 link-local', 'http://[::ffff:169.254.169.254]/hooks'],
    ['a private network', 'http://10.1.2.3/hooks'],
    ['a home network', 'https://192.168.1.10/hooks'],
    ['carrier-grade NAT', 'http://100.64.0.1/hooks'],
    ['IPv6 unique-local', 'http://[fd00::1]/hooks'],
    ['IPv6 link-local', 'http://[fe80::1]/hooks'],
    ['the unspecified address', 'http://0.0.0.0:3000/hooks'],
    ['NAT64 of loopback', 'http://[64:ff9b::7f00:1]/hooks'],
    ['a name that resolves to loopback', 'http://localhost:8080/hooks'],
  ])('refuses an endpoint on %s with a 400 naming the url', async (_what, url) => {
    const res = await register(url);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      { field: 'url', message: expect.stringMatching(/loopback, link-local or private/) },
    ]);
  });

  it('refuses an endpoint whose host name does not resolve', async () => {
    const res = await register('https://hooks.example.invalid/hooks');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'url', message: expect.stringMatching(/does not resolve/) },
    ]);
  });

  it('registers an endpoint on a public address', async () => {
    const res = await register('http://93.184.215.14/hooks');
    expect(res.status).toBe(201);
    // Every suite's moves would write events for it: gone at once.
    expect(
      (
        await call(
          'DELETE',
          `${t.url}/admin/v1/webhooks/endpoints/${res.body.id}`,
          undefined,
          bearer(token),
        )
      ).status,
    ).toBe(204);
  });

  it('requires https for a registered endpoint in production', async () => {
    // Production mode also refuses the sandbox at start: switched on after it, for this rule alone.
    t.config.mode = 'production';
    try {
      const res = await register('http://93.184.215.14/hooks');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'url', message: 'must be an https URL in production' },
      ]);
    } finally {
      t.config.mode = 'development';
    }
  });
});

describe('admin API: webhook endpoint URLs with WEBHOOK_ALLOW_PRIVATE_URLS=true', () => {
  it('registers an endpoint on loopback, and refuses nothing else', async () => {
    const t = await startTestApp({
      env: { OIDC_CLIENTS: JSON.stringify([OPS_CLIENT]), WEBHOOK_ALLOW_PRIVATE_URLS: 'true' },
    });
    try {
      const token = await adminToken(t.url, 'simauth:admin');
      const res = await call(
        'POST',
        `${t.url}/admin/v1/webhooks/endpoints`,
        { url: 'http://0x7f000001:9/allowed', events: ['factor.challenge_failed'] },
        bearer(token),
      );
      expect(res.status).toBe(201);
      expect(res.body.url).toBe('http://127.0.0.1:9/allowed');
      await call(
        'DELETE',
        `${t.url}/admin/v1/webhooks/endpoints/${res.body.id}`,
        undefined,
        bearer(token),
      );
    } finally {
      await t.close();
    }
  });
});
