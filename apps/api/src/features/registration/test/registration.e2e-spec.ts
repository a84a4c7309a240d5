import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { registerPhone } from '@test-support/flows';

describe('registration over HTTP (sandbox tru.ID, real Postgres)', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startTestApp({
        env: { TRUST_PROXY: 'loopback' },
        sandbox: { slowDelayMs: 3000 },
      })),
  );
  afterAll(() => t.close());

  const start = (phone_number: string, device_id = `dev-${randomUUID()}`) =>
    call('POST', `${t.url}/v1/registrations`, { phone_number, device_id });
  const submit = (id: string, body: unknown) =>
    call('POST', `${t.url}/v1/registrations/${id}/code`, body);
  const attemptsFor = async (phone: string) =>
    Number(
      (await t.db.query('SELECT count(*) FROM attempts WHERE phone_number = $1', [phone]))[0].count,
    );

  it('registers a phone whose SIM matches, and returns a device credential once', async () => {
    const phone = uniquePhoneNumber();
    const started = await start(phone, 'iphone-1');
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      registration_id: expect.any(String),
      check_url: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/phone_check\/v0\.2\/checks\/\w+\/redirect$/,
      ),
      provider: 'truid',
      status: 'CHECK_CREATED',
      expires_at: expect.any(String),
    });

    const device = await openOnDevice(started.body.check_url, phone);
    const done = await submit(started.body.registration_id, device.body);

    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      status: 'MATCH_SUCCESS',
      match: true,
      device_token: expect.stringMatching(/^simauth_dt_/),
      user_id: expect.any(String),
      device_id: expect.any(String),
    });
    const read = await call('GET', `${t.url}/v1/registrations/${started.body.registration_id}`);
    expect(read.body).toEqual({
      registration_id: started.body.registration_id,
      status: 'MATCH_SUCCESS',
      expires_at: started.body.expires_at,
    });
    const stored = await t.db.query(
      'SELECT d.id, d.user_id, d.client_device_id, d.credential_hash FROM devices d JOIN users u ON u.id = d.user_id WHERE u.phone_number = $1',
      [phone],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].client_device_id).toBe('iphone-1');
    // The user and the device as simauth knows them (not the app's own id for the install).
    expect([done.body.user_id, done.body.device_id]).toEqual([stored[0].user_id, stored[0].id]);
    expect(stored[0].credential_hash.toString('utf8')).not.toContain(done.body.device_token);
  });

  it("says in the OpenAPI document what the final answer's user_id and device_id are", async () => {
    const document = (await (await fetch(`${t.url}/docs-json`)).json()) as {
      components: { schemas: Record<string, { properties: Record<string, any> }> };
    };
    const { user_id, device_id } = document.components.schemas.RegistrationCodeResponse.properties;
    expect(user_id).toMatchObject({ type: 'string', format: 'uuid' });
    expect(user_id.description).toMatch(/the `sub` of its id_tokens/);
    expect(device_id).toMatchObject({ type: 'string', format: 'uuid' });
    expect(device_id.description).toMatch(/this device as simauth knows it/);
  });

  it('does not register a phone holding another SIM', async () => {
    const phone = uniquePhoneNumber();
    const started = await start(phone);
    const device = await openOnDevice(started.body.check_url, uniquePhoneNumber());
    const done = await submit(started.body.registration_id, device.body);
    expect(done.body).toEqual({ status: 'MATCH_FAILED', match: false });
    expect(await t.db.query('SELECT 1 FROM users WHERE phone_number = $1', [phone])).toHaveLength(
      0,
    );
  });

  it('records a device on Wi-Fi as a provider error, with no credential', async () => {
    const started = await start(uniquePhoneNumber());
    const device = await openOnDevice(started.body.check_url);
    expect(device.body.error).toBe('not_mobile_ip');
    const done = await submit(started.body.registration_id, {
      check_id: device.body.check_id,
      code: '000000',
    });
    expect(done.body).toEqual({ status: 'PROVIDER_ERROR', match: false });
  });

  it('takes the error body a Wi-Fi device ends with, as it is, and ends the registration PROVIDER_ERROR', async () => {
    const started = await start(uniquePhoneNumber());
    const device = await openOnDevice(started.body.check_url);
    expect(device.body).toEqual({
      check_id: expect.any(String),
      error: 'not_mobile_ip',
      error_description: expect.any(String),
    });
    const done = await submit(started.body.registration_id, device.body);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ status: 'PROVIDER_ERROR', match: false });
    const read = await call('GET', `${t.url}/v1/registrations/${started.body.registration_id}`);
    expect(read.body.status).toBe('PROVIDER_ERROR');
    const [event] = await t.db.query(
      `SELECT reason FROM attempt_events WHERE attempt_id = $1 AND to_status = 'PROVIDER_ERROR'`,
      [started.body.registration_id],
    );
    expect(event.reason).toBe('check ended on the device: not_mobile_ip');
  });

  it('wants a code or an error from the device, not both, not neither', async () => {
    const started = await start(uniquePhoneNumber());
    const id = started.body.registration_id;
    const both = await submit(id, { check_id: 'c', code: '123456', error: 'not_mobile_ip' });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([
      {
        field: 'error',
        message: 'must not be sent with code: the check ended in one or the other',
      },
    ]);
    const neither = await submit(id, { check_id: 'c' });
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
    expect((await call('GET', `${t.url}/v1/registrations/${id}`)).body.status).toBe(
      'CHECK_CREATED',
    );
  });

  it('refuses a number tru.ID cannot check with 422 number-not-supported, creating nothing', async () => {
    const res = await start('+447700904000');
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('urn:simauth:problem:number-not-supported');
    expect(await attemptsFor('+447700904000')).toBe(0);
  });

  it('answers a provider outage with 503 and Retry-After, creating nothing', async () => {
    const res = await start('+447700905000');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body.type).toBe('urn:simauth:problem:provider-unavailable');
    expect(await attemptsFor('+447700905000')).toBe(0);
  });

  it('answers a slow provider with 503 once its timeout passes', async () => {
    const slow = await startTestApp({
      env: { PROVIDER_TIMEOUT_MS: '300' },
      sandbox: { slowDelayMs: 3000 },
    });
    try {
      await registerPhone(slow); // the token is fetched in time
      const res = await call('POST', `${slow.url}/v1/registrations`, {
        phone_number: '+447700904080',
        device_id: 'd',
      });
      expect(res.status).toBe(503);
    } finally {
      await slow.close();
    }
  });

  it('keeps the registration when the code exchange is unavailable, so the code can be sent again', async () => {
    const phone = '+447700905030';
    const started = await start(phone);
    const device = await openOnDevice(started.body.check_url, phone);
    const res = await submit(started.body.registration_id, device.body);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const read = await call('GET', `${t.url}/v1/registrations/${started.body.registration_id}`);
    expect(read.body.status).toBe('CHECK_CREATED');
  });

  it('gives 409 to a code submitted twice', async () => {
    const phone = uniquePhoneNumber();
    const started = await start(phone);
    const device = await openOnDevice(started.body.check_url, phone);
    expect((await submit(started.body.registration_id, device.body)).status).toBe(200);
    const again = await submit(started.body.registration_id, device.body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: 'urn:simauth:problem:invalid-transition',
      current_status: 'MATCH_SUCCESS',
    });
  });

  it('gives exactly one device credential to concurrent submissions of one code', async () => {
    const phone = uniquePhoneNumber();
    const started = await start(phone);
    const device = await openOnDevice(started.body.check_url, phone);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => submit(started.body.registration_id, device.body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const token = answers.find((a) => a.status === 200)!.body.device_token;
    const push = await call(
      'PUT',
      `${t.url}/v1/devices/me/push-token`,
      { fcm_token: 'tok' },
      bearer(token),
    );
    expect(push.status).toBe(204);
  });

  it('gives 410 to a code sent after the registration expired', async () => {
    const phone = uniquePhoneNumber();
    const started = await start(phone);
    const device = await openOnDevice(started.body.check_url, phone);
    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      started.body.registration_id,
    ]);
    const res = await submit(started.body.registration_id, device.body);
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({
      type: 'urn:simauth:problem:attempt-expired',
      expired_at: expect.any(String),
    });
  });

  it('refuses the check_id of another registration and changes nothing', async () => {
    const phone = uniquePhoneNumber();
    const mine = await start(phone);
    const other = await start(phone);
    const otherDevice = await openOnDevice(other.body.check_url, phone);
    const res = await submit(mine.body.registration_id, otherDevice.body);
    expect(res.status).toBe(422);
    expect(
      (await call('GET', `${t.url}/v1/registrations/${mine.body.registration_id}`)).body.status,
    ).toBe('CHECK_CREATED');
  });

  it('says 422 when the phone has not opened the check_url yet, and keeps the registration', async () => {
    const started = await start(uniquePhoneNumber());
    const checkId = started.body.check_url.split('/').at(-2);
    const res = await submit(started.body.registration_id, { check_id: checkId, code: '123456' });
    expect(res.status).toBe(422);
    expect(
      (await call('GET', `${t.url}/v1/registrations/${started.body.registration_id}`)).body.status,
    ).toBe('CHECK_CREATED');
  });

  it.each(['447700900001', '+44 7700 900001', '+44770090000x', '+٤٤٧٧٠٠٩٠٠٠٠١', '', '+1'])(
    'gives 400 naming phone_number for %p',
    async (phone) => {
      const res = await start(phone);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('phone_number');
    },
  );

  it('gives 400 for a missing device_id and for unknown fields', async () => {
    const res = await call('POST', `${t.url}/v1/registrations`, {
      phone_number: uniquePhoneNumber(),
      role: 'admin',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'device_id',
      'role',
    ]);
  });

  it('answers 404 for an unknown registration and 400 for a malformed id', async () => {
    expect((await call('GET', `${t.url}/v1/registrations/${randomUUID()}`)).status).toBe(404);
    expect((await submit(randomUUID(), { check_id: 'x', code: 'y' })).status).toBe(404);
    expect((await call('GET', `${t.url}/v1/registrations/nope`)).status).toBe(400);
  });

  describe('device credential', () => {
    it('is required to store a push token (401 without or with a wrong one)', async () => {
      const none = await call('PUT', `${t.url}/v1/devices/me/push-token`, { fcm_token: 'x' });
      expect(none.status).toBe(401);
      expect(none.body.type).toBe('urn:simauth:problem:unauthorized');
      const wrong = await call(
        'PUT',
        `${t.url}/v1/devices/me/push-token`,
        { fcm_token: 'x' },
        bearer('simauth_dt_forged'),
      );
      expect(wrong.status).toBe(401);
    });

    it('stores the push token of the device that holds it', async () => {
      const phone = await registerPhone(t);
      const res = await call(
        'PUT',
        `${t.url}/v1/devices/me/push-token`,
        { fcm_token: 'fcm-abc' },
        bearer(phone.deviceToken),
      );
      expect(res.status).toBe(204);
      const rows = await t.db.query('SELECT push_token FROM devices WHERE client_device_id = $1', [
        phone.deviceId,
      ]);
      expect(rows).toEqual([{ push_token: 'fcm-abc' }]);
    });

    it('is replaced when the same device registers again', async () => {
      const first = await registerPhone(t);
      const second = await registerPhone(t, first.phoneNumber, first.deviceId);
      expect(second.deviceToken).not.toBe(first.deviceToken);
      const old = await call(
        'PUT',
        `${t.url}/v1/devices/me/push-token`,
        { fcm_token: 'a' },
        bearer(first.deviceToken),
      );
      expect(old.status).toBe(401);
      const fresh = await call(
        'PUT',
        `${t.url}/v1/devices/me/push-token`,
        { fcm_token: 'a' },
        bearer(second.deviceToken),
      );
      expect(fresh.status).toBe(204);
      const devices = await t.db.query(
        'SELECT count(*)::int AS n FROM devices d JOIN users u ON u.id = d.user_id WHERE u.phone_number = $1',
        [first.phoneNumber],
      );
      expect(devices[0].n).toBe(1);
    });
  });

  describe('coverage', () => {
    it.each([
      ['203.0.113.9', { phone_check_supported: true, network_name: 'Sandbox Mobile' }],
      ['192.0.2.9', { phone_check_supported: false }],
      ['198.51.100.9', { phone_check_supported: false }],
    ])('answers for a caller at %s (behind the trusted proxy)', async (ip, expected) => {
      const res = await call('GET', `${t.url}/v1/coverage`, undefined, { 'x-forwarded-for': ip });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    });
  });
});
