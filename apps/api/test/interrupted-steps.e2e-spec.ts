import { runMigrations } from '@simauth/database';
import { RunningSandbox, startSandbox } from '@simauth/sandbox';
import { PgCluster } from '@test-support/pg-cluster';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice } from '@test-support/device';
import { RegisteredPhone, registerPhone } from '@test-support/flows';
import { HoldingProxy } from '@test-support/holding-proxy';
import { eventually } from '@test-support/sse';

/**
 * A login's provider calls run after the move that starts them has committed. When Postgres goes
 * away during such a call, the answer cannot be recorded: the login is left in APPROVED or
 * MATCH_PENDING. The step's lease lets the phone (or the sweeper) take it over once it lapses.
 */
describe('a login whose provider call was interrupted after its move committed', () => {
  let db: PgCluster;
  let sandbox: RunningSandbox;
  let proxy: HoldingProxy;
  let t: TestApp;
  /** The next request to tru.ID matching this is held by the proxy. */
  let holdNext: { method: string; path: RegExp } | undefined;

  beforeAll(async () => {
    db = await PgCluster.create();
    await runMigrations(db.url);
    sandbox = await startSandbox({ vonageRedirectUri: 'http://127.0.0.1:9/unused' });
    proxy = await HoldingProxy.start(sandbox.url, (method, path) => {
      if (!holdNext || holdNext.method !== method || !holdNext.path.test(path)) return false;
      holdNext = undefined;
      return true;
    });
    t = await startTestApp({
      sharedSandbox: sandbox,
      env: {
        DATABASE_URL: db.url,
        TRUID_BASE_URL: proxy.url,
        TRUID_CLIENT_ID: sandbox.credentials.truId.clientId,
        TRUID_CLIENT_SECRET: sandbox.credentials.truId.clientSecret,
        TRUID_CALLBACK_PUBLIC_KEY: sandbox.credentials.truId.callbackPublicKeyPem,
        // A lease of 2 × 4 s + 2 s = 10 s, well beyond a Postgres restart; sweeps every 250 ms.
        // (No SIM-swap check, whose two calls the lease would cover too.)
        PROVIDER_TIMEOUT_MS: '4000',
        SIM_SWAP_POLICY: 'off',
        ATTEMPT_SWEEP_INTERVAL_MS: '250',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await sandbox?.close();
    db?.destroy();
  });

  /** Stops Postgres while `held` is in flight, lets the provider answer, starts Postgres again. */
  async function loseDatabaseDuring(
    held: Promise<{ release(): Promise<void> }>,
    request: Promise<unknown>,
  ) {
    const call = await held;
    db.stop();
    await call.release();
    const answered = (await request) as { status: number };
    expect(answered.status).toBe(503);
    db.start();
    await eventually(
      async () => expect((await fetch(`${t.url}/health/ready`)).status).toBe(200),
      15_000,
    );
  }

  async function startLogin(phone: RegisteredPhone) {
    const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    expect(started.status).toBe(201);
    return started.body as { login_id: string; poll_token: string; match_number: number };
  }

  const events = async (loginId: string) =>
    (
      await t.db.query(
        'SELECT from_status, to_status, actor, reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
        [loginId],
      )
    ).map((e: Record<string, string>) => `${e.from_status}>${e.to_status} ${e.actor}`);

  it('code exchange: the retry answers 409 with Retry-After while the lease holds, then finishes the login', async () => {
    const phone = await registerPhone(t);
    const login = await startLogin(phone);
    const auth = bearer(phone.deviceToken);
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${login.login_id}/approve`,
      { match_number: login.match_number },
      auth,
    );
    expect(approved.status).toBe(200);
    const proof = await openOnDevice(approved.body.check_url, phone.phoneNumber);

    holdNext = { method: 'PATCH', path: /^\/phone_check\/v0\.2\/checks\// };
    const held = proxy.nextHeld();
    await loseDatabaseDuring(
      held,
      call('POST', `${t.url}/v1/logins/${login.login_id}/code`, proof.body, auth),
    );

    const early = await call('POST', `${t.url}/v1/logins/${login.login_id}/code`, proof.body, auth);
    expect(early.status).toBe(409);
    expect(early.body.current_status).toBe('MATCH_PENDING');
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    let done: { status: number; body: Record<string, unknown> } | undefined;
    await eventually(async () => {
      done = await call('POST', `${t.url}/v1/logins/${login.login_id}/code`, proof.body, auth);
      expect(done.status).toBe(200);
    }, 15_000);
    expect(done!.body.status).toBe('MATCH_SUCCESS');
    const polled = await call(
      'GET',
      `${t.url}/v1/logins/${login.login_id}`,
      undefined,
      bearer(login.poll_token),
    );
    expect(polled.body).toMatchObject({ status: 'MATCH_SUCCESS', id_token: expect.any(String) });
    expect(await events(login.login_id)).toEqual([
      'null>PENDING web',
      'PENDING>APPROVED device',
      // The SIM check, recorded (with its provider) where it was created.
      'APPROVED>APPROVED system',
      'APPROVED>MATCH_PENDING device',
      // Taken over by the sweeper or by the retry, whichever came first after the lease lapsed.
      'MATCH_PENDING>APPROVED system',
      'APPROVED>MATCH_PENDING device',
      'MATCH_PENDING>MATCH_SUCCESS provider',
      'MATCH_SUCCESS>MATCH_SUCCESS web',
    ]);
  }, 60_000);

  it('check creation: the sweeper returns the login to PENDING, the phone sees it in its list and approves again', async () => {
    const phone = await registerPhone(t);
    const login = await startLogin(phone);
    const auth = bearer(phone.deviceToken);

    holdNext = { method: 'POST', path: /^\/phone_check\/v0\.2\/checks$/ };
    const held = proxy.nextHeld();
    await loseDatabaseDuring(
      held,
      call(
        'POST',
        `${t.url}/v1/logins/${login.login_id}/approve`,
        { match_number: login.match_number },
        auth,
      ),
    );

    // Nothing for the phone to act on while the step may still be running...
    const during = await call('GET', `${t.url}/v1/devices/me/logins`, undefined, auth);
    expect(during.body).toEqual([]);
    // ...and the login back in its list, PENDING, once the lease lapsed: no request needed.
    let listed: Record<string, unknown>[] = [];
    await eventually(async () => {
      listed = (await call('GET', `${t.url}/v1/devices/me/logins`, undefined, auth))
        .body as unknown as Record<string, unknown>[];
      expect(listed).toHaveLength(1);
    }, 15_000);
    expect(listed[0]).toMatchObject({ login_id: login.login_id, status: 'PENDING' });

    const again = await call(
      'POST',
      `${t.url}/v1/logins/${login.login_id}/approve`,
      { match_number: login.match_number },
      auth,
    );
    expect(again.status).toBe(200);
    // An app that restarted here finds the approved login and the check to finish in its list.
    const approvedList = await call('GET', `${t.url}/v1/devices/me/logins`, undefined, auth);
    expect(approvedList.body).toEqual([
      expect.objectContaining({
        login_id: login.login_id,
        status: 'APPROVED',
        check_id: expect.any(String),
        check_url: again.body.check_url,
      }),
    ]);
    const proof = await openOnDevice(again.body.check_url, phone.phoneNumber);
    const done = await call('POST', `${t.url}/v1/logins/${login.login_id}/code`, proof.body, auth);
    expect(done.body.status).toBe('MATCH_SUCCESS');
    expect(await events(login.login_id)).toEqual([
      'null>PENDING web',
      'PENDING>APPROVED device',
      'APPROVED>PENDING system',
      'PENDING>APPROVED device',
      // The second approval's SIM check (the first was never recorded: its process died).
      'APPROVED>APPROVED system',
      'APPROVED>MATCH_PENDING device',
      'MATCH_PENDING>MATCH_SUCCESS provider',
    ]);
  }, 60_000);
});
