import { createHmac, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { TestApp, startTestApp } from '@test-support/test-app';
import {
  CALLBACK,
  publicClientAuthorization,
  signInThroughPage,
  startLoginOnPage,
} from '@test-support/oidc';
import { approveOnPhone, registerPhone } from '@test-support/flows';
import { CookieBrowser } from '@test-support/browser';
import { postgresOidcAdapter } from '../oidc-postgres.adapter';
import { oidcRequestScope } from '../oidc-request-writes';
import { oneLine, recordStatements } from '@test-support/statements';

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

  it('accepts a client assertion sent twice at the same moment only once', async () => {
    const used = assertion(t, randomUUID());
    // Both requests find no mark for the assertion's jti, then wait to store it: the table is
    // locked against writes (reads go on) until both wait, then both go.
    const lock = t.db.createQueryRunner();
    await lock.connect();
    let sent: ReturnType<typeof tokenRequest>[] = [];
    try {
      await lock.startTransaction();
      const [{ pid }] = await lock.query('SELECT pg_backend_pid() AS pid');
      await lock.query('LOCK TABLE oidc_models IN SHARE ROW EXCLUSIVE MODE');
      sent = [tokenRequest(t, used), tokenRequest(t, used)];
      // Only this test's two requests: blocked by this lock, storing a replay mark (the other
      // test file running beside this one may wait on the lock too, with other writes).
      const deadline = Date.now() + 10_000;
      for (;;) {
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE pg_blocking_pids(pid) @> ARRAY[$1::int]
              AND query LIKE '%ON CONFLICT (model, id) DO UPDATE%WHERE oidc_models.expires_at <= now()%'`,
          [pid],
        );
        if (row.n >= 2) break;
        if (Date.now() > deadline) throw new Error(`${row.n} of 2 requests wait to store the mark`);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      if (lock.isTransactionActive) await lock.commitTransaction();
      await lock.release();
    }
    const answers = await Promise.all(sent);
    // One is authenticated (its refresh token is not one); the other is refused before that.
    expect(answers.filter((a) => a.body.error === 'invalid_grant')).toHaveLength(1);
    const refused = answers.find((a) => a.body.error !== 'invalid_grant')!;
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(refused.body.error_description).toMatch(/used already/);
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

  /** A sign-in of the public client up to its finish: the login approved on the phone. */
  async function approvedInteraction() {
    const phone = await registerPhone(t);
    const browser = new CookieBrowser();
    const { url } = publicClientAuthorization(t);
    const { uid, login } = await startLoginOnPage(t, url, phone, browser);
    expect(await approveOnPhone(t, phone, login.login_id, login.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    const finish = () =>
      browser.request(`${t.url}/oidc/interaction/${uid}/finish`, {
        body: { poll_token: login.poll_token },
      });
    return { uid, loginId: login.login_id, finish, browser };
  }

  /**
   * Sends the finish of `approved` while the login's row is locked (its claim waits on it), runs
   * `meanwhile` on the lock's connection, then lets the claim go.
   */
  async function finishWhileClaiming(
    approved: Awaited<ReturnType<typeof approvedInteraction>>,
    meanwhile: (query: (sql: string, values: unknown[]) => Promise<unknown>) => Promise<unknown>,
  ) {
    const lock = t.db.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [approved.loginId]);
    const finishing = approved.finish();
    let waiting = 0;
    while (waiting === 0) {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%WITH claimed AS%'`,
      );
      waiting = row.n;
    }
    await meanwhile((sql, values) => lock.query(sql, values));
    await lock.commitTransaction();
    await lock.release();
    return finishing;
  }

  const interactionRows = (uid: string) =>
    t.db.query(`SELECT payload FROM oidc_models WHERE model = 'Interaction' AND id = $1`, [uid]);

  it('does not bring back an interaction destroyed while its login was being claimed', async () => {
    const approved = await approvedInteraction();
    expect(await interactionRows(approved.uid)).toHaveLength(1);
    // Meanwhile the interaction goes, as the library's resume destroys it.
    const finished = await finishWhileClaiming(approved, (query) =>
      query(`DELETE FROM oidc_models WHERE model = 'Interaction' AND id = $1`, [approved.uid]),
    );
    expect(finished.status).toBe(404);
    expect(await interactionRows(approved.uid)).toHaveLength(0);
  });

  it('does not overwrite an interaction changed while its login was being claimed', async () => {
    const approved = await approvedInteraction();
    // Meanwhile the interaction is saved again (as the library's resume does when the browser's
    // session names another account): finish's save, of the interaction it read, would undo it.
    const finished = await finishWhileClaiming(approved, (query) =>
      query(
        `UPDATE oidc_models SET payload = payload || '{"changed": true}'
          WHERE model = 'Interaction' AND id = $1`,
        [approved.uid],
      ),
    );
    expect(finished.status).toBe(404);
    const [row] = await interactionRows(approved.uid);
    expect(row.payload).toMatchObject({ changed: true });
    expect(row.payload.result).toBeUndefined();
  });

  it("commits a sign-in's interaction without waiting for the disk, and its grant, session, code and tokens as the server says", async () => {
    // Each row written to oidc_models is noted with where its commit mode comes from: 'session'
    // when its statement set synchronous_commit itself (the setting lasts for its transaction).
    const noted = `commit_modes_${randomUUID().replace(/-/g, '')}`;
    await t.db.query(
      `CREATE TABLE ${noted} (model text, id text, op text, source text, payload text)`,
    );
    await t.db.query(
      `CREATE FUNCTION ${noted}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         INSERT INTO ${noted}
         SELECT r.model, r.id, TG_OP, s.source, r.payload::text
           FROM (SELECT (CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END).*) r,
                pg_settings s WHERE s.name = 'synchronous_commit';
         RETURN NULL;
       END $$`,
    );
    await t.db.query(
      `CREATE TRIGGER ${noted} AFTER INSERT OR UPDATE OR DELETE ON oidc_models
         FOR EACH ROW EXECUTE FUNCTION ${noted}()`,
    );
    let rows: { model: string; id: string; op: string; source: string; payload: string }[];
    let accountId: string;
    try {
      const auth = publicClientAuthorization(t);
      const phone = await registerPhone(t);
      const back = await signInThroughPage(t, auth, phone);
      [{ id: accountId }] = await t.db.query('SELECT id FROM users WHERE phone_number = $1', [
        phone.phoneNumber,
      ]);
      const token = await fetch(`${t.url}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: 'spa',
          code: back.searchParams.get('code')!,
          code_verifier: auth.verifier,
          redirect_uri: CALLBACK,
        }),
      });
      expect(token.status).toBe(200);
      rows = await t.db.query(`SELECT * FROM ${noted}`);
    } finally {
      await t.db.query(`DROP TRIGGER ${noted} ON oidc_models`);
      await t.db.query(`DROP FUNCTION ${noted}()`);
      await t.db.query(`DROP TABLE ${noted}`);
    }
    // This sign-in's rows: its interaction (which its account finished), and what names its account.
    const uid = rows.find((r) => r.model === 'Interaction' && r.payload.includes(accountId))!.id;
    const modes = rows
      .filter((r) => r.id === uid || r.payload.includes(accountId))
      .map((r) => `${r.model} ${r.op}: ${r.source === 'session' ? 'no wait' : 'server'}`);
    expect([...new Set(modes)].sort()).toEqual([
      'AccessToken INSERT: server',
      'AuthorizationCode INSERT: server',
      'AuthorizationCode UPDATE: server',
      'Grant INSERT: server',
      'Interaction DELETE: server',
      'Interaction INSERT: no wait',
      'Interaction UPDATE: no wait',
      'Session INSERT: server',
    ]);
  });

  it("reads and claims a finished sign-in's login in one statement, and refuses its second finish", async () => {
    const approved = await approvedInteraction();
    const record = recordStatements((text) => /\battempts\b/.test(text));
    let finished: Response;
    try {
      finished = await approved.finish();
    } finally {
      record.stop();
    }
    expect(finished.status).toBe(200);
    expect(record.statements.map(oneLine)).toEqual([
      expect.stringMatching(/^WITH claimed AS \( UPDATE attempts .* WHERE token_hash = \$1 /),
    ]);
    // The second finish finds the login claimed: told by the reads that follow a failed claim.
    const again = await approved.finish();
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toBe(
      'This sign-in was already used.',
    );
  });

  it('finishes a sign-in reading its interaction once, and saves its result onto the interaction as read', async () => {
    const approved = await approvedInteraction();
    // The sweeper's deletes are the api's background work, not the request's.
    const record = recordStatements(
      (text) => /oidc_models/.test(text) && !/DELETE FROM oidc_models WHERE ctid/.test(text),
    );
    let finished: Response;
    try {
      finished = await approved.finish();
    } finally {
      record.stop();
    }
    const statements = record.statements.map(oneLine);
    expect(finished.status).toBe(200);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^SELECT .* FROM oidc_models m /);
    expect(statements[1]).toMatch(
      /^UPDATE oidc_models SET payload = \$3, .* AND payload = \$8::jsonb/,
    );
    const [row] = await interactionRows(approved.uid);
    expect(row.payload.result.login.accountId).toEqual(expect.any(String));
  });
});
