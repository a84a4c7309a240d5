import * as client from 'openid-client';
import { memoryStorage, SimauthPhone, SimauthWeb } from '@simauth/client';
import { CookieBrowser } from '@test-support/browser';
import { overMobileData, uniquePhoneNumber } from '@test-support/device';
import { authorization, CALLBACK } from '@test-support/oidc';
import { startTestApp, TestApp } from '@test-support/test-app';

const SPA = { client_id: 'spa', token_endpoint_auth_method: 'none', redirect_uris: [CALLBACK] };

describe("@simauth/client on the login page's OpenID interaction", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify([SPA]) } });
  });
  afterAll(() => t.close());

  it("starts the interaction's login with { interaction }, which the page then finishes", async () => {
    const number = uniquePhoneNumber();
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(number),
    });
    await phone.register(number);

    const rp = await client.discovery(new URL(t.url), 'spa', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    const browser = new CookieBrowser();
    const page = await browser.follow((await authorization(rp)).url.toString(), (u) =>
      u.includes('/login'),
    );
    const uid = new URL(page.url).searchParams.get('interaction')!;
    // The page's fetch, as a browser makes it: its cookies tie the request to its interaction.
    const pageFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const body = request.method === 'POST' ? await request.text() : '';
      return browser.request(request.url, {
        method: request.method,
        ...(body ? { body: JSON.parse(body) as unknown } : {}),
      });
    };
    const web = new SimauthWeb({ baseUrl: t.url, fetch: pageFetch });
    const login = await web.startLogin(number, { interaction: uid });
    expect(await phone.approve(login.loginId, login.matchNumber)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    // Following it needs no cookie (CookieBrowser sends no other headers, so plain fetch here).
    const followed = await new SimauthWeb({ baseUrl: t.url }).waitForResult(login);
    expect(followed.status).toBe('MATCH_SUCCESS');
    const finished = await browser.request(`${t.url}/oidc/interaction/${uid}/finish`, {
      body: { poll_token: login.pollToken },
    });
    expect(finished.status).toBe(200);
  });
});
