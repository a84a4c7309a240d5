import { TestApp, startTestApp } from '@test-support/test-app';
import { call } from '@test-support/http';
import { openOnDevice, phoneNumberEnding } from '@test-support/device';
import { RegisteredPhone, approveOnPhone, registerPhone } from '@test-support/flows';
import { approvedLogin, simSwapChecks, startRegistration } from '@test-support/sim-proof';

/**
 * SIM-swap checks with provider failover (SIM_SWAP_PROVIDERS), over HTTP against the sandbox and
 * the run's Postgres. The sandbox's endings: 7000 swapped; 7100 tru.ID SIMCheck down, swapped;
 * 7200 tru.ID down, not swapped; 7300 tru.ID cannot check the number, swapped; 7400 Vonage cannot,
 * swapped; 7600 Vonage down, swapped; 7500 both down. One sandbox, one api per setting.
 */
describe('SIM-swap checks with provider failover (SIM_SWAP_PROVIDERS)', () => {
  let both: TestApp;
  let bothOpen: TestApp;
  let truIdAlone: TestApp;
  let vonageAlone: TestApp;
  let alias: TestApp;
  let vonageFirst: TestApp;
  beforeAll(async () => {
    both = await startTestApp({ env: { SIM_SWAP_PROVIDERS: 'truid,vonage' } });
    const shared = { sharedSandbox: both.sandbox };
    bothOpen = await startTestApp({
      ...shared,
      env: { SIM_SWAP_PROVIDERS: 'truid,vonage', SIM_SWAP_ON_PROVIDER_ERROR: 'open' },
    });
    truIdAlone = await startTestApp({ ...shared, env: { SIM_SWAP_PROVIDERS: 'truid' } });
    vonageAlone = await startTestApp({ ...shared, env: { SIM_SWAP_PROVIDERS: 'vonage' } });
    alias = await startTestApp({ ...shared, env: { SIM_SWAP_PROVIDER: 'vonage' } });
    vonageFirst = await startTestApp({ ...shared, env: { SIM_SWAP_PROVIDERS: 'vonage,truid' } });
  });
  afterAll(async () => {
    for (const t of [vonageFirst, alias, vonageAlone, truIdAlone, bothOpen]) await t?.close();
    await both?.close();
  });

  const calls = () => ({
    truid: both.sandbox.store.callsTo('truid.sim_check.create'),
    vonage: both.sandbox.store.callsTo('vonage.sim_swap'),
  });
  /** tru.ID asked once, then Vonage (its SIM Swap is a read, sent again within its timeout after a 500). */
  const expectBothAsked = (before: { truid: number; vonage: number }) => {
    const after = calls();
    expect(after.truid).toBe(before.truid + 1);
    expect(after.vonage).toBeGreaterThan(before.vonage);
  };
  const simSwapOf = async (t: TestApp, loginId: string) =>
    (await t.db.query('SELECT result FROM attempts WHERE id = $1', [loginId]))[0].result?.sim_swap;
  const statusOf = async (t: TestApp, loginId: string) =>
    (await t.db.query('SELECT status FROM attempts WHERE id = $1', [loginId]))[0].status;
  /** A login of `phone`'s user on `t`, approved on the phone through the PhoneCheck. */
  async function signInOn(t: TestApp, phone: RegisteredPhone) {
    const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    return approveOnPhone(t, phone, started.body.login_id, started.body.match_number);
  }

  it('denies a login through Vonage when tru.ID SIMCheck is down (7100), recording both in the SIM_SWAP_DETECTED event and in /metrics', async () => {
    const phone = await registerPhone(both, phoneNumberEnding('7100'));
    const before = calls();
    const truIdDown = await simSwapChecks(both, 'truid', 'unavailable');
    const vonageSwapped = await simSwapChecks(both, 'vonage', 'swapped');
    const { loginId, approved } = await approvedLogin(both, phone);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(calls()).toEqual({ truid: before.truid + 1, vonage: before.vonage + 1 });
    expect(await simSwapOf(both, loginId)).toEqual({
      provider: 'Vonage',
      swapped: true,
      failovers: [{ provider: 'truid', cause: 'unavailable' }],
    });
    const [event] = await both.db.query(
      `SELECT from_status, actor, reason FROM attempt_events
        WHERE attempt_id = $1 AND to_status = 'SIM_SWAP_DETECTED'`,
      [loginId],
    );
    expect(event).toEqual({
      from_status: 'APPROVED',
      actor: 'provider',
      reason: 'SIM changed recently (Vonage)',
    });
    const [noted] = await both.db.query(
      `SELECT actor FROM attempt_events WHERE attempt_id = $1 AND reason = $2`,
      [loginId, 'truid unavailable: SIM-swap check by vonage (swapped)'],
    );
    expect(noted).toEqual({ actor: 'system' });
    expect(await simSwapChecks(both, 'truid', 'unavailable')).toBe(truIdDown + 1);
    expect(await simSwapChecks(both, 'vonage', 'swapped')).toBe(vonageSwapped + 1);
  });

  it('approves a login whose SIM did not change when Vonage answers for a tru.ID that is down (7200), noting the failover in its trail', async () => {
    const phone = await registerPhone(both, phoneNumberEnding('7200'));
    const before = calls();
    const notSwapped = await simSwapChecks(both, 'vonage', 'not_swapped');
    const started = await call('POST', `${both.url}/v1/logins`, {
      phone_number: phone.phoneNumber,
    });
    const loginId = started.body.login_id;
    expect(await approveOnPhone(both, phone, loginId, started.body.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    expect(calls()).toEqual({ truid: before.truid + 1, vonage: before.vonage + 1 });
    expect(await simSwapChecks(both, 'vonage', 'not_swapped')).toBe(notSwapped + 1);
    const events = await both.db.query(
      'SELECT from_status, to_status, actor, reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
      [loginId],
    );
    expect(events.slice(0, 3)).toEqual([
      expect.objectContaining({ to_status: 'PENDING' }),
      expect.objectContaining({ from_status: 'PENDING', to_status: 'APPROVED' }),
      {
        from_status: 'APPROVED',
        to_status: 'APPROVED',
        actor: 'system',
        reason: 'truid unavailable: SIM-swap check by vonage (not swapped)',
      },
    ]);
  });

  it('hands a number tru.ID cannot check (7300) to Vonage, which finds the swap', async () => {
    const phone = await registerPhone(both, phoneNumberEnding('7300'));
    const notSupported = await simSwapChecks(both, 'truid', 'not_supported');
    const { loginId, approved } = await approvedLogin(both, phone);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(await simSwapOf(both, loginId)).toEqual({
      provider: 'Vonage',
      swapped: true,
      failovers: [{ provider: 'truid', cause: 'not_supported' }],
    });
    expect(await simSwapChecks(both, 'truid', 'not_supported')).toBe(notSupported + 1);
  });

  it('asks Vonage nothing when tru.ID answers first (7600: Vonage would be down)', async () => {
    const phone = await registerPhone(both, phoneNumberEnding('7600'));
    const before = calls();
    const { loginId, approved } = await approvedLogin(both, phone);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(calls()).toEqual({ truid: before.truid + 1, vonage: before.vonage });
    expect(await simSwapOf(both, loginId)).toMatchObject({
      provider: 'tru.ID',
      no_sim_change: false,
    });
    expect((await simSwapOf(both, loginId)).failovers).toBeUndefined();
  });

  it('holds a registration of a registered number after a swap Vonage finds for a tru.ID that is down', async () => {
    const number = phoneNumberEnding('7100');
    await registerPhone(truIdAlone, number, 'first-phone');
    const started = await startRegistration(both, number);
    const proof = await openOnDevice(started.body.check_url, number);
    const held = await call(
      'POST',
      `${both.url}/v1/registrations/${started.body.registration_id}/code`,
      proof.body,
    );
    expect(held.body).toEqual({ status: 'SIM_SWAP_DETECTED', match: true });
    expect(await simSwapOf(both, started.body.registration_id)).toEqual({
      provider: 'Vonage',
      swapped: true,
      failovers: [{ provider: 'truid', cause: 'unavailable' }],
    });
    const reasons = await both.db.query(
      'SELECT reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
      [started.body.registration_id],
    );
    expect(reasons.map((r: { reason: string }) => r.reason)).toContain(
      'truid unavailable: SIM-swap check by vonage (swapped)',
    );
  });

  it('closed: with every provider down (7500), 503 with Retry-After, and the login stays PENDING', async () => {
    const phone = await registerPhone(both, phoneNumberEnding('7500'));
    const before = calls();
    const vonageDown = await simSwapChecks(both, 'vonage', 'unavailable');
    const { loginId, approved } = await approvedLogin(both, phone);
    expect(approved.status).toBe(503);
    expect(Number(approved.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expectBothAsked(before);
    expect(await statusOf(both, loginId)).toBe('PENDING');
    expect(await simSwapChecks(both, 'vonage', 'unavailable')).toBe(vonageDown + 1);
  });

  it('open: with every provider down (7500), the login goes on without the check, and its audit trail says so', async () => {
    const phone = await registerPhone(both, phoneNumberEnding('7500'));
    const before = calls();
    const started = await call('POST', `${bothOpen.url}/v1/logins`, {
      phone_number: phone.phoneNumber,
    });
    expect(
      await approveOnPhone(bothOpen, phone, started.body.login_id, started.body.match_number),
    ).toEqual({ status: 'MATCH_SUCCESS' });
    expectBothAsked(before);
    const reasons = await bothOpen.db.query(
      'SELECT reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
      [started.body.login_id],
    );
    expect(reasons.map((r: { reason: string }) => r.reason)).toContain('sim_swap_check_skipped');
  });

  it('asks only the providers listed: tru.ID alone does not hand an outage (7100) to Vonage', async () => {
    const phone = await registerPhone(both, phoneNumberEnding('7100'));
    const before = calls();
    const { loginId, approved } = await approvedLogin(truIdAlone, phone);
    expect(approved.status).toBe(503);
    expect(calls()).toEqual({ truid: before.truid + 1, vonage: before.vonage });
    expect(await statusOf(truIdAlone, loginId)).toBe('PENDING');
  });

  it('checks by Vonage alone (SIM_SWAP_PROVIDERS=vonage): a swap denies, no swap signs in, tru.ID is never asked', async () => {
    // tru.ID cannot check this number, and is not asked.
    const swapped = await registerPhone(both, phoneNumberEnding('7300'));
    const unchanged = await registerPhone(both);
    const before = calls();
    const { loginId, approved } = await approvedLogin(vonageAlone, swapped);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(await simSwapOf(vonageAlone, loginId)).toEqual({ provider: 'Vonage', swapped: true });
    expect(await signInOn(vonageAlone, unchanged)).toEqual({ status: 'MATCH_SUCCESS' });
    expect(calls()).toEqual({ truid: before.truid, vonage: before.vonage + 2 });
  });

  it('takes the former SIM_SWAP_PROVIDER=vonage as SIM_SWAP_PROVIDERS=vonage', async () => {
    // tru.ID is down for this number, and is not asked.
    const phone = await registerPhone(both, phoneNumberEnding('7100'));
    const before = calls();
    const { approved } = await approvedLogin(alias, phone);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(calls()).toEqual({ truid: before.truid, vonage: before.vonage + 1 });
  });

  it('fails over from Vonage to tru.ID in the order given (vonage,truid): Vonage cannot check 7400, is down for 7600', async () => {
    for (const [ending, cause] of [
      ['7400', 'not_supported'],
      ['7600', 'unavailable'],
    ]) {
      const phone = await registerPhone(both, phoneNumberEnding(ending));
      const { loginId, approved } = await approvedLogin(vonageFirst, phone);
      expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
      expect(await simSwapOf(vonageFirst, loginId)).toMatchObject({
        provider: 'tru.ID',
        no_sim_change: false,
        failovers: [{ provider: 'vonage', cause }],
      });
    }
  });
});
