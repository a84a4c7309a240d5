import { TestApp, startTestApp } from '@test-support/test-app';
import { CALLBACK, publicClientAuthorization, signInThroughPage } from '@test-support/oidc';
import { registerPhone } from '@test-support/flows';
import { CookieBrowser } from '@test-support/browser';
import { oneLine, recordStatements } from '@test-support/statements';

const CLIENT = {
  client_id: 'spa',
  token_endpoint_auth_method: 'none',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
};

/**
 * Two redemptions of one authorization code, or of one refresh token, sent at the same moment (the
 * race a stolen code or token makes with its owner, on one replica or two): the library reads the
 * code, finds it unused, then consumes it, so both used to pass. Over HTTP, real Postgres.
 */
describe('codes and refresh tokens are single-use even when redeemed twice at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify([CLIENT]) } });
  });
  afterAll(() => t.close());

  /** An authorization request of the public client (a refresh token too, unless `openid` alone). */
  const authorizationRequest = (scope = 'openid offline_access') =>
    publicClientAuthorization(t, { scope });

  async function signIn() {
    const auth = authorizationRequest();
    const back = await signInThroughPage(t, auth, await registerPhone(t));
    return { code: back.searchParams.get('code')!, verifier: auth.verifier };
  }

  const token = async (form: Record<string, string>) => {
    const res = await fetch(`${t.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'spa', ...form }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  /**
   * Sends `twice` while the row of `model` `id` is locked, so both requests have read it and wait
   * to consume it (or, `waitingIn` another statement, to delete it); then lets them go.
   */
  async function atOnce<T>(
    model: string,
    id: string,
    twice: () => Promise<T>[],
    waitingIn = '%consumed_at%',
  ): Promise<T[]> {
    const lock = t.db.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('SELECT 1 FROM oidc_models WHERE model = $1 AND id = $2 FOR UPDATE', [
      model,
      id,
    ]);
    const sent = twice();
    let waiting = 0;
    while (waiting < 2) {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE $1`,
        [waitingIn],
      );
      waiting = row.n;
    }
    await lock.commitTransaction();
    await lock.release();
    return Promise.all(sent);
  }

  /** The api's statements on the OpenID store and the accounts while `work` runs, in order. */
  async function storeStatements(work: () => Promise<unknown>): Promise<string[]> {
    // The sweeper's deletes are the api's background work, not the request's.
    const record = recordStatements(
      (text) =>
        /oidc_models|users/.test(text) && !/^\s*DELETE FROM oidc_models WHERE ctid/.test(text),
    );
    try {
      await work();
    } finally {
      record.stop();
    }
    return record.statements.map(oneLine);
  }

  it('redeems a code and rotates a refresh token each with one read and one write: the consume and the new tokens in one statement, the account read with the token', async () => {
    const { code, verifier } = await signIn();
    let first = { status: 0, body: {} as Record<string, string> };
    const redeemed = await storeStatements(async () => {
      first = await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
      });
    });
    expect(first.status).toBe(200);
    let rotated = { status: 0, body: {} as Record<string, string> };
    const refreshed = await storeStatements(async () => {
      rotated = await token({
        grant_type: 'refresh_token',
        refresh_token: first.body.refresh_token,
      });
    });
    expect(rotated.status).toBe(200);
    for (const statements of [redeemed, refreshed]) {
      expect(statements).toHaveLength(2);
      expect(statements[0]).toMatch(/^SELECT .* LEFT JOIN users u /);
      expect(statements[1]).toMatch(
        /^WITH c AS \(UPDATE oidc_models SET consumed_at = now\(\) .* AND consumed_at IS NULL RETURNING 1\), w0 AS \(INSERT INTO oidc_models .* WHERE EXISTS \(SELECT 1 FROM c\)/,
      );
    }
    // The rotated token is the one that works, once.
    const again = await token({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  const outcomes = (answers: { status: number; body: Record<string, string> }[]) =>
    answers.map((a) => (a.status === 200 ? 'tokens' : `${a.status} ${a.body.error}`)).sort();

  it('answers one of two simultaneous redemptions of a code with tokens, the other invalid_grant, and revokes the grant', async () => {
    const { code, verifier } = await signIn();
    const redeem = () =>
      token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
      });
    const answers = await atOnce('AuthorizationCode', code, () => [redeem(), redeem()]);
    expect(outcomes(answers)).toEqual(['400 invalid_grant', 'tokens']);
    // As for a replayed code: the tokens the other redemption got are good for nothing.
    const issued = answers.find((a) => a.status === 200)!.body;
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: issued.refresh_token,
    });
    expect(refreshed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('answers one of two simultaneous rotations of a refresh token, the other invalid_grant, and revokes the grant', async () => {
    const { code, verifier } = await signIn();
    const first = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    });
    expect(first.status).toBe(200);
    const refresh = () =>
      token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
    const answers = await atOnce('RefreshToken', first.body.refresh_token, () => [
      refresh(),
      refresh(),
    ]);
    expect(outcomes(answers)).toEqual(['400 invalid_grant', 'tokens']);
    const rotated = answers.find((a) => a.status === 200)!.body;
    const next = await token({ grant_type: 'refresh_token', refresh_token: rotated.refresh_token });
    expect(next).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('stores the code of one of two simultaneous resumes of an interaction, and answers the other 400 without a code', async () => {
    const auth = authorizationRequest('openid');
    const browser = new CookieBrowser();
    const phone = await registerPhone(t);
    // The browser stops where finish sends it: the resume, which ends the interaction.
    const resume = await signInThroughPage(
      t,
      auth,
      phone,
      'approve',
      browser,
      t,
      `${t.url}/oidc/auth/`,
    );
    const uid = resume.pathname.split('/').pop()!;
    const answers = await atOnce(
      'Interaction',
      uid,
      () => [browser.request(resume.toString()), browser.request(resume.toString())],
      '%DELETE FROM oidc_models%',
    );
    const codes = answers
      .map((a) => a.headers.get('location'))
      .filter((l): l is string => !!l?.startsWith(CALLBACK))
      .map((l) => new URL(l).searchParams.get('code'));
    expect(codes).toHaveLength(1);
    const refused = answers.find((a) => !a.headers.get('location'))!;
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_request' });
    // The refused resume stored nothing: one code, one grant for the user's one sign-in.
    const stored = await t.db.query(
      `SELECT model, count(*)::int AS n FROM oidc_models
        WHERE model IN ('AuthorizationCode', 'Grant')
          AND payload->>'accountId' = (SELECT id::text FROM users WHERE phone_number = $1)
        GROUP BY model ORDER BY model`,
      [phone.phoneNumber],
    );
    expect(stored).toEqual([
      { model: 'AuthorizationCode', n: 1 },
      { model: 'Grant', n: 1 },
    ]);
    const redeemed = await token({
      grant_type: 'authorization_code',
      code: codes[0]!,
      redirect_uri: CALLBACK,
      code_verifier: auth.verifier,
    });
    expect(redeemed.status).toBe(200);
  });

  it('signs in once with a pushed authorization request: its request_uri is consumed with the code, and refused after', async () => {
    const auth = authorizationRequest('openid');
    const pushed = await fetch(`${t.url}/oidc/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: auth.url.searchParams,
    });
    expect(pushed.status).toBe(201);
    const { request_uri } = (await pushed.json()) as { request_uri: string };
    const byReference = new URL(`${t.url}/oidc/auth`);
    byReference.search = new URLSearchParams({ client_id: 'spa', request_uri }).toString();
    const browser = new CookieBrowser();
    const back = await signInThroughPage(
      t,
      { ...auth, url: byReference },
      await registerPhone(t),
      'approve',
      browser,
    );
    const code = back.searchParams.get('code')!;
    expect(code).toBeTruthy();
    const [par] = await t.db.query(
      `SELECT consumed_at FROM oidc_models WHERE model = 'PushedAuthorizationRequest' AND id = $1`,
      [request_uri.split(':').at(-1)],
    );
    expect(par.consumed_at).not.toBeNull();
    const again = await fetch(byReference, { redirect: 'manual' });
    const where = again.headers.get('location') ?? '';
    const body = where ? '' : await again.text();
    expect(`${where} ${body}`).toMatch(/invalid_request_uri/);
    const redeemed = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      code_verifier: auth.verifier,
    });
    expect(redeemed.status).toBe(200);
  });
});
