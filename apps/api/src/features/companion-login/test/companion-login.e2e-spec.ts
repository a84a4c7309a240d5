import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { nextPush, registerPhone, registerPhoneWithPush } from '@test-support/flows';
import { EventStreamClient, eventually } from '@test-support/sse';
import { AttemptSweeper } from '@simauth/attempts';

describe('companion login over HTTP (sandbox providers, real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const startLogin = (phone_number: string, app = t) =>
    call('POST', `${app.url}/v1/logins`, { phone_number });
  const poll = (id: string, token?: string, app = t) =>
    call('GET', `${app.url}/v1/logins/${id}`, undefined, token ? bearer(token) : {});
  const approve = (id: string, deviceToken: string, match_number: number, app = t) =>
    call('POST', `${app.url}/v1/logins/${id}/approve`, { match_number }, bearer(deviceToken));
  const submitCode = (id: string, deviceToken: string, body: unknown, app = t) =>
    call('POST', `${app.url}/v1/logins/${id}/code`, body, bearer(deviceToken));

  it('signs a person in end to end: push, number matching, PhoneCheck, one id_token that verifies', async () => {
    const phone = await registerPhoneWithPush(t);
    const started = await startLogin(phone.phoneNumber);
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      login_id: expect.any(String),
      poll_token: expect.stringMatching(/^simauth_pt_/),
      status: 'PENDING',
      match_number: expect.any(Number),
      expires_at: expect.any(String),
    });
    const { login_id: loginId, poll_token: pollToken, match_number: matchNumber } = started.body;

    const push = await nextPush(t, phone.pushToken);
    expect(push.message.data).toEqual({
      type: 'login_request',
      login_id: loginId,
      match_numbers: expect.stringMatching(/^\d\d,\d\d,\d\d$/),
      expires_at: started.body.expires_at,
    });
    expect(push.message.data.match_numbers.split(',').map(Number)).toContain(matchNumber);

    const approved = await approve(loginId, phone.deviceToken, matchNumber);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({
      status: 'APPROVED',
      check_url: expect.stringContaining('/phone_check/v0.2/checks/'),
      provider: 'truid',
    });

    const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
    const done = await submitCode(loginId, phone.deviceToken, device.body);
    expect(done.body).toEqual({ status: 'MATCH_SUCCESS' });

    const first = await poll(loginId, pollToken);
    expect(first.body).toMatchObject({
      login_id: loginId,
      status: 'MATCH_SUCCESS',
      id_token: expect.any(String),
    });
    const jwks = (await call('GET', `${t.url}/.well-known/jwks.json`)).body;
    const { payload, protectedHeader } = await jwtVerify(
      first.body.id_token,
      createLocalJWKSet(jwks as never),
      {
        issuer: t.url,
        audience: 'simauth',
      },
    );
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ phone_number: phone.phoneNumber, amr: ['sim'], sid: loginId });
    expect(payload.exp! - payload.iat!).toBe(300);
    const userId = (
      await t.db.query('SELECT id FROM users WHERE phone_number = $1', [phone.phoneNumber])
    )[0].id;
    expect(payload.sub).toBe(userId);

    const second = await poll(loginId, pollToken);
    expect(second.body).toEqual({
      login_id: loginId,
      status: 'MATCH_SUCCESS',
      expires_at: expect.any(String),
    });
  });

  it('audits every move with the id of the request that caused it', async () => {
    const phone = await registerPhone(t);
    const run = randomUUID().slice(0, 8);
    const id = (step: string) => ({ 'x-request-id': `${step}-${run}` });
    const started = await call(
      'POST',
      `${t.url}/v1/logins`,
      { phone_number: phone.phoneNumber },
      id('start'),
    );
    const loginId = started.body.login_id;
    const auth = bearer(phone.deviceToken);
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${loginId}/approve`,
      { match_number: started.body.match_number },
      { ...auth, ...id('approve') },
    );
    const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
    await call('POST', `${t.url}/v1/logins/${loginId}/code`, device.body, {
      ...auth,
      ...id('code'),
    });
    const polled = await call('GET', `${t.url}/v1/logins/${loginId}`, undefined, {
      ...bearer(started.body.poll_token),
      ...id('poll'),
    });
    expect(polled.body.id_token).toEqual(expect.any(String));

    const events = await t.db.query(
      `SELECT to_status, reason, request_id FROM attempt_events WHERE attempt_id = $1 ORDER BY id`,
      [loginId],
    );
    expect(events.map((e: Record<string, string>) => [e.to_status, e.request_id])).toEqual([
      ['PENDING', `start-${run}`],
      ['APPROVED', `approve-${run}`],
      // The SIM check the approval created, on record without a move (which provider took it).
      ['APPROVED', `approve-${run}`],
      ['MATCH_PENDING', `code-${run}`],
      ['MATCH_SUCCESS', `code-${run}`],
      ['MATCH_SUCCESS', `poll-${run}`],
    ]);
    expect(events.at(-1).reason).toBe('id_token_issued');
  });

  it('lists the logins waiting for a phone, in case the push was lost', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const pending = await call(
      'GET',
      `${t.url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual([
      {
        login_id: started.body.login_id,
        match_numbers: expect.arrayContaining([started.body.match_number]),
        expires_at: started.body.expires_at,
        status: 'PENDING',
      },
    ]);
    expect(
      (pending.body as unknown as { match_numbers: number[] }[])[0].match_numbers,
    ).toHaveLength(3);
  });

  it('denies on the phone', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const denied = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/deny`,
      undefined,
      bearer(phone.deviceToken),
    );
    expect(denied.body).toEqual({ status: 'DENIED' });
    expect((await poll(started.body.login_id, started.body.poll_token)).body.status).toBe('DENIED');
  });

  it('denies a login approved with the wrong number', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const wrong = started.body.match_number === 99 ? 10 : started.body.match_number + 1;
    const res = await approve(started.body.login_id, phone.deviceToken, wrong);
    expect(res.body).toEqual({ status: 'DENIED' });
    expect(
      (await approve(started.body.login_id, phone.deviceToken, started.body.match_number)).status,
    ).toBe(409);
  });

  it("refuses approval by another user's device with 403 and changes nothing", async () => {
    const victim = await registerPhone(t);
    const attacker = await registerPhone(t);
    const started = await startLogin(victim.phoneNumber);
    const res = await approve(
      started.body.login_id,
      attacker.deviceToken,
      started.body.match_number,
    );
    expect(res.status).toBe(403);
    expect((await poll(started.body.login_id, started.body.poll_token)).body.status).toBe(
      'PENDING',
    );
    const deny = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/deny`,
      undefined,
      bearer(attacker.deviceToken),
    );
    expect(deny.status).toBe(403);
  });

  it('lets one of 10 concurrent approvals win, creating one PhoneCheck', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const checksBefore = t.sandbox.store.callsTo('truid.phone_check.create');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        approve(started.body.login_id, phone.deviceToken, started.body.match_number),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    expect(t.sandbox.store.callsTo('truid.phone_check.create') - checksBefore).toBe(1);
    const events = await t.db.query(
      `SELECT to_status FROM attempt_events WHERE attempt_id = $1 ORDER BY id`,
      [started.body.login_id],
    );
    // One approval, and the record of its one SIM check.
    expect(events.map((e: { to_status: string }) => e.to_status)).toEqual([
      'PENDING',
      'APPROVED',
      'APPROVED',
    ]);
  });

  it('fails the login when the code comes from a phone with another SIM', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const approved = await approve(
      started.body.login_id,
      phone.deviceToken,
      started.body.match_number,
    );
    const device = await openOnDevice(approved.body.check_url, uniquePhoneNumber());
    const res = await submitCode(started.body.login_id, phone.deviceToken, device.body);
    expect(res.body).toEqual({ status: 'MATCH_FAILED' });
    expect((await poll(started.body.login_id, started.body.poll_token)).body).not.toHaveProperty(
      'id_token',
    );
  });

  it('refuses a code for another check, and a code before approval', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    expect(
      (await submitCode(started.body.login_id, phone.deviceToken, { check_id: 'x', code: '1' }))
        .status,
    ).toBe(409);
    await approve(started.body.login_id, phone.deviceToken, started.body.match_number);
    const res = await submitCode(started.body.login_id, phone.deviceToken, {
      check_id: 'not-this-one',
      code: '123456',
    });
    expect(res.status).toBe(422);
    expect((await poll(started.body.login_id, started.body.poll_token)).body.status).toBe(
      'APPROVED',
    );
  });

  it('expires mid-flow: the web client is told, and the phone gets 410', async () => {
    const phone = await registerPhone(t);
    const started = await startLogin(phone.phoneNumber);
    const approved = await approve(
      started.body.login_id,
      phone.deviceToken,
      started.body.match_number,
    );
    const stream = new EventStreamClient(
      `${t.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
    );
    expect((await stream.next())?.data.status).toBe('APPROVED');

    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      started.body.login_id,
    ]);
    await t.app.get(AttemptSweeper).sweep();

    expect((await stream.next())?.data.status).toBe('EXPIRED');
    await stream.ended;
    const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
    const late = await submitCode(started.body.login_id, phone.deviceToken, device.body);
    expect(late.status).toBe(410);
  });

  it("guards the status with the poll token: 401 without, 403 with another login's", async () => {
    const phone = await registerPhone(t);
    const a = await startLogin(phone.phoneNumber);
    const b = await startLogin(phone.phoneNumber);
    expect((await poll(a.body.login_id)).status).toBe(401);
    expect((await poll(a.body.login_id, 'simauth_pt_forged')).status).toBe(401);
    expect((await poll(a.body.login_id, b.body.poll_token)).status).toBe(403);
    const stream = new EventStreamClient(
      `${t.url}/v1/logins/${a.body.login_id}/events?poll_token=${b.body.poll_token}`,
    );
    await stream.ready();
    expect(stream.status).toBe(403);
    const none = new EventStreamClient(`${t.url}/v1/logins/${a.body.login_id}/events`);
    await none.ready();
    expect(none.status).toBe(401);
  });

  it('answers an unknown number exactly like a known one, and pushes nothing', async () => {
    const known = await registerPhoneWithPush(t);
    const unknown = uniquePhoneNumber();
    const a = await startLogin(known.phoneNumber);
    const b = await startLogin(unknown);
    expect(b.status).toBe(a.status);
    expect(Object.keys(b.body).sort()).toEqual(Object.keys(a.body).sort());
    for (const key of Object.keys(a.body)) expect(typeof b.body[key]).toBe(typeof a.body[key]);
    expect((await poll(b.body.login_id, b.body.poll_token)).body.status).toBe('PENDING');
    expect(await t.db.query('SELECT 1 FROM users WHERE phone_number = $1', [unknown])).toHaveLength(
      0,
    );
  });

  it.each(['sandbox-dead', 'sandbox-invalid'])(
    'forgets a push token FCM refuses (%s)',
    async (token) => {
      const phone = await registerPhoneWithPush(t, token);
      await startLogin(phone.phoneNumber);
      await eventually(async () => {
        const rows = await t.db.query(
          'SELECT push_token, push_token_dead_at FROM devices WHERE client_device_id = $1',
          [phone.deviceId],
        );
        expect(rows[0].push_token).toBeNull();
        expect(rows[0].push_token_dead_at).not.toBeNull();
      });
    },
  );

  it('ends open streams when the app shuts down, instead of holding the shutdown', async () => {
    const other = await startTestApp({ sharedSandbox: t.sandbox });
    const phone = await registerPhone(other);
    const started = await startLogin(phone.phoneNumber, other);
    const stream = new EventStreamClient(
      `${other.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
    );
    expect((await stream.next())?.data.status).toBe('PENDING');
    await other.app.close();
    await stream.ended;
  });

  describe('with a second api process on the same database', () => {
    let replica: TestApp;
    beforeAll(async () => (replica = await startTestApp({ sharedSandbox: t.sandbox })));
    afterAll(() => replica.close());

    it('streams every move, in order, to a client of the other process, then closes with the id_token', async () => {
      const phone = await registerPhone(t);
      const started = await startLogin(phone.phoneNumber, t);
      const stream = new EventStreamClient(
        `${replica.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
      );
      expect(await stream.next()).toMatchObject({
        event: 'status',
        id: '1',
        data: { status: 'PENDING' },
      });

      const approved = await approve(
        started.body.login_id,
        phone.deviceToken,
        started.body.match_number,
        t,
      );
      const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
      await submitCode(started.body.login_id, phone.deviceToken, device.body, t);

      const seen = [await stream.next(), await stream.next(), await stream.next()];
      expect(seen.map((e) => [e?.id, e?.data.status])).toEqual([
        ['2', 'APPROVED'],
        ['3', 'MATCH_PENDING'],
        ['4', 'MATCH_SUCCESS'],
      ]);
      expect(seen[2]?.data.id_token).toEqual(expect.any(String));
      await stream.ended;
      expect(
        (await poll(started.body.login_id, started.body.poll_token, replica)).body,
      ).not.toHaveProperty('id_token');
    });
  });
});
