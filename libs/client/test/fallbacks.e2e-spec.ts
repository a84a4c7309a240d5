import {
  memoryStorage,
  SimauthPhone,
  SimauthPhoneOptions,
  SimauthProblem,
  SimauthWeb,
} from '@simauth/client';
import { overMobileData, phoneNumberEnding } from '@test-support/device';
import { signIn } from '@test-support/flows';
import { bearer, call } from '@test-support/http';
import { startTestApp, TestApp } from '@test-support/test-app';
import { totpCode } from '@test-support/totp';

describe('@simauth/client where the SIM cannot prove the number: SMS fallback and step-up', () => {
  let sms: TestApp;
  let stepUp: TestApp;
  let off: TestApp;
  // One number ending 4000 (PhoneCheck refused; nine such numbers per run) for the SMS cases.
  let smsOnly: string;
  beforeAll(async () => {
    smsOnly = phoneNumberEnding('4000');
    sms = await startTestApp({ env: { REGISTRATION_FALLBACK: 'sms' } });
    const shared = { sharedSandbox: sms.sandbox };
    stepUp = await startTestApp({ ...shared, env: { SIM_SWAP_POLICY: 'step_up' } });
    off = await startTestApp({ ...shared, env: { SIM_SWAP_POLICY: 'off' } });
  });
  afterAll(async () => {
    await off.close();
    await stepUp.close();
    await sms.close();
  });

  /** The code the sandbox's SMS inbox received last for `number`. */
  const lastSmsCode = async (number: string) => {
    const res = await fetch(
      `${sms.sandbox.url}/sandbox/sms/${encodeURIComponent(number)}/messages`,
    );
    const { messages } = (await res.json()) as { messages: { code: string }[] };
    return messages.at(-1)!.code;
  };

  it('registers by the SMS code where no PhoneCheck can run, through onSmsCode', async () => {
    const number = smsOnly;
    let asked = 0;
    const phone = new SimauthPhone({
      baseUrl: sms.url,
      storage: memoryStorage(),
      openCheckUrl: () => Promise.reject(new Error('no check URL for this number')),
      onSmsCode: async () => {
        asked++;
        return lastSmsCode(number);
      },
    });
    expect(await phone.register(number)).toEqual({
      status: 'MATCH_SUCCESS',
      userId: expect.any(String),
      deviceId: expect.any(String),
    });
    expect(asked).toBe(1);
    expect(await phone.isRegistered()).toBe(true);
  });

  it('approves a login by the SMS code where no PhoneCheck can run; the web gets the id_token', async () => {
    const number = smsOnly;
    const phone = new SimauthPhone({
      baseUrl: sms.url,
      storage: memoryStorage(),
      openCheckUrl: () => Promise.reject(new Error('no check URL for this number')),
      onSmsCode: () => lastSmsCode(number),
    });
    await phone.register(number);
    const web = new SimauthWeb({ baseUrl: sms.url });
    const login = await web.startLogin(number);
    expect(await phone.approve(login.loginId, login.matchNumber)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    expect(await web.waitForResult(login)).toEqual({
      status: 'MATCH_SUCCESS',
      idToken: expect.any(String),
    });
  });

  it('resumes an approval whose SMS code the app never sent: resume() asks onSmsCode for it', async () => {
    const number = phoneNumberEnding('4000');
    const storage = memoryStorage();
    const options = {
      baseUrl: sms.url,
      storage,
      openCheckUrl: () => Promise.reject(new Error('no check URL for this number')),
      onSmsCode: () => lastSmsCode(number),
    };
    await new SimauthPhone(options).register(number);
    const web = new SimauthWeb({ baseUrl: sms.url });
    const login = await web.startLogin(number);
    // The app approved, the SMS went out, and the app was killed before the code was sent.
    const approved = await call(
      'POST',
      `${sms.url}/v1/logins/${login.loginId}/approve`,
      { match_number: login.matchNumber },
      bearer((await storage.get('simauth.device_token'))!),
    );
    expect(approved.body).toEqual({ status: 'APPROVED', channel: 'sms' });
    const restarted = new SimauthPhone(options);
    const [pending] = await restarted.pendingLogins();
    expect(pending).toMatchObject({ loginId: login.loginId, status: 'APPROVED', channel: 'sms' });
    expect(await restarted.resume(pending)).toEqual({ status: 'MATCH_SUCCESS' });
    expect(await web.waitForResult(login)).toEqual({
      status: 'MATCH_SUCCESS',
      idToken: expect.any(String),
    });
  });

  it('fails with a problem when the code went by SMS and the app gave no onSmsCode', async () => {
    const phone = new SimauthPhone({
      baseUrl: sms.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(),
    });
    const err = await phone.register(smsOnly).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimauthProblem);
    expect((err as SimauthProblem).detail).toContain('onSmsCode');
  });

  it('ends SIM_SWAP_DETECTED when the SIM changed recently, or steps up with a factor code through onFactorCode', async () => {
    const number = phoneNumberEnding('7000');
    const storage = memoryStorage();
    const phoneOn = (app: TestApp, onFactorCode?: SimauthPhoneOptions['onFactorCode']) =>
      new SimauthPhone({
        baseUrl: app.url,
        storage,
        openCheckUrl: overMobileData(number),
        onFactorCode,
      });
    // The factor was set up before the swap (here: through the api that does not check).
    await phoneOn(off).register(number);
    const deviceToken = (await storage.get('simauth.device_token'))!;
    const { idToken } = await signIn(off, { phoneNumber: number, deviceId: '', deviceToken });
    const factor = (await call('POST', `${off.url}/v1/factors`, { type: 'totp' }, bearer(idToken)))
      .body as { factor_id: string; otpauth_url: string };
    await call(
      'POST',
      `${off.url}/v1/factors/${factor.factor_id}/activate`,
      { code: await totpCode(factor.otpauth_url) },
      bearer(idToken),
    );

    // With the default policy (deny, as on the SMS app) the swap ends the login: nothing to step up.
    const denyWeb = new SimauthWeb({ baseUrl: sms.url });
    const denied = await denyWeb.startLogin(number);
    expect(await phoneOn(sms).approve(denied.loginId, denied.matchNumber)).toEqual({
      status: 'SIM_SWAP_DETECTED',
    });
    expect(await denyWeb.waitForResult(denied)).toEqual({ status: 'SIM_SWAP_DETECTED' });

    const web = new SimauthWeb({ baseUrl: stepUp.url });
    const login = await web.startLogin(number);
    // Without onFactorCode the step-up is the caller's: the problem says so.
    const refused = await phoneOn(stepUp)
      .approve(login.loginId, login.matchNumber)
      .catch((e: unknown) => e);
    expect((refused as SimauthProblem).type).toBe('urn:simauth:problem:step-up-required');
    const asked: string[] = [];
    const phone = phoneOn(stepUp, async ({ loginId }) => {
      asked.push(loginId);
      // The code alone, as the person types it: the client finds the user's ACTIVE factor.
      return totpCode(factor.otpauth_url, 1);
    });
    expect(await phone.approve(login.loginId, login.matchNumber)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    expect(asked).toEqual([login.loginId]);
    const result = await web.waitForResult(login);
    const claims = JSON.parse(Buffer.from(result.idToken!.split('.')[1], 'base64url').toString());
    expect(claims.amr).toEqual(['otp']);
  });
});
