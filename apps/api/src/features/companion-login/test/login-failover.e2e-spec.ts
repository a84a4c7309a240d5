import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { registerPhone } from '@test-support/flows';
import { approvedLogin, sendLoginCode as sendCode } from '@test-support/sim-proof';

describe("a login's SIM proof through a second provider (SIM_PROOF_PROVIDERS, sandbox, real Postgres)", () => {
  describe('with SIM_PROOF_PROVIDERS=vonage', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'vonage' } })));
    afterAll(() => t.close());

    it('signs in by Vonage silent authentication alone: the phone posts what the check_url answered, and the web client gets its id_token', async () => {
      const phone = await registerPhone(t);
      const { loginId, approved, pollToken } = await approvedLogin(t, phone);
      expect(approved.body).toEqual({
        status: 'APPROVED',
        check_url: expect.stringMatching(/\/silent-auth\/redirect$/),
        provider: 'vonage',
      });
      const pending = await call(
        'GET',
        `${t.url}/v1/devices/me/logins`,
        undefined,
        bearer(phone.deviceToken),
      );
      expect(pending.body.find((l: { login_id: string }) => l.login_id === loginId)).toMatchObject({
        status: 'APPROVED',
        request_id: expect.any(String),
        check_url: approved.body.check_url,
        provider: 'vonage',
      });
      const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
      const done = await sendCode(t, phone, loginId, device.body);
      expect(done.body).toEqual({ status: 'MATCH_SUCCESS' });
      const polled = await call('GET', `${t.url}/v1/logins/${loginId}`, undefined, {
        authorization: `Bearer ${pollToken}`,
      });
      expect(polled.body.id_token).toEqual(expect.any(String));
    });

    it('ends a login whose check_url another SIM opened MATCH_FAILED', async () => {
      const phone = await registerPhone(t);
      const { loginId, approved } = await approvedLogin(t, phone);
      const device = await openOnDevice(approved.body.check_url, uniquePhoneNumber());
      const done = await sendCode(t, phone, loginId, device.body);
      expect(done.body).toEqual({ status: 'MATCH_FAILED' });
    });

    it("refuses a tru.ID check_id for a Vonage login's check, without asking Vonage", async () => {
      const phone = await registerPhone(t);
      const { loginId, approved } = await approvedLogin(t, phone);
      const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
      const checks = t.sandbox.store.callsTo('vonage.verify2.check');
      const res = await sendCode(t, phone, loginId, {
        check_id: device.body.request_id,
        code: device.body.code,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'check_id' })]);
      expect(t.sandbox.store.callsTo('vonage.verify2.check')).toBe(checks);
      // The login still waits for its own check.
      expect((await sendCode(t, phone, loginId, device.body)).body).toEqual({
        status: 'MATCH_SUCCESS',
      });
    });
  });

  describe('with SIM_PROOF_PROVIDERS=truid,vonage', () => {
    let t: TestApp;
    beforeAll(
      async () =>
        (t = await startTestApp({
          env: { SIM_PROOF_PROVIDERS: 'truid,vonage', SIM_SWAP_POLICY: 'off' },
        })),
    );
    afterAll(() => t.close());

    it('signs in through Vonage when tru.ID is down for the number (5000)', async () => {
      const phone = await registerPhone(t, phoneNumberEnding('5000'));
      const { loginId, approved } = await approvedLogin(t, phone);
      expect(approved.body.provider).toBe('vonage');
      const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
      expect((await sendCode(t, phone, loginId, device.body)).body).toEqual({
        status: 'MATCH_SUCCESS',
      });
      const [row] = await t.db.query('SELECT context FROM attempts WHERE id = $1', [loginId]);
      expect(row.context).toMatchObject({
        proof_provider: 'vonage',
        proof_failovers: [{ provider: 'truid', cause: 'unavailable' }],
      });
    });

    it("keeps a tru.ID login's check tru.ID's: a request_id is refused", async () => {
      const phone = await registerPhone(t);
      const { loginId, approved } = await approvedLogin(t, phone);
      expect(approved.body.provider).toBe('truid');
      const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
      const res = await sendCode(t, phone, loginId, {
        request_id: device.body.check_id,
        code: device.body.code,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'request_id' })]);
    });
  });
});
