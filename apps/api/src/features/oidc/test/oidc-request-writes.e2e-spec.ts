import { createHmac, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { TestApp, startTestApp } from '@test-support/test-app';
import { CALLBACK } from '@test-support/oidc';
import { approveOnPhone, registerPhone } from '@test-support/flows';
import { CookieBrowser } from '@test-support/browser';
import { postgresOidcAdapter } from '../oidc-postgres.adapter';
import { oidcRequestScope } from '../oidc-request-writes';

const SECRET = 'assertion-client-secret-that-is-long-enough-0123456789';
const CLIENTS = [
  {
    client_id: 'jwt-client',
    client_secret: SECRET,
    token_endpoint_auth_method: 'client_secret_jwt',
    redirect_uris: [CALLBACK],
    grant_types: ['authorization_code', 'refresh_token'],
  },
  { client_id: 'spa', token_endpoint_auth_method: 'none', redirect_uris: [CALLBACK] },
];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A client_secret_jwt assertion (RFC 7523) for the token endpoint, with `jti`. */
function assertion(t: TestApp, jti: string): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    iss: 'jwt-client',
    sub: 'jwt-client',
    aud: `${t.url}/oidc/token`,
    jti,
    iat: now,
    exp: now + 60,
  })}`;
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}

/** A token request (a refresh token that does not exist) authenticated with `clientAssertion`. */
async function tokenRequest(t: TestApp, clientAssertion: string) {
  const res = await fetch(`${t.url}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: 'not-a-refresh-token',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe("the OpenID Provider's request writes", () => {
  let t: TestApp;
  const log = new PassThrough();
  let said = '';
  log.on('data', (d) => (said += d));
  /** Resolves when the app has logged a line matching `pattern`. */
  const logged = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!pattern.test(said)) return;
        log.off('data', check);
        resolve();
      };
      log.on('data', check);
      check();
    });
  beforeAll(async () => {
    t = await startTestApp({
      env: { OIDC_CLIENTS: JSON.stringify(CLIENTS), LOG_LEVEL: 'error' },
      logs: log,
    });
  });
  afterAll(() => t.close());

  it('refuses a client assertion used a second time', async () => {
    const used = assertion(t, randomUUID());
    // The client is authenticated; the refresh token is not one.
    const first = await tokenRequest(t, used);
    expect(first).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const replay = await tokenRequest(t, used);
    expect(replay).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(replay.body.error_description).toMatch(/client authentication failed/);
  });

  it('stores a replay mark as soon as it is saved, while other writes of the request wait for its end', async () => {
    const adapter = postgresOidcAdapter(t.db);
    const mark = `mark-${randomUUID()}`;
    const token = `token-${randomUUID()}`;
    const stored = async (model: string, id: string) =>
      (await t.db.query('SELECT 1 FROM oidc_models WHERE model = $1 AND id = $2', [model, id]))
        .length === 1;
    const seen: Record<string, boolean> = {};
    const scope = oidcRequestScope(t.db, (err) => {
      throw err;
    });
    await scope(
      { status: 200, body: {}, res: { headersSent: false }, remove: () => {} },
      async () => {
        await adapter('ReplayDetection').upsert(mark, { jti: mark, iss: 'jwt-client' }, 60);
        await adapter('AccessToken').upsert(token, { jti: token, kind: 'AccessToken' }, 60);
        // Read past the adapter: what the database holds while the request is under way.
        seen.mark = await stored('ReplayDetection', mark);
        seen.token = await stored('AccessToken', token);
      },
    );
    expect(seen).toEqual({ mark: true, token: false });
    expect(await stored('AccessToken', token)).toBe(true);
  });

  it("answers OAuth's server_error with its request id and logs it when the request's writes fail", async () => {
    // A constraint (for this test only) refuses the interaction saved for one request's state,
    // so the write the library holds for that request fails at the request's end.
    const state = `refused-${randomUUID()}`;
    const constraint = `test_refuse_${state.slice(-12)}`;
    await t.db.query(
      `ALTER TABLE oidc_models ADD CONSTRAINT ${constraint}
         CHECK (payload -> 'params' ->> 'state' IS DISTINCT FROM '${state}') NOT VALID`,
    );
    try {
      const url = new URL(`${t.url}/oidc/auth`);
      url.search = new URLSearchParams({
        client_id: 'spa',
        response_type: 'code',
        scope: 'openid',
        redirect_uri: CALLBACK,
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        state,
      }).toString();
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(500);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('set-cookie')).toBeNull();
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      expect(await res.json()).toEqual({
        error: 'server_error',
        error_description: 'oops! something went wrong',
      });
      await logged(/OpenID Provider error: a write failed/);
      expect(said).toMatch(/violates check constraint/);
      expect(said).toContain(constraint);
      expect(said).not.toContain(state);
    } finally {
      await t.db.query(`ALTER TABLE oidc_models DROP CONSTRAINT ${constraint}`);
    }
  });

  it('does not bring back an interaction destroyed while its login was being claimed', async () => {
    const phone = await registerPhone(t);
    const browser = new CookieBrowser();
    const url = new URL(`${t.url}/oidc/auth`);
    url.search = new URLSearchParams({
      client_id: 'spa',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: CALLBACK,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const page = await browser.follow(url.toString(), (u) => new URL(u).pathname === '/login');
    const uid = new URL(page.url).searchParams.get('interaction')!;
    const started = await browser.request(`${t.url}/oidc/interaction/${uid}/login`, {
      body: { phone_number: phone.phoneNumber },
    });
    const login = (await started.json()) as {
      login_id: string;
      poll_token: string;
      match_number: number;
    };
    expect(await approveOnPhone(t, phone, login.login_id, login.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    const interactionRows = () =>
      t.db.query(`SELECT 1 FROM oidc_models WHERE model = 'Interaction' AND id = $1`, [uid]);
    expect(await interactionRows()).toHaveLength(1);

    // The claim waits on the login's row, locked here; meanwhile the interaction goes (as the
    // library's resume destroys it).
    const lock = t.db.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [login.login_id]);
    const finishing = browser.request(`${t.url}/oidc/interaction/${uid}/finish`, {
      body: { poll_token: login.poll_token },
    });
    let waiting = 0;
    while (waiting === 0) {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%WITH claimed AS%'`,
      );
      waiting = row.n;
    }
    await lock.query(`DELETE FROM oidc_models WHERE model = 'Interaction' AND id = $1`, [uid]);
    await lock.commitTransaction();
    await lock.release();

    const finished = await finishing;
    expect(finished.status).toBe(404);
    expect(await interactionRows()).toHaveLength(0);
  });
});
