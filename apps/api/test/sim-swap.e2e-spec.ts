import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, phoneNumberEnding } from '@test-support/device';
import { RegisteredPhone, approveOnPhone, registerPhone, signIn } from '@test-support/flows';
import { totpCode } from '@test-support/totp';
import { EventStreamClient } from '@test-support/sse';

/**
 * SIM-swap protection at login: the sandbox's tru.ID SIMCheck says the SIM behind a number ending
 * in 7000 changed two hours ago, and fails for one ending in 7500. Four api processes on one
 * database and one sandbox, one per policy.
 */
describe('SIM-swap protection (SIM_SWAP_POLICY)', () => {
  let deny: TestApp;
  let stepUp: TestApp;
  let off: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    deny = await startTestApp();
    const shared = { sharedSandbox: deny.sandbox };
    stepUp = await startTestApp({ ...shared, env: { SIM_SWAP_POLICY: 'step_up' } });
    off = await startTestApp({ ...shared, env: { SIM_SWAP_POLICY: 'off' } });
    open = await startTestApp({ ...shared, env: { SIM_SWAP_ON_PROVIDER_ERROR: 'open' } });
  });
  afterAll(async () => {
    for (const t of [open, off, stepUp]) await t?.close();
    await deny?.close();
  });

  async function startLogin(t: TestApp, phone: RegisteredPhone) {
    const res = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    return res.body as { login_id: string; poll_token: string; match_number: number };
  }
  const approve = (
    t: TestApp,
    phone: RegisteredPhone,
    login: { login_id: string; match_number: number },
  ) =>
    call(
      'POST',
      `${t.url}/v1/logins/${login.login_id}/approve`,
      { match_number: login.match_number },
      bearer(phone.deviceToken),
    );
  const poll = async (t: TestApp, login: { login_id: string; poll_token: string }) =>
    (await call('GET', `${t.url}/v1/logins/${login.login_id}`, undefined, bearer(login.poll_token)))
      .body;

  it('deny: a swapped number ends SIM_SWAP_DETECTED, with the provider answer audited, and nothing issued', async () => {
    const phone = await registerPhone(deny, phoneNumberEnding('7000'));
    const login = await startLogin(deny, phone);
    const stream = new EventStreamClient(
      `${deny.url}/v1/logins/${login.login_id}/events?poll_token=${login.poll_token}`,
    );
    expect((await stream.next())?.data.status).toBe('PENDING');
    const checksBefore = deny.sandbox.store.callsTo('truid.phone_check.create');
    const approved = await approve(deny, phone, login);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    // No PhoneCheck is paid for once the swap is known.
    expect(deny.sandbox.store.callsTo('truid.phone_check.create')).toBe(checksBefore);
    expect(await poll(deny, login)).toEqual({
      login_id: login.login_id,
      status: 'SIM_SWAP_DETECTED',
      expires_at: expect.any(String),
    });
    // The live stream ends with it too, with no id_token.
    const seen = [];
    for (let e = await stream.next(); e; e = await stream.next()) seen.push(e.data);
    expect(seen.map((v) => v.status)).toEqual(['APPROVED', 'SIM_SWAP_DETECTED']);
    expect(seen[1].id_token).toBeUndefined();
    const [row] = await deny.db.query('SELECT result FROM attempts WHERE id = $1', [
      login.login_id,
    ]);
    expect(row.result).toMatchObject({
      sim_swap: { provider: 'tru.ID', no_sim_change: false, sim_change_within: 120 },
    });
    const events = await deny.db.query(
      'SELECT from_status, to_status, actor FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
      [login.login_id],
    );
    expect(events.at(-1)).toEqual({
      from_status: 'APPROVED',
      to_status: 'SIM_SWAP_DETECTED',
      actor: 'provider',
    });
  });

  it('step_up: the approval needs an authenticator code, and then signs in with amr ["otp"]', async () => {
    const number = phoneNumberEnding('7000');
    // The factor was set up before the swap (here: through the api that does not check).
    const { phone, idToken } = await signIn(off, await registerPhone(off, number));
    const factor = (await call('POST', `${off.url}/v1/factors`, { type: 'totp' }, bearer(idToken)))
      .body as { factor_id: string; otpauth_url: string };
    await call(
      'POST',
      `${off.url}/v1/factors/${factor.factor_id}/activate`,
      { code: await totpCode(factor.otpauth_url) },
      bearer(idToken),
    );

    const login = await startLogin(stepUp, phone);
    const refused = await approve(stepUp, phone, login);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:simauth:problem:step-up-required');
    expect((await poll(stepUp, login)).status).toBe('PENDING');
    // Approving again without a code is refused at once, without asking the provider again.
    const simChecks = stepUp.sandbox.store.callsTo('truid.sim_check.create');
    expect((await approve(stepUp, phone, login)).status).toBe(403);
    expect(stepUp.sandbox.store.callsTo('truid.sim_check.create')).toBe(simChecks);

    const done = await call(
      'POST',
      `${stepUp.url}/v1/logins/${login.login_id}/approve-with-code`,
      {
        match_number: login.match_number,
        factor_id: factor.factor_id,
        code: await totpCode(factor.otpauth_url, 1),
      },
      bearer(phone.deviceToken),
    );
    expect(done.body).toEqual({ status: 'MATCH_SUCCESS' });
    const idTokenAfter = (await poll(stepUp, login)).id_token as string;
    const claims = JSON.parse(Buffer.from(idTokenAfter.split('.')[1], 'base64url').toString());
    expect(claims.amr).toEqual(['otp']);
  });

  it('holds a registration that would give a registered number to another device after a swap', async () => {
    const number = phoneNumberEnding('7000');
    await registerPhone(off, number, 'first-phone');
    const before = deny.sandbox.store.callsTo('truid.sim_check.create');
    const started = await call('POST', `${deny.url}/v1/registrations`, {
      phone_number: number,
      device_id: 'attackers-phone',
    });
    const proof = await openOnDevice(started.body.check_url, number);
    const held = await call(
      'POST',
      `${deny.url}/v1/registrations/${started.body.registration_id}/code`,
      proof.body,
    );
    expect(held.body).toEqual({ status: 'SIM_SWAP_DETECTED', match: true });
    expect(deny.sandbox.store.callsTo('truid.sim_check.create')).toBe(before + 1);
    const devices = await deny.db.query(
      `SELECT d.client_device_id FROM devices d JOIN users u ON u.id = d.user_id WHERE u.phone_number = $1`,
      [number],
    );
    expect(devices.map((d: { client_device_id: string }) => d.client_device_id)).toEqual([
      'first-phone',
    ]);
    // A number nobody registered yet is not asked about.
    const fresh = phoneNumberEnding('7000');
    await registerPhone(deny, fresh);
    expect(deny.sandbox.store.callsTo('truid.sim_check.create')).toBe(before + 1);
  });

  it('off: the swap is not asked about, and the login goes through the PhoneCheck', async () => {
    const phone = await registerPhone(off, phoneNumberEnding('7000'));
    const login = await startLogin(off, phone);
    const before = off.sandbox.store.callsTo('truid.sim_check.create');
    expect(await approveOnPhone(off, phone, login.login_id, login.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    expect(off.sandbox.store.callsTo('truid.sim_check.create')).toBe(before);
  });

  it('a failed check, closed (default): 503 with Retry-After, and the login stays PENDING for another try', async () => {
    const phone = await registerPhone(off, phoneNumberEnding('7500'));
    const login = await startLogin(deny, phone);
    const refused = await approve(deny, phone, login);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await poll(deny, login)).status).toBe('PENDING');
  });

  it('a failed check, open: the login goes on without it, and the audit trail says so', async () => {
    const phone = await registerPhone(off, phoneNumberEnding('7500'));
    const login = await startLogin(open, phone);
    expect(await approveOnPhone(open, phone, login.login_id, login.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    const reasons = await open.db.query(
      'SELECT reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
      [login.login_id],
    );
    expect(reasons.map((r: { reason: string }) => r.reason)).toContain('sim_swap_check_skipped');
  });
});
