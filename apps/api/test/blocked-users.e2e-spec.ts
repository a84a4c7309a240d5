import { AttemptSweeper } from '@simauth/attempts';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { RegisteredPhone, approveOnPhone, registerPhone } from '@test-support/flows';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { EventStreamClient, eventually } from '@test-support/sse';
import { OPS_CLIENT, adminToken } from '@test-support/admin';

// A client of its own: other suites read the last admin action of theirs.
const OPS = { ...OPS_CLIENT, client_id: 'ops-blocked-users' };

/** Blocking a user stops every /v1 path at once: live logins, number verifications, id_tokens. */
describe('a blocked user (admin API block, /v1 paths)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify([OPS]) } });
    token = await adminToken(t.url, 'simauth:admin', OPS);
  });
  afterAll(() => t.close());

  const admin = (method: string, path: string) =>
    call(method, `${t.url}/admin/v1${path}`, undefined, bearer(token));
  async function userOf(phone: RegisteredPhone): Promise<string> {
    // The operator's own search, as the runbook does it.
    const found = await admin(
      'GET',
      `/users?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
    );
    return found.body.user_id;
  }
  async function block(phone: RegisteredPhone): Promise<string> {
    const userId = await userOf(phone);
    const res = await admin('POST', `/users/${userId}/block`);
    expect(res.status).toBe(200);
    expect(res.body.blocked).toBe(true);
    return userId;
  }
  const startLogin = (phoneNumber: string) =>
    call('POST', `${t.url}/v1/logins`, { phone_number: phoneNumber });
  const poll = (loginId: string, pollToken: string) =>
    call('GET', `${t.url}/v1/logins/${loginId}`, undefined, bearer(pollToken));
  /** The attempt's moves as the admin API's audit trail shows them. */
  async function trail(attemptId: string) {
    const res = await admin('GET', `/attempts/${attemptId}`);
    expect(res.status).toBe(200);
    return res.body.events as { to_status: string; actor: string; reason: string | null }[];
  }

  it('ends a login started before the block in EXPIRED at once: the approval is refused, the poll and the stream show EXPIRED and no id_token', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const stream = new EventStreamClient(
      `${t.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
    );
    expect((await stream.next())?.data.status).toBe('PENDING');

    await block(phone);

    const ended = await stream.next();
    expect(ended?.data).toMatchObject({ status: 'EXPIRED' });
    expect(ended?.data).not.toHaveProperty('id_token');
    await stream.ended;
    // The phone approves with the right number, too late: nothing moves.
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/approve`,
      { match_number: started.body.match_number },
      bearer(phone.deviceToken),
    );
    expect(approved.status).toBe(410);
    const polled = await poll(started.body.login_id, started.body.poll_token);
    expect(polled.status).toBe(200);
    expect(polled.body.status).toBe('EXPIRED');
    expect(polled.body).not.toHaveProperty('id_token');
    expect(new Date(polled.body.expires_at).getTime()).toBeLessThanOrEqual(Date.now());
    // The reason is in the audit trail, and only there.
    expect(JSON.stringify(polled.body)).not.toContain('block');
    expect((await trail(started.body.login_id)).at(-1)).toMatchObject({
      to_status: 'EXPIRED',
      actor: 'admin',
      reason: 'user-blocked',
    });
  });

  it('shows the web the same answer as a lapsed login of an unknown number', async () => {
    const phone = await registerPhone(t);
    const blocked = await startLogin(phone.phoneNumber);
    const unknown = await startLogin(uniquePhoneNumber());
    await block(phone);
    // The unknown number's login lapses by its deadline, as it always would.
    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      unknown.body.login_id,
    ]);
    await t.app.get(AttemptSweeper).sweep();
    const a = await poll(blocked.body.login_id, blocked.body.poll_token);
    const b = await poll(unknown.body.login_id, unknown.body.poll_token);
    expect(a.status).toBe(b.status);
    expect(a.body.status).toBe('EXPIRED');
    expect(b.body.status).toBe('EXPIRED');
    expect(Object.keys(a.body).sort()).toEqual(Object.keys(b.body).sort());
  });

  it('refuses the code of a login approved before the block: EXPIRED, no id_token', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/approve`,
      { match_number: started.body.match_number },
      bearer(phone.deviceToken),
    );
    expect(approved.body.status).toBe('APPROVED');
    const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);

    await block(phone);

    const code = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/code`,
      device.body,
      bearer(phone.deviceToken),
    );
    expect(code.status).toBe(410);
    const polled = await poll(started.body.login_id, started.body.poll_token);
    expect(polled.body.status).toBe('EXPIRED');
    expect(polled.body).not.toHaveProperty('id_token');
    expect((await trail(started.body.login_id)).map((e) => [e.to_status, e.reason])).toEqual([
      ['PENDING', null],
      ['APPROVED', 'approved on the phone'],
      ['APPROVED', 'SIM check by truid'],
      ['EXPIRED', 'user-blocked'],
    ]);
  });

  it('never hands out the id_token of a login that succeeded before the block, not even after an unblock', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    // The phone finishes; the web has not read the result yet.
    expect(
      await approveOnPhone(t, phone, started.body.login_id, started.body.match_number),
    ).toEqual({ status: 'MATCH_SUCCESS' });

    const userId = await block(phone);

    const polled = await poll(started.body.login_id, started.body.poll_token);
    expect(polled.status).toBe(200);
    expect(polled.body).not.toHaveProperty('id_token');
    expect((await trail(started.body.login_id)).at(-1)).toMatchObject({
      actor: 'admin',
      reason: 'user-blocked',
    });
    expect((await admin('POST', `/users/${userId}/unblock`)).body.blocked).toBe(false);
    const stream = new EventStreamClient(
      `${t.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
    );
    const seen = await stream.next();
    expect(seen?.data.status).toBe('MATCH_SUCCESS');
    expect(seen?.data).not.toHaveProperty('id_token');
    await stream.ended;
    expect(await poll(started.body.login_id, started.body.poll_token)).toMatchObject({
      body: expect.not.objectContaining({ id_token: expect.anything() }),
    });
  });

  it('ends a number verification of the number in EXPIRED: its callback is refused and no id_token is issued', async () => {
    const phone = await registerPhone(t);
    const started = await call('POST', `${t.url}/v1/number-verifications`, {
      phone_number: phone.phoneNumber,
    });
    expect(started.status).toBe(201);
    // The device authorised over mobile data; its redirect reaches us after the block.
    const authorised = await fetch(started.body.auth_url, {
      redirect: 'manual',
      headers: { 'X-Sandbox-Sim': phone.phoneNumber },
    });
    const callbackUrl = authorised.headers.get('location')!;

    await block(phone);

    const callback = await call('GET', callbackUrl);
    expect(callback.status).toBe(410);
    expect(callback.body).not.toHaveProperty('id_token');
    const read = await call(
      'GET',
      `${t.url}/v1/number-verifications/${started.body.verification_id}`,
    );
    expect(read.body).toEqual({
      verification_id: started.body.verification_id,
      status: 'EXPIRED',
    });
    expect((await trail(started.body.verification_id)).at(-1)).toMatchObject({
      to_status: 'EXPIRED',
      actor: 'admin',
      reason: 'user-blocked',
    });
  });

  it('verifies the number of a blocked user like an unknown one: VERIFIED, no id_token', async () => {
    const phone = await registerPhone(t);
    await block(phone);
    const started = await call('POST', `${t.url}/v1/number-verifications`, {
      phone_number: phone.phoneNumber,
    });
    const authorised = await fetch(started.body.auth_url, {
      redirect: 'manual',
      headers: { 'X-Sandbox-Sim': phone.phoneNumber },
    });
    const callback = await call('GET', authorised.headers.get('location')!);
    expect(callback.status).toBe(200);
    expect(callback.body).toEqual({
      verification_id: started.body.verification_id,
      status: 'VERIFIED',
      device_phone_number_verified: true,
    });
  });

  it("leaves other users' logins alone", async () => {
    const blocked = await registerPhone(t);
    const other = await registerPhone(t);
    const mine = await startLogin(other.phoneNumber);
    await block(blocked);
    expect(await approveOnPhone(t, other, mine.body.login_id, mine.body.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    const polled = await poll(mine.body.login_id, mine.body.poll_token);
    expect(polled.body.id_token).toEqual(expect.any(String));
  });

  describe('racing the block', () => {
    /**
     * A block being written: the first statement of the admin API's block transaction (the user's
     * row, locked until commit), held open so that a step can run against it.
     */
    async function blockInFlight(phone: RegisteredPhone) {
      const tx = t.db.createQueryRunner();
      await tx.connect();
      await tx.startTransaction();
      await tx.query(`UPDATE users SET blocked_at = now() WHERE phone_number = $1`, [
        phone.phoneNumber,
      ]);
      return {
        commit: async () => {
          await tx.commitTransaction();
          await tx.release();
        },
      };
    }
    /** Resolves once a statement that reads the user for a token waits on the block's lock. */
    const waitingOnTheBlock = () =>
      eventually(async () => {
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query LIKE '%blocked_at IS NULL%FOR SHARE%'`,
        );
        expect(row.n).toBeGreaterThanOrEqual(1);
      }, 10_000);

    it('does not hand out the id_token to a poll that races a block committing', async () => {
      const phone = await registerPhone(t);
      const started = await startLogin(phone.phoneNumber);
      await approveOnPhone(t, phone, started.body.login_id, started.body.match_number);
      const blocking = await blockInFlight(phone);
      const polling = poll(started.body.login_id, started.body.poll_token);
      await waitingOnTheBlock();
      await blocking.commit();
      const polled = await polling;
      expect(polled.status).toBe(200);
      expect(polled.body.status).toBe('MATCH_SUCCESS');
      expect(polled.body).not.toHaveProperty('id_token');
    });

    it('does not sign in from a number-verification callback that races a block committing', async () => {
      const phone = await registerPhone(t);
      const started = await call('POST', `${t.url}/v1/number-verifications`, {
        phone_number: phone.phoneNumber,
      });
      const authorised = await fetch(started.body.auth_url, {
        redirect: 'manual',
        headers: { 'X-Sandbox-Sim': phone.phoneNumber },
      });
      const blocking = await blockInFlight(phone);
      const callback = call('GET', authorised.headers.get('location')!);
      await waitingOnTheBlock();
      await blocking.commit();
      const answer = await callback;
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        verification_id: started.body.verification_id,
        status: 'VERIFIED',
        device_phone_number_verified: true,
      });
    });
  });
});
