import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { uniqueIp as uniqueTestIp } from '@test-support/addresses';
import { BODY_LIMIT_BYTES } from '../../../create-api-app';

/** A client address of this suite's own range, as a trusted proxy says it. */
const uniqueIp = () => uniqueTestIp('203.0.2');

/** Relying parties with client_credentials, named afresh each run: their counters are their own. */
const relyingParty = () => ({
  ...OPS_CLIENT,
  client_id: `rp-${randomUUID()}`,
  client_secret: `rp-secret-that-is-long-enough-${randomUUID()}`,
});
const RP = relyingParty();
const OTHER_RP = relyingParty();
const OPS = relyingParty();
/** A public client (a single-page app): its client_id is no secret, anyone can send it. */
const SPA = {
  client_id: `spa-${randomUUID()}`,
  token_endpoint_auth_method: 'none',
  redirect_uris: ['https://spa.example/callback'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
};

describe('rate limits that fit each protocol (two replicas, one database)', () => {
  let a: TestApp;
  let b: TestApp;
  const env = {
    RATE_LIMIT_IP: '3/60',
    RATE_LIMIT_CLIENT: '5/60',
    TRUST_PROXY: 'loopback',
    OIDC_CLIENTS: JSON.stringify([RP, OTHER_RP, OPS, SPA]),
  };
  beforeAll(async () => {
    a = await startTestApp({ env });
    b = await startTestApp({ env, sharedSandbox: a.sandbox });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** A form POST to one of the provider's client endpoints, as `client` from `ip`. */
  const oauth = async (
    app: TestApp,
    path: string,
    ip: string,
    client: { client_id: string; client_secret: string },
    form: Record<string, string>,
  ) => {
    const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
    const res = await fetch(`${app.url}/oidc/${path}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': ip,
      },
      body: new URLSearchParams(form).toString(),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const token = (app: TestApp, ip: string, client = RP) =>
    oauth(app, 'token', ip, client, { grant_type: 'client_credentials', scope: 'simauth:admin' });

  it("limits the token, introspection and revocation endpoints per authenticated client, not per address: a relying party's server is one address", async () => {
    const ip = uniqueIp();
    // Five requests of one client from one address, across replicas: more than the address's 3.
    const first = await token(a, ip);
    expect(first.status).toBe(200);
    expect((await token(b, ip)).status).toBe(200);
    expect((await token(a, ip)).status).toBe(200);
    // The admin tokens are JWTs, which the library does not introspect: any token will do.
    const introspected = await oauth(b, 'token/introspection', ip, RP, { token: 'unknown' });
    expect([introspected.status, introspected.body]).toEqual([200, { active: false }]);
    const revoked = await oauth(a, 'token/revocation', ip, RP, { token: 'unknown' });
    expect(revoked.status).toBe(200);

    // The client's budget of 5 is spent: an OAuth error, not a problem document.
    const sixth = await token(a, ip);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(sixth.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(sixth.body).toEqual({
      error: 'temporarily_unavailable',
      error_description: expect.stringContaining('Too many requests for this client (at most 5'),
    });
    // Another relying party behind the same address has its own budget.
    expect((await token(a, ip, OTHER_RP)).status).toBe(200);
  });

  it("still limits failed client authentication per address, without touching the client's budget", async () => {
    const ip = uniqueIp();
    const wrong = { ...OTHER_RP, client_secret: 'not-the-secret-of-this-relying-party-0000' };
    const failed = [
      await token(a, ip, wrong),
      await token(b, ip, wrong),
      await token(a, ip, wrong),
    ];
    expect(failed.map((r) => [r.status, r.body.error])).toEqual([
      [401, 'invalid_client'],
      [401, 'invalid_client'],
      [401, 'invalid_client'],
    ]);
    // Past the address's 3: refused on the replica that counted the last failure, and on the
    // one that did not.
    const fourth = await token(b, ip, wrong);
    expect([fourth.status, fourth.body.error]).toEqual([429, 'temporarily_unavailable']);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(fourth.headers.get('www-authenticate')).toBeNull();
    // The client that knows its secret is not locked out by guesses from its address.
    expect((await token(a, ip, OTHER_RP)).status).toBe(200);
    // The guesses go on being refused there.
    expect((await token(a, ip, wrong)).status).toBe(429);
    // The client itself, from its own address, was not limited by the guesses.
    for (let i = 0; i < 3; i++) expect((await token(b, uniqueIp(), OTHER_RP)).status).toBe(200);
  });

  it("counts a public client's requests per address: naming it proves nothing, so nobody can spend its users' budget", async () => {
    const exchange = (app: TestApp, ip: string) =>
      fetch(`${app.url}/oidc/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': ip,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: SPA.client_id,
          code: 'not-a-code',
          code_verifier: 'a'.repeat(43),
          redirect_uri: SPA.redirect_uris[0],
        }).toString(),
      });
    const first = uniqueIp();
    const second = uniqueIp();
    // Six requests naming the client, more than RATE_LIMIT_CLIENT's 5: three per address.
    const answers = [];
    for (const ip of [first, first, first, second, second, second])
      answers.push((await exchange(a, ip)).status);
    expect(answers).toEqual([400, 400, 400, 400, 400, 400]);
    const fourth = await exchange(b, first);
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toMatchObject({ error: 'temporarily_unavailable' });
    expect((await exchange(a, uniqueIp())).status).toBe(400);
  });

  it('answers 429 with Retry-After past the address budget of requests without a valid admin token, and still serves a valid one from there', async () => {
    const ip = uniqueIp();
    const endpoints = (app: TestApp, authorization: string, from = ip) =>
      call('GET', `${app.url}/admin/v1/webhooks/endpoints`, undefined, {
        authorization,
        'x-forwarded-for': from,
      });
    const answers = [
      await endpoints(a, 'Bearer not-an-admin-token'),
      await endpoints(b, 'Bearer not-an-admin-token'),
      await endpoints(a, 'Basic b3BzOm9wcw=='),
      await endpoints(b, 'Bearer not-an-admin-token'),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    const refused = answers[3];
    expect(refused.body.type).toBe('urn:simauth:problem:rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // An operator with a valid token behind the same address is not locked out; the bad tokens
    // go on being refused. (Each test replica has its own PUBLIC_URL, so its own token audience.)
    const validOnA = bearer(await adminToken(a.url, 'simauth:admin', OPS)).authorization;
    expect((await endpoints(a, validOnA)).status).toBe(200);
    expect((await endpoints(a, 'Bearer not-an-admin-token')).status).toBe(429);
  });

  it('counts a body refused as too large (413) per address, like other refused bodies, streamed or declared', async () => {
    const ip = uniqueIp();
    const large = JSON.stringify({
      phone_number: uniquePhoneNumber(),
      pad: 'x'.repeat(BODY_LIMIT_BYTES),
    });
    const declared = (app: TestApp) =>
      fetch(`${app.url}/v1/logins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: large,
      });
    // No Content-Length: the body is refused as it streams past the limit.
    const streamed = (app: TestApp) =>
      fetch(`${app.url}/v1/logins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: new Blob([large]).stream(),
        duplex: 'half',
      } as RequestInit);
    const refused = [await declared(a), await streamed(b), await declared(b)];
    expect(refused.map((r) => r.status)).toEqual([413, 413, 413]);
    // The address's 3 are used: a well-formed login from it is over the limit, and so is a fourth
    // body too large.
    const login = await call(
      'POST',
      `${a.url}/v1/logins`,
      { phone_number: uniquePhoneNumber() },
      { 'x-forwarded-for': ip },
    );
    expect(login.status).toBe(429);
    expect((await streamed(a)).status).toBe(429);
  });

  it('closes a connection whose request has not arrived within 30 s, whatever the pace of its header lines', () => {
    const server = a.app.getHttpServer() as Server & { connectionsCheckingInterval: number };
    // Node closes a connection past requestTimeout (headersTimeout for the headers) at its next
    // check of connections: the latest close is the timeout plus the check interval.
    const latestClose =
      Math.max(server.headersTimeout, server.requestTimeout) + server.connectionsCheckingInterval;
    expect(server.requestTimeout).toBeGreaterThan(0);
    expect(server.headersTimeout).toBeGreaterThan(0);
    expect(latestClose).toBeLessThanOrEqual(30_000);
  });
});
