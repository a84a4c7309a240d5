import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { realPhoneNumber, uniquePhoneNumber } from '@test-support/device';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { CookieBrowser } from '@test-support/browser';
import { CALLBACK, authorization } from '@test-support/oidc';
import * as client from 'openid-client';

const WEB_APP = {
  client_id: 'web-app',
  client_secret: 'web-app-secret-that-is-long-enough-0123456789',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code'],
};
const env = { OIDC_CLIENTS: JSON.stringify([OPS_CLIENT, WEB_APP]) };

/** Numbers nobody can have: a country code no country uses; a UK number in no allocated range. */
const IMPOSSIBLE = [
  ['+999123456789', 'INVALID_COUNTRY'],
  ['+440000000001', 'INVALID_NUMBER'],
] as const;

/** What a field error says for `reason` (the API's words, checked in libs/http's tests). */
const refusal = (reason: string) => ({
  field: 'phone_number',
  message: expect.any(String),
  reason,
});

describe('numbers nobody can have', () => {
  /** Served by the provider sandbox, as the demo and the tests are. */
  let sandboxed: TestApp;
  /** As with real provider accounts (the sandbox serves unannounced: see test-app's hideSandbox). */
  let real: TestApp;
  beforeAll(async () => {
    sandboxed = await startTestApp({ env });
    real = await startTestApp({ env, hideSandbox: true, sharedSandbox: sandboxed.sandbox });
  });
  afterAll(async () => {
    await real?.close();
    await sandboxed?.close();
  });

  /** The body each route that takes a phone number needs besides it. */
  const ROUTES: [string, Record<string, string>][] = [
    ['/v1/registrations', { device_id: `dev-${randomUUID()}` }],
    ['/v1/logins', {}],
    ['/v1/number-verifications', {}],
  ];

  /** Whether anything reached a provider or the database for `numbers`: checks, attempts, limits. */
  async function traces(t: TestApp, numbers: string[]) {
    const checks = [...t.sandbox.store.checks.values()].filter((c) =>
      numbers.includes(c.phoneNumber),
    );
    const [{ attempts, counters }] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM attempts WHERE phone_number = ANY($1)) AS attempts,
              (SELECT count(*)::int FROM rate_limits WHERE key = ANY($2)) AS counters`,
      [numbers, numbers.map((n) => `phone:${n}`)],
    );
    return { checks: checks.length, attempts, counters } as Record<string, number>;
  }

  it.each(IMPOSSIBLE)(
    'refuses %s at every REST route that takes a number, with the reason %s, and asks no provider nor counts it',
    async (number, reason) => {
      for (const [path, rest] of ROUTES) {
        const res = await call('POST', `${sandboxed.url}${path}`, {
          phone_number: number,
          ...rest,
        });
        expect([path, res.status]).toEqual([path, 400]);
        expect(res.body.type).toBe('urn:simauth:problem:validation-error');
        expect(res.body.errors).toEqual([refusal(reason)]);
      }
      // Neither as written nor in the form libphonenumber reads it (+44 0… is +44 …).
      expect(await traces(sandboxed, [number, number.replace('+440', '+44')])).toEqual({
        checks: 0,
        attempts: 0,
        counters: 0,
      });
    },
  );

  it('refuses an impossible number at the OpenID login page, with its reason', async () => {
    const rp = await client.discovery(
      new URL(sandboxed.url),
      WEB_APP.client_id,
      WEB_APP.client_secret,
      client.ClientSecretBasic(WEB_APP.client_secret),
      { execute: [client.allowInsecureRequests] },
    );
    const browser = new CookieBrowser();
    const page = await browser.follow(
      (await authorization(rp)).url.toString(),
      (u) => new URL(u).pathname === '/login',
    );
    const uid = new URL(page.url).searchParams.get('interaction')!;
    for (const [number, reason] of IMPOSSIBLE) {
      const res = await browser.request(`${sandboxed.url}/oidc/interaction/${uid}/login`, {
        body: { phone_number: number },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: unknown }).errors).toEqual([refusal(reason)]);
    }
  });

  it('accepts a real number whether the sandbox is announced or not', async () => {
    for (const t of [sandboxed, real]) {
      const number = realPhoneNumber();
      const started = await call('POST', `${t.url}/v1/registrations`, {
        phone_number: number,
        device_id: `dev-${randomUUID()}`,
      });
      expect(started.status).toBe(201);
      expect((await traces(t, [number])).checks).toBe(1);
    }
  });

  it("accepts the sandbox's test numbers while the sandbox serves, and refuses them on real providers", async () => {
    const uk = uniquePhoneNumber();
    const vonage = uniquePhoneNumber('+990');
    const register = (t: TestApp, number: string) =>
      call('POST', `${t.url}/v1/registrations`, {
        phone_number: number,
        device_id: `dev-${randomUUID()}`,
      });
    const verify = (t: TestApp, number: string) =>
      call('POST', `${t.url}/v1/number-verifications`, { phone_number: number });

    const refusedUk = await register(real, uk);
    expect(refusedUk.status).toBe(400);
    expect(refusedUk.body.errors).toEqual([refusal('INVALID_NUMBER')]);
    const refusedVonage = await verify(real, vonage);
    expect(refusedVonage.status).toBe(400);
    expect(refusedVonage.body.errors).toEqual([refusal('INVALID_COUNTRY')]);
    // The README's own example number too.
    expect(
      (await call('POST', `${real.url}/v1/logins`, { phone_number: '+447700900001' })).status,
    ).toBe(400);
    expect(await traces(real, [uk, vonage])).toEqual({ checks: 0, attempts: 0, counters: 0 });

    expect((await register(sandboxed, uk)).status).toBe(201);
    expect((await verify(sandboxed, vonage)).status).toBe(201);
    expect(
      (await call('POST', `${sandboxed.url}/v1/logins`, { phone_number: '+447700900001' })).status,
    ).toBe(201);
  });

  it('refuses an impossible number in the admin searches by phone, with its reason', async () => {
    const token = await adminToken(sandboxed.url, 'simauth:admin');
    for (const [number, reason] of IMPOSSIBLE) {
      for (const path of ['/admin/v1/users', '/admin/v1/attempts']) {
        const res = await call(
          'GET',
          `${sandboxed.url}${path}?phone_number=${encodeURIComponent(number)}`,
          undefined,
          bearer(token),
        );
        expect([path, res.status]).toEqual([path, 400]);
        expect(res.body.errors).toEqual([refusal(reason)]);
      }
    }
    // A real number nobody registered is searched, and not found.
    const unknown = await call(
      'GET',
      `${sandboxed.url}/admin/v1/users?phone_number=${encodeURIComponent(realPhoneNumber())}`,
      undefined,
      bearer(token),
    );
    expect(unknown.status).toBe(404);
  });

  it('documents the reason of a field error in the OpenAPI problem schema', async () => {
    const document = (await call('GET', `${sandboxed.url}/docs-json`)).body;
    const answer = document.paths['/v1/registrations'].post.responses['400'];
    const item = answer.content['application/problem+json'].schema.properties.errors.items;
    expect(Object.keys(item.properties)).toEqual(['field', 'message', 'reason']);
    for (const reason of [
      'NOT_A_NUMBER',
      'INVALID_COUNTRY',
      'TOO_SHORT',
      'TOO_LONG',
      'INVALID_LENGTH',
      'INVALID_NUMBER',
    ])
      expect(item.properties.reason.description).toContain(reason);
  });
});
