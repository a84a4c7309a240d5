import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { registerPhone } from '@test-support/flows';
import { approvedLogin, sendLoginCode as sendCode } from '@test-support/sim-proof';

describe("a login's SIM proof through Twilio Verify SNA (SIM_PROOF_PROVIDERS=twilio, sandbox, real Postgres)", () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'twilio' } })));
  afterAll(() => t.close());

  it('registers and signs in by Twilio SNA alone: the phone posts {}, and the web client gets its id_token', async () => {
    // registerPhone posts what the SNA URL gave the phone: {} (its answer is text, not JSON).
    const phone = await registerPhone(t);
    const { loginId, approved, pollToken } = await approvedLogin(t, phone);
    expect(approved.body).toEqual({
      status: 'APPROVED',
      check_url: expect.stringMatching(/\/sandbox\/mno\/twilio\/VE/),
      provider: 'twilio',
    });
    const pending = await call(
      'GET',
      `${t.url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    const listed = pending.body.find((l: { login_id: string }) => l.login_id === loginId);
    expect(listed).toMatchObject({ check_url: approved.body.check_url, provider: 'twilio' });
    expect(listed.check_id).toBeUndefined();
    expect(listed.request_id).toBeUndefined();
    await openOnDevice(approved.body.check_url, phone.phoneNumber);
    const done = await sendCode(t, phone, loginId, {});
    expect(done.body).toEqual({ status: 'MATCH_SUCCESS' });
    const polled = await call('GET', `${t.url}/v1/logins/${loginId}`, undefined, {
      authorization: `Bearer ${pollToken}`,
    });
    expect(polled.body.id_token).toEqual(expect.any(String));
  });

  it('answers 422 to {} before the SNA URL is opened, and the login still waits for it', async () => {
    const phone = await registerPhone(t);
    const { loginId, approved } = await approvedLogin(t, phone);
    const early = await sendCode(t, phone, loginId, {});
    expect(early.status).toBe(422);
    await openOnDevice(approved.body.check_url, phone.phoneNumber);
    expect((await sendCode(t, phone, loginId, {})).body).toEqual({ status: 'MATCH_SUCCESS' });
  });

  it('ends a login whose SNA URL another SIM opened MATCH_FAILED', async () => {
    const phone = await registerPhone(t);
    const { loginId, approved } = await approvedLogin(t, phone);
    await openOnDevice(approved.body.check_url, uniquePhoneNumber());
    expect((await sendCode(t, phone, loginId, {})).body).toEqual({ status: 'MATCH_FAILED' });
  });

  it("refuses a Vonage request_id or a tru.ID check_id for a Twilio login's check, without asking Twilio", async () => {
    const phone = await registerPhone(t);
    const { loginId, approved } = await approvedLogin(t, phone);
    await openOnDevice(approved.body.check_url, phone.phoneNumber);
    const checks = t.sandbox.store.callsTo('twilio.verify.sna.check');
    for (const [field, body] of [
      ['request_id', { request_id: 'c11236f4-00bf-4b89-84ba-88b25df97315', code: '123456' }],
      ['check_id', { check_id: 'c69bc0e6a2b44e7f9b2b1d3a4c5e6f70', code: '123456' }],
    ] as const) {
      const res = await sendCode(t, phone, loginId, body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field, message: expect.stringMatching(/Twilio/) }),
      ]);
    }
    expect(t.sandbox.store.callsTo('twilio.verify.sna.check')).toBe(checks);
    // The login still waits for its own check.
    expect((await sendCode(t, phone, loginId, {})).body).toEqual({ status: 'MATCH_SUCCESS' });
  });
});
