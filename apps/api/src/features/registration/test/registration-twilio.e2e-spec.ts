import { TestApp, startTestApp } from '@test-support/test-app';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import {
  simProofs as proofs,
  startRegistration as start,
  submitRegistrationCode as submit,
} from '@test-support/sim-proof';

const createdReason = async (t: TestApp, id: string) =>
  (
    await t.db.query(
      `SELECT reason FROM attempt_events WHERE attempt_id = $1 AND from_status IS NULL`,
      [id],
    )
  )[0].reason;

describe('registration through Twilio Verify SNA, the third SIM-proof provider (sandbox, real Postgres)', () => {
  describe('with SIM_PROOF_PROVIDERS=twilio', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'twilio' } })));
    afterAll(() => t.close());

    it('registers a phone by Twilio SNA alone: the SNA URL answers text, and the phone posts {}', async () => {
      const phone = uniquePhoneNumber();
      const truIdChecks = t.sandbox.store.callsTo('truid.phone_check.create');
      const started = await start(t, phone);
      expect(started.status).toBe(201);
      expect(started.body).toEqual({
        registration_id: expect.any(String),
        check_url: expect.stringMatching(/\/sandbox\/mno\/twilio\/VE[0-9a-f]{32}\?token=/),
        provider: 'twilio',
        status: 'CHECK_CREATED',
        expires_at: expect.any(String),
      });
      const device = await openOnDevice(started.body.check_url, phone);
      expect(device.text).toMatch(/^ErrorCode=0&ErrorDescription=Success/);
      const done = await submit(t, started.body.registration_id, {});
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

    it('ends a registration whose SNA URL another SIM opened MATCH_FAILED', async () => {
      const started = await start(t, uniquePhoneNumber());
      await openOnDevice(started.body.check_url, uniquePhoneNumber());
      const done = await submit(t, started.body.registration_id, {});
      expect(done.body).toEqual({ status: 'MATCH_FAILED', match: false });
    });

    it('answers 422 while the SNA URL has not been opened, and the registration still waits', async () => {
      const phone = uniquePhoneNumber();
      const started = await start(t, phone);
      const early = await submit(t, started.body.registration_id, {});
      expect(early.status).toBe(422);
      await openOnDevice(started.body.check_url, phone);
      expect((await submit(t, started.body.registration_id, {})).body.status).toBe('MATCH_SUCCESS');
    });

    it('ends a registration whose phone opened the SNA URL on Wi-Fi PROVIDER_ERROR (Twilio 60510)', async () => {
      const started = await start(t, uniquePhoneNumber());
      await openOnDevice(started.body.check_url);
      const done = await submit(t, started.body.registration_id, {});
      expect(done.body).toEqual({ status: 'PROVIDER_ERROR', match: false });
    });

    it.each([
      ['check_id', { check_id: 'c69bc0e6a2b44e7f9b2b1d3a4c5e6f70', code: '123456' }],
      ['request_id', { request_id: 'c11236f4-00bf-4b89-84ba-88b25df97315', code: '123456' }],
      ['code', { code: '123456' }],
    ])(
      'refuses a %s for a Twilio registration with a 400 naming it, before asking Twilio',
      async (field, body) => {
        const phone = uniquePhoneNumber();
        const started = await start(t, phone);
        await openOnDevice(started.body.check_url, phone);
        const checks = t.sandbox.store.callsTo('twilio.verify.sna.check');
        const res = await submit(t, started.body.registration_id, body);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([
          expect.objectContaining({ field, message: expect.stringMatching(/Twilio/) }),
        ]);
        expect(t.sandbox.store.callsTo('twilio.verify.sna.check')).toBe(checks);
        expect((await submit(t, started.body.registration_id, {})).body.status).toBe(
          'MATCH_SUCCESS',
        );
      },
    );
  });

  describe('with SIM_PROOF_PROVIDERS=truid,vonage,twilio and no SMS fallback', () => {
    let t: TestApp;
    beforeAll(
      async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'truid,vonage,twilio' } })),
    );
    afterAll(() => t.close());

    it('hands a registration tru.ID and Vonage cannot take (both down, 5100) to Twilio in the same request, and records the failover', async () => {
      const phone = phoneNumberEnding('5100');
      const proven = await proofs(t, 'twilio', 'proven');
      const started = await start(t, phone);
      expect(started.status).toBe(201);
      expect(started.body.provider).toBe('twilio');
      await openOnDevice(started.body.check_url, phone);
      const done = await submit(t, started.body.registration_id, {});
      expect(done.body).toMatchObject({ status: 'MATCH_SUCCESS', match: true });
      expect(await createdReason(t, started.body.registration_id)).toBe(
        'truid unavailable, vonage unavailable: SIM check by twilio',
      );
      expect(await proofs(t, 'twilio', 'proven')).toBe(proven + 1);
    });

    it('refuses {} for a registration tru.ID took, naming code', async () => {
      const started = await start(t, uniquePhoneNumber());
      expect(started.body.provider).toBe('truid');
      const res = await submit(t, started.body.registration_id, {});
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    });

    it('answers 503 with Retry-After when all three are down (5200), and leaves nothing behind', async () => {
      const phone = phoneNumberEnding('5200');
      const res = await start(t, phone);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(
        await t.db.query('SELECT 1 FROM attempts WHERE phone_number = $1', [phone]),
      ).toHaveLength(0);
    });
  });

  describe('with SIM_PROOF_PROVIDERS=twilio,truid (Twilio first)', () => {
    let t: TestApp;
    beforeAll(
      async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'twilio,truid' } })),
    );
    afterAll(() => t.close());

    it('hands a number whose carrier has no SNA (4030) to tru.ID', async () => {
      const phone = phoneNumberEnding('4030');
      const started = await start(t, phone);
      expect(started.status).toBe(201);
      expect(started.body.provider).toBe('truid');
      expect(await createdReason(t, started.body.registration_id)).toBe(
        'twilio not supported: SIM check by truid',
      );
    });

    it('stops at a number the carrier calls invalid (Twilio 60540, 4040): no failover to tru.ID, nothing behind', async () => {
      const phone = phoneNumberEnding('4040');
      const truIdChecks = t.sandbox.store.callsTo('truid.phone_check.create');
      const res = await start(t, phone);
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(JSON.stringify(res.body)).not.toMatch(/stack|authToken|Basic /);
      expect(t.sandbox.store.callsTo('truid.phone_check.create')).toBe(truIdChecks);
      expect(
        await t.db.query('SELECT 1 FROM attempts WHERE phone_number = $1', [phone]),
      ).toHaveLength(0);
    });
  });

  describe('with SIM_PROOF_PROVIDERS=truid,vonage,twilio and REGISTRATION_FALLBACK=sms', () => {
    let t: TestApp;
    beforeAll(
      async () =>
        (t = await startTestApp({
          env: { SIM_PROOF_PROVIDERS: 'truid,vonage,twilio', REGISTRATION_FALLBACK: 'sms' },
        })),
    );
    afterAll(() => t.close());

    it('sends the code by SMS when all three providers are down (5200)', async () => {
      const res = await start(t, phoneNumberEnding('5200'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: 'sms', status: 'CODE_SENT' });
      expect(await createdReason(t, res.body.registration_id)).toBe(
        'truid unavailable, vonage unavailable, twilio unavailable: code sent by SMS',
      );
    });
  });
});
