import { generateKeyPairSync } from 'node:crypto';
import {
  CheckNotFoundError,
  NumberNotSupportedError,
  ProviderError,
  ProviderUnavailableError,
  VonageClient,
  VonageSilentAuthAdapter,
} from '@simauth/providers';
import { RunningSandbox, startSandbox } from '@simauth/sandbox';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';

describe('Vonage Verify v2 silent authentication against the sandbox over HTTP', () => {
  const REDIRECT_URI = 'http://127.0.0.1:9/v1/number-verifications/callback';
  let sandbox: RunningSandbox;
  beforeAll(async () => (sandbox = await startSandbox({ vonageRedirectUri: REDIRECT_URI })));
  afterAll(() => sandbox.close());

  const adapter = (privateKey = sandbox.credentials.vonage.privateKeyPem) =>
    new VonageSilentAuthAdapter(
      new VonageClient({
        baseUrl: sandbox.url,
        applicationId: sandbox.options.vonage.applicationId,
        privateKey,
        redirectUri: REDIRECT_URI,
        timeoutMs: 2000,
      }),
      { baseUrl: sandbox.url, timeoutMs: 2000 },
      'simauth',
    );

  it('starts a silent_auth-only workflow whose check_url ends, over mobile data, in {request_id, code}, and completes for the SIM of the number', async () => {
    const phone = uniquePhoneNumber();
    const check = await adapter().createCheck(phone);
    expect(check.checkUrl).toBe(`${sandbox.url}/v2/verify/${check.checkId}/silent-auth/redirect`);
    const device = await openOnDevice(check.checkUrl, phone);
    expect(device.status).toBe(200);
    expect(device.body).toEqual({ request_id: check.checkId, code: expect.any(String) });
    expect(await adapter().exchangeCode(check.checkId, device.body.code)).toEqual({
      checkId: check.checkId,
      status: 'COMPLETED',
      match: true,
    });
    // Spent: Vonage no longer knows it.
    await expect(adapter().exchangeCode(check.checkId, device.body.code)).rejects.toBeInstanceOf(
      CheckNotFoundError,
    );
  });

  it('answers no match when another SIM opened the check_url', async () => {
    const check = await adapter().createCheck(uniquePhoneNumber());
    const device = await openOnDevice(check.checkUrl, uniquePhoneNumber());
    expect(await adapter().exchangeCode(check.checkId, device.body.code)).toMatchObject({
      status: 'COMPLETED',
      match: false,
    });
  });

  it('gives a device on Wi-Fi a Vonage problem, and no code', async () => {
    const check = await adapter().createCheck(uniquePhoneNumber());
    const device = await openOnDevice(check.checkUrl);
    expect(device.status).toBe(412);
    expect(device.body).toMatchObject({ title: 'Network Error' });
    expect(device.body.code).toBeUndefined();
  });

  it('maps "not supported" (4010, 4020) to NumberNotSupportedError and an outage (5100) to ProviderUnavailableError', async () => {
    await expect(adapter().createCheck(phoneNumberEnding('4010'))).rejects.toBeInstanceOf(
      NumberNotSupportedError,
    );
    await expect(adapter().createCheck(phoneNumberEnding('4020'))).rejects.toBeInstanceOf(
      NumberNotSupportedError,
    );
    await expect(adapter().createCheck(phoneNumberEnding('5100'))).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
    // tru.ID's outage number is not Vonage's.
    await expect(adapter().createCheck(phoneNumberEnding('5000'))).resolves.toMatchObject({
      checkUrl: expect.any(String),
    });
  });

  it('refuses a second verification of a number while one is in flight, as unavailable for now', async () => {
    const phone = uniquePhoneNumber();
    const first = await adapter().createCheck(phone);
    const second = await adapter()
      .createCheck(phone)
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ProviderUnavailableError);
    expect((second as ProviderUnavailableError).retryAfterSeconds).toBe(60);
    // Once the first is spent, the number may be verified again.
    const device = await openOnDevice(first.checkUrl, phone);
    await adapter().exchangeCode(first.checkId, device.body.code);
    await expect(adapter().createCheck(phone)).resolves.toMatchObject({
      checkUrl: expect.any(String),
    });
  });

  it('sends the application JWT: one signed by another key is refused as our misconfiguration', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(adapter(other).createCheck(uniquePhoneNumber())).rejects.toBeInstanceOf(
      ProviderError,
    );
  });
});
