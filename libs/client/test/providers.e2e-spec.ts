import { memoryStorage, SimauthPhone, SimauthWeb } from '@simauth/client';
import { openOnDevice, overMobileData, uniquePhoneNumber } from '@test-support/device';
import { startTestApp, TestApp } from '@test-support/test-app';

describe('@simauth/client with any SIM-proof provider, through openCheckUrl alone', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'vonage' } })));
  afterAll(() => t.close());

  it('registers and approves a login by Vonage silent authentication with no provider-specific code in the app', async () => {
    const number = uniquePhoneNumber();
    const opened: string[] = [];
    const open = overMobileData(number);
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: (url) => {
        opened.push(url);
        return open(url);
      },
    });
    expect(await phone.register(number)).toMatchObject({ status: 'MATCH_SUCCESS' });
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    expect(await phone.approve(login.loginId, login.matchNumber)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    expect(await web.waitForResult(login)).toEqual({
      status: 'MATCH_SUCCESS',
      idToken: expect.any(String),
    });
    expect(opened).toEqual([
      expect.stringMatching(/\/v2\/verify\/[\w-]+\/silent-auth\/redirect$/),
      expect.stringMatching(/\/v2\/verify\/[\w-]+\/silent-auth\/redirect$/),
    ]);
  });

  it("reads Vonage's Wi-Fi answer (a problem document) as the check's error: a registration ends PROVIDER_ERROR, a login rejects check-failed and stays APPROVED", async () => {
    // Two numbers: Vonage refuses a second verification of a number while one is in flight.
    const [number, other] = [uniquePhoneNumber(), uniquePhoneNumber()];
    // The app's opener as for any provider, here on Wi-Fi: the JSON body the check URL ended with.
    const onWifi = async (url: string) => (await openOnDevice(url)).body;
    const wifiPhone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: onWifi,
    });
    expect(await wifiPhone.register(other)).toEqual({ status: 'PROVIDER_ERROR' });

    const storage = memoryStorage();
    const open = { wifi: false };
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage,
      openCheckUrl: (url) => (open.wifi ? onWifi(url) : overMobileData(number)(url)),
    });
    expect(await phone.register(number)).toMatchObject({ status: 'MATCH_SUCCESS' });
    open.wifi = true;
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    await expect(phone.approve(login.loginId, login.matchNumber)).rejects.toMatchObject({
      type: 'urn:simauth:problem:check-failed',
      detail: expect.stringMatching(/^network-error: /),
    });
    const [pending] = await phone.pendingLogins();
    expect(pending).toMatchObject({ loginId: login.loginId, status: 'APPROVED' });
  });

  describe('with SIM_PROOF_PROVIDERS=twilio', () => {
    let tw: TestApp;
    beforeAll(async () => (tw = await startTestApp({ env: { SIM_PROOF_PROVIDERS: 'twilio' } })));
    afterAll(() => tw.close());

    it('registers and approves a login by Twilio SNA, whose check URL answers text, with the same app code', async () => {
      const number = uniquePhoneNumber();
      const answers: unknown[] = [];
      // The app's opener as for any provider: the body as JSON when it is JSON, else its text.
      const openCheckUrl = async (url: string) => {
        const device = await openOnDevice(url, number);
        const answer = Object.keys(device.body).length ? device.body : device.text;
        answers.push(answer);
        return answer;
      };
      const phone = new SimauthPhone({ baseUrl: tw.url, storage: memoryStorage(), openCheckUrl });
      expect(await phone.register(number)).toMatchObject({ status: 'MATCH_SUCCESS' });
      const web = new SimauthWeb({ baseUrl: tw.url });
      const login = await web.startLogin(number);
      expect(await phone.approve(login.loginId, login.matchNumber)).toEqual({
        status: 'MATCH_SUCCESS',
      });
      expect(await web.waitForResult(login)).toEqual({
        status: 'MATCH_SUCCESS',
        idToken: expect.any(String),
      });
      expect(answers).toEqual([
        expect.stringMatching(/^ErrorCode=0&/),
        expect.stringMatching(/^ErrorCode=0&/),
      ]);
    });
  });
});
