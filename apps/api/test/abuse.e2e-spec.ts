import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import { registerPhone } from '@test-support/flows';

const SQL = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '"); DELETE FROM attempts; --',
  '\\x00',
  '$1::text',
];

describe('hostile input', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers deeply nested JSON with a 400 naming the field, not a crash', async () => {
    let nested = '"x"';
    for (let i = 0; i < 2000; i++) nested = `{"a":${nested}}`;
    const res = await fetch(`${t.url}/v1/logins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"phone_number":${nested}}`,
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
    ).toContain('phone_number');
  });

  it.each([
    ['text/plain', 'phone_number=+447700900001'],
    ['application/x-www-form-urlencoded', 'phone_number=%2B447700900001'],
    ['application/xml', '<phone_number>+447700900001</phone_number>'],
  ])('refuses a %s body with 415', async (type, body) => {
    const res = await fetch(`${t.url}/v1/logins`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('takes SQL meta-characters in every string field as plain, refused data', async () => {
    const phone = await registerPhone(t);
    for (const s of SQL) {
      expect((await call('POST', `${t.url}/v1/logins`, { phone_number: s })).status).toBe(400);
      expect(
        (
          await call('POST', `${t.url}/v1/registrations`, {
            phone_number: uniquePhoneNumber(),
            device_id: s,
          })
        ).status,
      ).toBe(400);
      expect(
        (await call('POST', `${t.url}/v1/number-verifications`, { phone_number: s })).status,
      ).toBe(400);
      expect((await call('GET', `${t.url}/v1/logins/${encodeURIComponent(s)}`)).status).toBe(400);
      expect(
        (
          await call(
            'GET',
            `${t.url}/v1/number-verifications/callback?state=${encodeURIComponent(s)}&code=${encodeURIComponent(s)}`,
          )
        ).status,
      ).toBe(404);
      expect(
        (await call('PUT', `${t.url}/v1/devices/me/push-token`, { fcm_token: s }, bearer(s)))
          .status,
      ).toBe(401);
      expect((await call('GET', `${t.url}/v1/factors`, undefined, bearer(s))).status).toBe(401);
      // A device may store any opaque push token: it is stored as data, never as SQL.
      expect(
        (
          await call(
            'PUT',
            `${t.url}/v1/devices/me/push-token`,
            { fcm_token: s },
            bearer(phone.deviceToken),
          )
        ).status,
      ).toBe(204);
      const stored = await t.db.query(
        'SELECT push_token FROM devices WHERE client_device_id = $1',
        [phone.deviceId],
      );
      expect(stored[0].push_token).toBe(s);
    }
    const started = await call('POST', `${t.url}/v1/registrations`, {
      phone_number: uniquePhoneNumber(),
      device_id: 'd',
    });
    for (const s of SQL) {
      const res = await call(
        'POST',
        `${t.url}/v1/registrations/${started.body.registration_id}/code`,
        { check_id: s, code: s },
      );
      expect(res.status).toBe(422);
    }
    // (Other suites write to the same database at the same time, so check our own rows only.)
    for (const table of ['users', 'devices', 'attempts', 'attempt_events']) {
      expect((await t.db.query('SELECT to_regclass($1) AS t', [table]))[0].t).toBe(table);
    }
    expect(
      await t.db.query('SELECT 1 FROM users WHERE phone_number = ANY($1)', [SQL]),
    ).toHaveLength(0);
    const registration = await t.db.query('SELECT status FROM attempts WHERE id = $1', [
      started.body.registration_id,
    ]);
    expect(registration).toEqual([{ status: 'CHECK_CREATED' }]);
  });

  it('refuses unknown fields everywhere a body is taken', async () => {
    const phone = await registerPhone(t);
    const res = await call(
      'PUT',
      `${t.url}/v1/devices/me/push-token`,
      { fcm_token: 'x', user_id: 'someone-else' },
      bearer(phone.deviceToken),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'user_id', message: 'is not a known field' }]);
  });
});
