import { memoryStorage, SimauthPhone, SimauthProblem } from '@simauth/client';
import { overMobileData, uniquePhoneNumber } from '@test-support/device';
import { startTestApp, TestApp } from '@test-support/test-app';

describe('@simauth/client number verification against a running api and the sandbox (Vonage)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  /** A phone that has not registered, holding the SIM of `sim` (none: Wi-Fi). */
  const phoneWith = (sim?: string) =>
    new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(sim),
    });

  /**
   * A Virtual Operator number (+990…) no other test uses, which Vonage verifies, does not, or
   * (ending 99) answers with an error.
   */
  function virtualOperatorNumber(outcome: 'verified' | 'not-verified' | 'error'): string {
    for (;;) {
      const number = uniquePhoneNumber('+990');
      const even = Number(number.at(-1)) % 2 === 0;
      if ((number.endsWith('99') ? 'error' : even ? 'verified' : 'not-verified') === outcome)
        return number;
    }
  }

  it('verifies a number the network vouches for, without a registration or a credential', async () => {
    const phone = phoneWith();
    expect(await phone.verifyNumber(virtualOperatorNumber('verified'))).toEqual({
      verificationId: expect.any(String),
      status: 'VERIFIED',
      devicePhoneNumberVerified: true,
    });
    expect(await phone.isRegistered()).toBe(false);
  });

  it('answers NOT_VERIFIED when the phone holds another number, and the server says the same', async () => {
    const result = await phoneWith().verifyNumber(virtualOperatorNumber('not-verified'));
    expect(result).toEqual({
      verificationId: expect.any(String),
      status: 'NOT_VERIFIED',
      devicePhoneNumberVerified: false,
    });
    const read = await fetch(`${t.url}/v1/number-verifications/${result.verificationId}`);
    expect(await read.json()).toMatchObject({ status: 'NOT_VERIFIED' });
  });

  it("signs a registered user in: the phone holding the number's SIM gets an id_token with amr nv", async () => {
    const number = uniquePhoneNumber();
    const registered = phoneWith(number);
    await registered.register(number);
    const result = await phoneWith(number).verifyNumber(number);
    expect(result).toMatchObject({ status: 'VERIFIED', idToken: expect.any(String) });
    const claims = JSON.parse(Buffer.from(result.idToken!.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ phone_number: number, amr: ['nv'] });
  });

  it("reads the outcome from the server when the opener gives no body (the mobile-data SDK's response_body is optional)", async () => {
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: async (url) => {
        await fetch(url);
        return {};
      },
    });
    expect(await phone.verifyNumber(virtualOperatorNumber('verified'))).toEqual({
      verificationId: expect.any(String),
      status: 'VERIFIED',
      devicePhoneNumberVerified: true,
    });
  });

  it('throws the problem the callback answered when the provider fails (+990…99: 503, retryable)', async () => {
    const err = await phoneWith()
      .verifyNumber(virtualOperatorNumber('error'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimauthProblem);
    expect((err as SimauthProblem).status).toBe(503);
    expect((err as SimauthProblem).retryable).toBe(true);
  });
});
