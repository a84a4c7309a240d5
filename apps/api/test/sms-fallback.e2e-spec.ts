import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';

/**
 * REGISTRATION_FALLBACK=sms: where PhoneCheck cannot run for a number (the sandbox refuses numbers
 * ending in 4000), or the app asks for it, the code goes out by SMS through Vonage Verify v2 (its
 * sandbox twin drops it in the number's SMS inbox).
 */
describe('registration by SMS code (the fallback channel)', () => {
  let t: TestApp;
  let strict: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { REGISTRATION_FALLBACK: 'sms' } });
    strict = await startTestApp({ sharedSandbox: t.sandbox });
  });
  afterAll(async () => {
    await strict.close();
    await t.close();
  });

  const register = (app: TestApp, phone: string, extra: Record<string, string> = {}) =>
    call('POST', `${app.url}/v1/registrations`, {
      phone_number: phone,
      device_id: 'sms-phone',
      ...extra,
    });
  const sms = async (phone: string) => {
    const res = await fetch(`${t.sandbox.url}/sandbox/sms/${encodeURIComponent(phone)}/messages`);
    return ((await res.json()) as { messages: { text: string; code: string }[] }).messages;
  };
  const submit = (id: string, body: Record<string, string>) =>
    call('POST', `${t.url}/v1/registrations/${id}/code`, body);

  it('sends a code by SMS where PhoneCheck cannot run; the right code trusts the device (proven by sms)', async () => {
    const phone = phoneNumberEnding('4000');
    const started = await register(t, phone);
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      registration_id: expect.any(String),
      status: 'CODE_SENT',
      channel: 'sms',
      expires_at: expect.any(String),
    });
    const [message] = await sms(phone);
    expect(message.text).toContain(message.code);

    const wrong = await submit(started.body.registration_id, {
      code: message.code === '000000' ? '000001' : '000000',
    });
    expect(wrong.status).toBe(422);
    expect(
      (await call('GET', `${t.url}/v1/registrations/${started.body.registration_id}`)).body.status,
    ).toBe('CODE_SENT');

    const done = await submit(started.body.registration_id, { code: message.code });
    expect(done.body).toEqual({
      status: 'MATCH_SUCCESS',
      match: true,
      device_token: expect.any(String),
      user_id: expect.any(String),
      device_id: expect.any(String),
    });
    const [device] = await t.db.query(
      `SELECT d.id, d.user_id, d.proven_by FROM devices d JOIN users u ON u.id = d.user_id WHERE u.phone_number = $1`,
      [phone],
    );
    expect(device.proven_by).toBe('sms');
    // The user and the device as simauth knows them.
    expect([done.body.user_id, done.body.device_id]).toEqual([device.user_id, device.id]);
    // The device credential works like any other.
    expect(
      (
        await call(
          'GET',
          `${t.url}/v1/devices/me/logins`,
          undefined,
          bearer(done.body.device_token),
        )
      ).status,
    ).toBe(200);
    // The code is single use.
    expect((await submit(started.body.registration_id, { code: message.code })).status).toBe(409);
  });

  it('signs in a phone whose number cannot PhoneCheck by an SMS code: id_token with amr ["sms"]', async () => {
    const phone = phoneNumberEnding('4000');
    const started = await register(t, phone);
    const device = (
      await submit(started.body.registration_id, { code: (await sms(phone)).at(-1)!.code })
    ).body.device_token as string;
    const login = (await call('POST', `${t.url}/v1/logins`, { phone_number: phone })).body;
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${login.login_id}/approve`,
      { match_number: login.match_number },
      bearer(device),
    );
    expect(approved.body).toEqual({ status: 'APPROVED', channel: 'sms' });
    expect(
      (await call('GET', `${t.url}/v1/devices/me/logins`, undefined, bearer(device))).body,
    ).toEqual([
      expect.objectContaining({ login_id: login.login_id, status: 'APPROVED', channel: 'sms' }),
    ]);
    const code = (await sms(phone)).at(-1)!.code;
    const codeUrl = `${t.url}/v1/logins/${login.login_id}/code`;
    const wrong = await call(
      'POST',
      codeUrl,
      { code: code === '000000' ? '000001' : '000000' },
      bearer(device),
    );
    expect(wrong.status).toBe(422);
    const done = await call('POST', codeUrl, { code }, bearer(device));
    expect(done.body).toEqual({ status: 'MATCH_SUCCESS' });
    const polled = await call(
      'GET',
      `${t.url}/v1/logins/${login.login_id}`,
      undefined,
      bearer(login.poll_token),
    );
    const claims = JSON.parse(
      Buffer.from((polled.body.id_token as string).split('.')[1], 'base64url').toString(),
    );
    expect(claims.amr).toEqual(['sms']);
  });

  it('ends the registration MATCH_FAILED (410) after three wrong codes', async () => {
    const phone = phoneNumberEnding('4000');
    const started = await register(t, phone);
    const [message] = await sms(phone);
    const wrong = message.code === '000000' ? '000001' : '000000';
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push((await submit(started.body.registration_id, { code: wrong })).status);
    expect(answers).toEqual([422, 422, 410]);
    expect(
      (await call('GET', `${t.url}/v1/registrations/${started.body.registration_id}`)).body.status,
    ).toBe('MATCH_FAILED');
    expect((await submit(started.body.registration_id, { code: message.code })).status).toBe(409);
  });

  it('refuses the code of an expired registration with 410', async () => {
    const phone = phoneNumberEnding('4000');
    const started = await register(t, phone);
    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      started.body.registration_id,
    ]);
    const late = await submit(started.body.registration_id, {
      code: (await sms(phone)).at(-1)!.code,
    });
    expect(late.status).toBe(410);
  });

  it('sends the SMS when the app asks for it (coverage said no), for any number', async () => {
    const phone = uniquePhoneNumber();
    const started = await register(t, phone, { channel: 'sms' });
    expect(started.body.status).toBe('CODE_SENT');
    expect(await sms(phone)).toHaveLength(1);
  });

  it('answers a PhoneCheck registration without check_id with 400 naming it, and an SMS one with a check_id with 422', async () => {
    const byCheck = await register(t, uniquePhoneNumber());
    const missing = await submit(byCheck.body.registration_id, { code: '123456' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'check_id', message: expect.any(String) }]);
    const bySms = await register(t, phoneNumberEnding('4000'));
    expect(
      (await submit(bySms.body.registration_id, { check_id: 'abc', code: '123456' })).status,
    ).toBe(422);
  });

  it('keeps 422 number-not-supported without the fallback, and refuses channel sms there', async () => {
    const refused = await register(strict, phoneNumberEnding('4000'));
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:simauth:problem:number-not-supported');
    expect((await register(strict, uniquePhoneNumber(), { channel: 'sms' })).status).toBe(422);
  });
});
