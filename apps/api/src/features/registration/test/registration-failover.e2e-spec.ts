import { TestApp, startTestApp } from '@test-support/test-app';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import {
  simProofs as proofs,
  startRegistration as start,
  submitRegistrationCode as submit,
} from '@test-support/sim-proof';

describe('registration through a second SIM-proof provider (SIM_PROOF_PROVIDERS, sandbox, real Postgres)', () => {
  describe('with SIM_PROOF_PROVIDERS=vonage', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'vonage' } })));
    afterAll(() => t.close());

    it('registers a phone by Vonage silent authentication alone: the phone posts what the check_url answered', async () => {
      const phone = uniquePhoneNumber();
      const truIdChecks = t.sandbox.store.callsTo('truid.phone_check.create');
      const started = await start(t, phone);
      expect(started.status).toBe(201);
      expect(started.body).toEqual({
        registration_id: expect.any(String),
        check_url: expect.stringMatching(/\/v2\/verify\/[\w-]+\/silent-auth\/redirect$/),
        provider: 'vonage',
        status: 'CHECK_CREATED',
        expires_at: expect.any(String),
      });
      const device = await openOnDevice(started.body.check_url, phone);
      expect(Object.keys(device.body).sort()).toEqual(['code', 'request_id']);
      const done = await submit(t, started.body.registration_id, device.body);
      expect(done.status).toBe(200);
      expect(done.body).toEqual({
        status: 'MATCH_SUCCESS',
        match: true,
        device_token: expect.stringMatching(/^simauth_dt_/),
        user_id: expect.any(String),
        device_id: expect.any(String),
      });
      expect(t.sandbox.store.callsTo('truid.phone_check.create')).toBe(truIdChecks);
    });

    it('ends a registration whose check_url another SIM opened MATCH_FAILED', async () => {
      const started = await start(t, uniquePhoneNumber());
      const device = await openOnDevice(started.body.check_url, uniquePhoneNumber());
      const done = await submit(t, started.body.registration_id, device.body);
      expect(done.body).toEqual({ status: 'MATCH_FAILED', match: false });
    });

    it("ends a registration whose check_url Vonage answered with its Wi-Fi problem PROVIDER_ERROR: the phone posts the problem's error alone, and Vonage's check is never called", async () => {
      const phone = uniquePhoneNumber();
      const started = await start(t, phone);
      // No SIM on the request: the phone is on Wi-Fi, and the network answers Vonage's problem.
      const onWifi = await openOnDevice(started.body.check_url);
      expect(onWifi.status).toBe(412);
      expect(onWifi.body.type).toMatch(/\/verify#network-error$/);
      const checks = t.sandbox.store.callsTo('vonage.verify2.check');
      const done = await submit(t, started.body.registration_id, {
        error: 'network-error',
        error_description: onWifi.body.detail,
      });
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ status: 'PROVIDER_ERROR', match: false });
      const [ended] = await t.db.query(
        `SELECT reason, provider FROM attempt_events WHERE attempt_id = $1 ORDER BY id DESC LIMIT 1`,
        [started.body.registration_id],
      );
      expect(ended).toEqual({
        reason: 'check ended on the device: network-error',
        provider: 'vonage',
      });
      expect(t.sandbox.store.callsTo('vonage.verify2.check')).toBe(checks);
    });

    it("refuses a tru.ID check_id for a Vonage registration, and another registration's request_id, before asking Vonage", async () => {
      const phone = uniquePhoneNumber();
      const started = await start(t, phone);
      const other = await start(t, uniquePhoneNumber());
      const device = await openOnDevice(started.body.check_url, phone);
      const checks = t.sandbox.store.callsTo('vonage.verify2.check');

      const asTruId = await submit(t, started.body.registration_id, {
        check_id: device.body.request_id,
        code: '123456',
      });
      expect(asTruId.status).toBe(400);
      expect(asTruId.body.errors).toEqual([
        expect.objectContaining({ field: 'check_id', message: expect.stringMatching(/Vonage/) }),
      ]);
      const noReference = await submit(t, started.body.registration_id, { code: '123456' });
      expect(noReference.status).toBe(400);
      expect(noReference.body.errors).toEqual([expect.objectContaining({ field: 'request_id' })]);
      const foreign = await submit(t, other.body.registration_id, device.body);
      expect(foreign.status).toBe(422);
      expect(t.sandbox.store.callsTo('vonage.verify2.check')).toBe(checks);
    });
  });

  describe('with SIM_PROOF_PROVIDERS=truid,vonage and no SMS fallback', () => {
    let t: TestApp;
    beforeAll(
      async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'truid,vonage' } })),
    );
    afterAll(() => t.close());

    it('hands a registration tru.ID cannot take (outage, 5000) to Vonage in the same request, and records the failover', async () => {
      const phone = phoneNumberEnding('5000');
      const [truIdDown, vonageProven] = [
        await proofs(t, 'truid', 'unavailable'),
        await proofs(t, 'vonage', 'proven'),
      ];
      const started = await start(t, phone);
      expect(started.status).toBe(201);
      expect(started.body.provider).toBe('vonage');
      const device = await openOnDevice(started.body.check_url, phone);
      const done = await submit(t, started.body.registration_id, device.body);
      expect(done.body).toMatchObject({ status: 'MATCH_SUCCESS', match: true });

      const [created] = await t.db.query(
        `SELECT reason FROM attempt_events WHERE attempt_id = $1 AND from_status IS NULL`,
        [started.body.registration_id],
      );
      expect(created.reason).toBe('truid unavailable: SIM check by vonage');
      expect(await proofs(t, 'truid', 'unavailable')).toBe(truIdDown + 1);
      expect(await proofs(t, 'vonage', 'proven')).toBe(vonageProven + 1);
    });

    it('hands a number tru.ID does not support (4000) to Vonage', async () => {
      const phone = phoneNumberEnding('4000');
      const started = await start(t, phone);
      expect(started.body.provider).toBe('vonage');
      const done = await submit(
        t,
        started.body.registration_id,
        (await openOnDevice(started.body.check_url, phone)).body,
      );
      expect(done.body.status).toBe('MATCH_SUCCESS');
    });

    it("still asks a tru.ID registration's error for its check_id (400 naming it)", async () => {
      const started = await start(t, uniquePhoneNumber());
      expect(started.body.provider).toBe('truid');
      const res = await submit(t, started.body.registration_id, { error: 'not_mobile_ip' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'check_id' })]);
    });

    it('keeps tru.ID first: a number it serves never reaches Vonage, and a tru.ID check is refused as request_id', async () => {
      const silentAuths = t.sandbox.store.callsTo('vonage.verify2.silent_auth');
      const phone = uniquePhoneNumber();
      const started = await start(t, phone);
      expect(started.body.provider).toBe('truid');
      const device = await openOnDevice(started.body.check_url, phone);
      const asVonage = await submit(t, started.body.registration_id, {
        request_id: device.body.check_id,
        code: device.body.code,
      });
      expect(asVonage.status).toBe(400);
      expect(asVonage.body.errors).toEqual([expect.objectContaining({ field: 'request_id' })]);
      const done = await submit(t, started.body.registration_id, device.body);
      expect(done.body.status).toBe('MATCH_SUCCESS');
      expect(t.sandbox.store.callsTo('vonage.verify2.silent_auth')).toBe(silentAuths);
    });

    it('answers 503 with Retry-After when every provider is down (5100), and leaves nothing behind', async () => {
      const phone = phoneNumberEnding('5100');
      const res = await start(t, phone);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(
        await t.db.query('SELECT 1 FROM attempts WHERE phone_number = $1', [phone]),
      ).toHaveLength(0);
    });
  });

  describe('with SIM_PROOF_PROVIDERS=truid,vonage and REGISTRATION_FALLBACK=sms', () => {
    let t: TestApp;
    beforeAll(
      async () =>
        (t = await startTestApp({
          env: { SIM_PROOF_PROVIDERS: 'truid,vonage', REGISTRATION_FALLBACK: 'sms' },
        })),
    );
    afterAll(() => t.close());

    it.each([
      ['down (5100)', '5100', 'truid unavailable, vonage unavailable: code sent by SMS'],
      [
        'not supported (4020)',
        '4020',
        'truid not supported, vonage not supported: code sent by SMS',
      ],
    ])('sends the code by SMS when every SIM-proof provider is %s', async (_, ending, reason) => {
      const res = await start(t, phoneNumberEnding(ending));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: 'sms', status: 'CODE_SENT' });
      expect(res.body.provider).toBeUndefined();
      const [created] = await t.db.query(
        `SELECT reason FROM attempt_events WHERE attempt_id = $1 AND from_status IS NULL`,
        [res.body.registration_id],
      );
      expect(created.reason).toBe(reason);
    });
  });

  describe('with the default SIM_PROOF_PROVIDERS (truid) and Vonage credentials', () => {
    let t: TestApp;
    let sms: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
      sms = await startTestApp({
        sharedSandbox: t.sandbox,
        env: { REGISTRATION_FALLBACK: 'sms' },
      });
    });
    afterAll(async () => {
      await sms.close();
      await t.close();
    });

    it('sends the code by SMS when tru.ID, the only provider, is down and REGISTRATION_FALLBACK=sms', async () => {
      const res = await start(sms, phoneNumberEnding('5000'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: 'sms', status: 'CODE_SENT' });
    });

    it('never starts a Vonage silent authentication: a tru.ID outage stays a 503', async () => {
      const silentAuths = t.sandbox.store.callsTo('vonage.verify2.silent_auth');
      const res = await start(t, phoneNumberEnding('5000'));
      expect(res.status).toBe(503);
      expect(t.sandbox.store.callsTo('vonage.verify2.silent_auth')).toBe(silentAuths);
    });
  });
});
