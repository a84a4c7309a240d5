import { memoryStorage, SimauthPhone, SimauthWeb } from '@simauth/client';
import { overMobileData, uniquePhoneNumber } from '@test-support/device';
import { startTestApp, TestApp } from '@test-support/test-app';

describe('SimauthWeb.waitForResult when the live stream ends before the login does', () => {
  let survivor: TestApp;
  let leaving: TestApp;
  beforeAll(async () => {
    survivor = await startTestApp();
    leaving = await startTestApp({ sharedSandbox: survivor.sandbox });
  });
  afterAll(async () => {
    await leaving.close().catch(() => undefined);
    await survivor.close();
  });

  it('reconnects (to another replica, as a load balancer would send it) and gets the result', async () => {
    const number = uniquePhoneNumber();
    const phone = new SimauthPhone({
      baseUrl: survivor.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(number),
    });
    await phone.register(number);
    // The load balancer: every request to the replica that is leaving, until it is gone.
    let gone = false;
    const urls: string[] = [];
    const balanced: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      const url = gone ? request.url.replace(leaving.url, survivor.url) : request.url;
      urls.push(url);
      return fetch(new Request(url, request));
    };
    const web = new SimauthWeb({ baseUrl: leaving.url, fetch: balanced });
    const login = await web.startLogin(number);
    let following!: () => void;
    const followed = new Promise<void>((resolve) => (following = resolve));
    const result = web.waitForResult(login, { onStatus: () => following() });
    await followed;

    // The replica shuts down: its open streams end, telling clients to reconnect now.
    gone = true;
    await leaving.close();
    await phone.approve(login.loginId, login.matchNumber);
    expect(await result).toEqual({ status: 'MATCH_SUCCESS', idToken: expect.any(String) });
    const streams = urls.filter((u) => u.includes('/events'));
    expect(streams[0].startsWith(leaving.url)).toBe(true);
    expect(streams.at(-1)!.startsWith(survivor.url)).toBe(true);
  });
});
