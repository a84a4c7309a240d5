import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { CALLBACK, publicClientAuthorization } from '@test-support/oidc';

const CLIENT = {
  client_id: 'spa',
  token_endpoint_auth_method: 'none',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
};

/** An authorization request for the public client, with `extra` parameters. */
const authorizeUrl = (t: TestApp, extra: Record<string, string>): URL =>
  publicClientAuthorization(t, extra).url;

/**
 * Postgres stores no NUL character: a parameter carrying one gets the OAuth error its endpoint
 * answers for a bad parameter, never a server_error from a failed write or lookup.
 */
describe('OpenID requests with a NUL character in a parameter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify([CLIENT]) } });
  });
  afterAll(() => t.close());

  const interactions = async (marker: string) =>
    Number(
      (
        await t.db.query(
          `SELECT count(*) AS n FROM oidc_models
            WHERE model = 'Interaction' AND payload -> 'params' ->> 'nonce' = $1`,
          [marker],
        )
      )[0].n,
    );

  it("sends the client invalid_request naming the authorization request's state, and stores nothing", async () => {
    const nonce = randomUUID();
    const res = await fetch(authorizeUrl(t, { state: 'a\u0000b', nonce }), { redirect: 'manual' });
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toBe(
      'state must not contain a NUL character',
    );
    expect(await interactions(nonce)).toBe(0);
  });

  it('names the nonce when the nonce holds one', async () => {
    const res = await fetch(authorizeUrl(t, { state: 'st', nonce: 'x\u0000y' }), {
      redirect: 'manual',
    });
    const back = new URL(res.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toBe(
      'nonce must not contain a NUL character',
    );
    expect(back.searchParams.get('state')).toBe('st');
  });

  it.each([
    [
      'an authorization code',
      {
        grant_type: 'authorization_code',
        code: 'c\u0000d',
        redirect_uri: CALLBACK,
        code_verifier: 'v'.repeat(43),
      },
    ],
    ['a refresh token', { grant_type: 'refresh_token', refresh_token: 'r\u0000t' }],
  ])('answers invalid_grant for %s with a NUL character', async (_what, grant) => {
    const res = await fetch(`${t.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'spa', ...grant }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers invalid_token at userinfo for an access token with a NUL character', async () => {
    const res = await fetch(`${t.url}/oidc/me`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: 'a\u0000b' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('treats an interaction id with a NUL character as unknown, on the login page and at the resume', async () => {
    const page = await fetch(`${t.url}/login?interaction=a%00b`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('Sign in to');
    const resume = await fetch(`${t.url}/oidc/auth/a%00b`, { redirect: 'manual' });
    expect(resume.status).toBeGreaterThanOrEqual(400);
    expect(resume.status).toBeLessThan(500);
    const login = await fetch(`${t.url}/oidc/interaction/a%00b/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: '+447700900001' }),
    });
    expect(login.status).toBeGreaterThanOrEqual(400);
    expect(login.status).toBeLessThan(500);
  });
});
