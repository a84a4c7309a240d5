import { generateKeyPairSync } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import { registerPhone } from '@test-support/flows';

describe('number verification over HTTP (sandbox Vonage, real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const start = (phone_number: string) =>
    call('POST', `${t.url}/v1/number-verifications`, { phone_number });

  /** The device opens auth_url; the sandbox's auth server redirects it to our callback. */
  async function authorise(authUrl: string, sim?: string): Promise<string> {
    const res = await fetch(authUrl, {
      redirect: 'manual',
      headers: sim ? { 'X-Sandbox-Sim': sim } : {},
    });
    expect(res.status).toBe(302);
    return res.headers.get('location')!;
  }

  async function verify(phone: string, sim?: string) {
    const started = await start(phone);
    expect(started.status).toBe(201);
    const callbackUrl = await authorise(started.body.auth_url, sim);
    expect(callbackUrl.startsWith(`${t.url}/v1/number-verifications/callback?`)).toBe(true);
    return { started, callbackUrl, answer: await call('GET', callbackUrl) };
  }

  it.each([
    ['+99012345670', 'VERIFIED', true],
    ['+99012345678', 'VERIFIED', true],
    ['+99012345671', 'NOT_VERIFIED', false],
  ])('applies the Virtual Operator rule to %s → %s', async (phone, status, verified) => {
    const { started, answer } = await verify(phone);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      verification_id: started.body.verification_id,
      status,
      device_phone_number_verified: verified,
    });
    const read = await call(
      'GET',
      `${t.url}/v1/number-verifications/${started.body.verification_id}`,
    );
    expect(read.body).toEqual(answer.body);
  });

  it('returns the auth_url, the id and the expiry, and keeps only a hash of the state', async () => {
    const started = await start('+99012345670');
    expect(started.body).toEqual({
      verification_id: expect.any(String),
      auth_url: expect.any(String),
      expires_at: expect.any(String),
    });
    const state = new URL(started.body.auth_url).searchParams.get('state')!;
    expect(state.length).toBeGreaterThanOrEqual(43);
    const rows = await t.db.query('SELECT token_hash, context FROM attempts WHERE id = $1', [
      started.body.verification_id,
    ]);
    expect(rows[0].token_hash.toString('base64url')).not.toBe(state);
    expect(JSON.stringify(rows[0].context)).not.toContain(state);
  });

  it('verifies a real number on the device that holds its SIM, and signs its registered user in', async () => {
    const phone = await registerPhone(t);
    const { answer } = await verify(phone.phoneNumber, phone.phoneNumber);
    expect(answer.body).toMatchObject({
      status: 'VERIFIED',
      device_phone_number_verified: true,
      id_token: expect.any(String),
    });
    const claims = JSON.parse(
      Buffer.from(answer.body.id_token.split('.')[1], 'base64url').toString(),
    );
    expect(claims).toMatchObject({ phone_number: phone.phoneNumber, amr: ['nv'] });
  });

  it('does not sign in an unknown number, even when verified', async () => {
    const phone = uniquePhoneNumber();
    const { answer } = await verify(phone, phone);
    expect(answer.body.status).toBe('VERIFIED');
    expect(answer.body).not.toHaveProperty('id_token');
  });

  it('refuses a replayed callback with 409 and changes nothing', async () => {
    const { started, callbackUrl, answer } = await verify('+99012345670');
    const replay = await call('GET', callbackUrl);
    expect(replay.status).toBe(409);
    const read = await call(
      'GET',
      `${t.url}/v1/number-verifications/${started.body.verification_id}`,
    );
    expect(read.body).toEqual(answer.body);
  });

  it('lets one of several concurrent callbacks with one state decide', async () => {
    const started = await start('+99012345670');
    const callbackUrl = await authorise(started.body.auth_url);
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('GET', callbackUrl)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM attempt_events WHERE attempt_id = $1 AND to_status = 'VERIFIED'`,
      [started.body.verification_id],
    );
    expect(events[0].n).toBe(1);
  });

  it('refuses a forged state with 404', async () => {
    const res = await call(
      'GET',
      `${t.url}/v1/number-verifications/callback?code=abc&state=forged-state-value`,
    );
    expect(res.status).toBe(404);
  });

  it('refuses the state of an expired verification with 410', async () => {
    const started = await start('+99012345670');
    const callbackUrl = await authorise(started.body.auth_url);
    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      started.body.verification_id,
    ]);
    expect((await call('GET', callbackUrl)).status).toBe(410);
    const read = await call(
      'GET',
      `${t.url}/v1/number-verifications/${started.body.verification_id}`,
    );
    expect(read.body.status).toBe('AUTH_URL_ISSUED');
  });

  it('ends in PROVIDER_ERROR with the reason on record when the code exchange is refused', async () => {
    const started = await start('+99012345670');
    const state = new URL(started.body.auth_url).searchParams.get('state')!;
    const res = await call(
      'GET',
      `${t.url}/v1/number-verifications/callback?code=forged-code&state=${state}`,
    );
    expect(res.status).toBe(502);
    expect(res.body.type).toBe('urn:simauth:problem:provider-error');
    const events = await t.db.query(
      `SELECT to_status, reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id DESC LIMIT 1`,
      [started.body.verification_id],
    );
    expect(events[0]).toEqual({ to_status: 'PROVIDER_ERROR', reason: 'invalid_grant' });
  });

  it('ends in PROVIDER_ERROR when Number Verification fails (+990…99), answering 503', async () => {
    const { started, answer } = await verify('+99012345699');
    expect(answer.status).toBe(503);
    const read = await call(
      'GET',
      `${t.url}/v1/number-verifications/${started.body.verification_id}`,
    );
    expect(read.body.status).toBe('PROVIDER_ERROR');
  });

  it('records a network refusal (no mobile data) as PROVIDER_ERROR', async () => {
    const { started, answer } = await verify(uniquePhoneNumber());
    expect(answer.status).toBe(502);
    const events = await t.db.query(
      `SELECT reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id DESC LIMIT 1`,
      [started.body.verification_id],
    );
    expect(events[0].reason).toBe('not_authenticated_by_network');
  });

  it('answers 422 number-not-supported when the network does not offer Number Verification, creating nothing', async () => {
    const res = await start('+447700904000');
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('urn:simauth:problem:number-not-supported');
    expect(
      await t.db.query(
        `SELECT 1 FROM attempts WHERE kind = 'number_verification' AND phone_number = $1`,
        ['+447700904000'],
      ),
    ).toHaveLength(0);
  });

  it('gives 400 naming state when it is missing, and 400 for a bad phone number', async () => {
    const res = await call('GET', `${t.url}/v1/number-verifications/callback?code=abc`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['state']);
    expect((await start('+990 1234')).status).toBe(400);
  });

  it('surfaces a JWT Vonage rejects (wrong key) as a clear 502, creating nothing', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const misconfigured = await startTestApp({
      sharedSandbox: t.sandbox,
      env: {
        VONAGE_APPLICATION_ID: t.sandbox.options.vonage.applicationId,
        VONAGE_PRIVATE_KEY: privateKey
          .export({ type: 'pkcs8', format: 'pem' })
          .toString()
          .replace(/\n/g, '\\n'),
        VONAGE_BASE_URL: t.sandbox.url,
      },
    });
    try {
      const res = await call('POST', `${misconfigured.url}/v1/number-verifications`, {
        phone_number: '+99012345670',
      });
      expect(res.status).toBe(502);
      expect(res.body.detail).toMatch(/VONAGE_APPLICATION_ID\/PRIVATE_KEY/);
      expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE KEY-----/);
    } finally {
      await misconfigured.close();
    }
  });
});
