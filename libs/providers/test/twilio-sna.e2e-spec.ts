import {
  NumberNotSupportedError,
  ProviderError,
  ProviderUnavailableError,
  TwilioSnaAdapter,
} from '@simauth/providers';
import { RunningSandbox, startSandbox } from '@simauth/sandbox';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';

describe('Twilio Verify Silent Network Auth against the sandbox over HTTP', () => {
  let sandbox: RunningSandbox;
  beforeAll(
    async () =>
      (sandbox = await startSandbox({
        vonageRedirectUri: 'http://127.0.0.1:9/v1/number-verifications/callback',
      })),
  );
  afterAll(() => sandbox.close());

  const adapter = (authToken = sandbox.credentials.twilio.authToken) =>
    new TwilioSnaAdapter({
      baseUrl: sandbox.url,
      timeoutMs: 2000,
      accountSid: sandbox.credentials.twilio.accountSid,
      authToken,
      serviceSid: sandbox.credentials.twilio.serviceSid,
    });

  it('starts an sna verification whose URL answers the phone with text, not JSON, and is approved for the SIM of the number', async () => {
    const phone = uniquePhoneNumber();
    const check = await adapter().createCheck(phone);
    expect(check.checkId).toMatch(/^VE[0-9a-f]{32}$/);
    const device = await openOnDevice(check.checkUrl, phone);
    expect(device.status).toBe(200);
    expect(device.text).toBe('ErrorCode=0&ErrorDescription=Success&Carrier=SANDBOX');
    expect(device.body).toEqual({});
    expect(await adapter().exchangeCode(check.checkId, '', phone)).toEqual({
      checkId: check.checkId,
      status: 'COMPLETED',
      match: true,
    });
    // Approved: Twilio no longer has a pending verification for the number (404).
    expect(await adapter().exchangeCode(check.checkId, '', phone)).toMatchObject({
      status: 'EXPIRED',
      match: false,
    });
  });

  it('says pending before the SNA URL is opened, and no match (60500) when another SIM opened it', async () => {
    const phone = uniquePhoneNumber();
    const check = await adapter().createCheck(phone);
    expect(await adapter().exchangeCode(check.checkId, '', phone)).toMatchObject({
      status: 'PENDING',
    });
    await openOnDevice(check.checkUrl, uniquePhoneNumber());
    expect(await adapter().exchangeCode(check.checkId, '', phone)).toEqual({
      checkId: check.checkId,
      status: 'COMPLETED',
      match: false,
    });
  });

  it('turns a phone on Wi-Fi into an SNA error (60510) at the check', async () => {
    const phone = uniquePhoneNumber();
    const check = await adapter().createCheck(phone);
    const device = await openOnDevice(check.checkUrl);
    expect(device.text).toMatch(/^ErrorCode=-31&/);
    expect(await adapter().exchangeCode(check.checkId, '', phone)).toMatchObject({
      status: 'ERROR',
      errorCode: 'twilio_60510',
    });
  });

  it('does not take a newer verification of the number for this one', async () => {
    const phone = uniquePhoneNumber();
    const first = await adapter().createCheck(phone);
    const second = await adapter().createCheck(phone);
    await openOnDevice(second.checkUrl, phone);
    expect(await adapter().exchangeCode(first.checkId, '', phone)).toMatchObject({
      status: 'EXPIRED',
      match: false,
    });
  });

  it('maps a carrier without SNA (4030) to NumberNotSupportedError, an invalid number (60540, 4040) to a ProviderError that stops the failover, and an outage (5200) to ProviderUnavailableError', async () => {
    await expect(adapter().createCheck(phoneNumberEnding('4030'))).rejects.toBeInstanceOf(
      NumberNotSupportedError,
    );
    await expect(adapter().createCheck(phoneNumberEnding('4040'))).rejects.toMatchObject({
      reason: 'twilio_60540',
    });
    await expect(adapter().createCheck(phoneNumberEnding('5200'))).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });

  it('refuses a wrong auth token as Twilio does (401, code 20003), without the token in the error', async () => {
    const error = await adapter('wrong-token')
      .createCheck(uniquePhoneNumber())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).reason).toBe('twilio_auth');
    expect(String((error as Error).message)).not.toContain(sandbox.credentials.twilio.authToken);
  });
});
