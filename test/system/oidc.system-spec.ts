/// <reference lib="dom" />
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchChromium, registerVirtualPhone } from '@test-support/chromium';
import { findFreePort } from '@simauth/database';
import { TestApp, startTestApp } from '@test-support/test-app';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { bearer, call } from '@test-support/http';
import { approveOnPhone, registerPhone } from '@test-support/flows';
import { eventually } from '@test-support/sse';

const ROOT = join(__dirname, '../..');
const SHOTS = join(__dirname, '../../test-results/screenshots');

describe('the example app signs in through the OpenID Provider, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let example: ChildProcess;
  let exampleUrl: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await findFreePort();
    exampleUrl = `http://localhost:${port}`;
    t = await startTestApp({
      env: {
        OIDC_CLIENTS: JSON.stringify([
          {
            client_id: 'example-app',
            token_endpoint_auth_method: 'none',
            redirect_uris: [`${exampleUrl}/callback`],
            post_logout_redirect_uris: [`${exampleUrl}/`],
          },
        ]),
      },
    });
    // examples/rp/server.mjs exactly as `npm run example:rp` runs it, pointed at this simauth.
    example = spawn(process.execPath, [join(ROOT, 'examples/rp/server.mjs')], {
      env: { ...process.env, SIMAUTH_URL: t.url, CLIENT_ID: 'example-app', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    example.stdout!.on('data', (d) => (out += d));
    await eventually(async () => expect(out).toContain('demo app on'), 30_000);
    browser = await launchChromium();
  });
  afterAll(async () => {
    example?.kill();
    await browser?.close();
    await t?.close();
  });

  const phoneWith = (sim: string) => registerVirtualPhone(browser, t.url, sim);

  /** The example app's sign-in, up to simauth's login page showing the match number. */
  async function signInOnExample(sim: string): Promise<{ site: Page; match: string }> {
    const site = await (await browser.newContext()).newPage();
    await site.goto(exampleUrl);
    await site.click('text=Sign in with your phone');
    await site.waitForURL((url) => url.toString().startsWith(`${t.url}/login?interaction=`));
    await site.fill('input[type="tel"][name="phone_number"]', sim);
    await site.click('#submit');
    const match = (await site.textContent('[data-testid="match-number"]:not(:text-is("--"))'))!;
    return { site, match: match.trim() };
  }

  it('goes from the app to the login page and back signed in once the phone approves', async () => {
    const sim = uniquePhoneNumber();
    const phone = await phoneWith(sim);
    const { site, match } = await signInOnExample(sim);
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click(`#numbers button:text-is("${match}")`);
    await site.waitForURL(`${exampleUrl}/`);
    await site.waitForSelector('text=Signed in');
    const body = await site.textContent('body');
    expect(body).toContain(sim);
    expect(body).toContain('"urn:simauth:acr:sim"');
    expect(body).toContain('["sim"]');
    await site.screenshot({ path: join(SHOTS, 'oidc-example-signed-in.png') });
  });

  it('returns to the app with access_denied when the phone denies', async () => {
    const sim = uniquePhoneNumber();
    const phone = await phoneWith(sim);
    const { site } = await signInOnExample(sim);
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click('#deny');
    await site.waitForURL((url) => url.toString().startsWith(`${exampleUrl}/callback`));
    expect(await site.textContent('body')).toContain('access_denied');
  });

  it('offers a retry on the login page when the PhoneCheck fails, and signs in on the second try', async () => {
    const phone = await registerPhone(t);
    const { site, match } = await signInOnExample(phone.phoneNumber);
    const loginId = (await site.textContent('[data-testid="login-id"]'))!.trim();
    // The phone approves, but another SIM answers the PhoneCheck: MATCH_FAILED.
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${loginId}/approve`,
      { match_number: Number(match) },
      bearer(phone.deviceToken),
    );
    const proof = await openOnDevice(approved.body.check_url, uniquePhoneNumber());
    const failed = await call(
      'POST',
      `${t.url}/v1/logins/${loginId}/code`,
      proof.body,
      bearer(phone.deviceToken),
    );
    expect(failed.body.status).toBe('MATCH_FAILED');
    await site.waitForSelector('#final:not(.hidden) #retry');
    expect(site.url()).toContain(`${t.url}/login?interaction=`);

    await site.click('#retry');
    await site.fill('input[type="tel"][name="phone_number"]', phone.phoneNumber);
    await site.click('#submit');
    await site.waitForFunction((previous) => {
      const id = document.querySelector('[data-testid="login-id"]')?.textContent?.trim();
      return !!id && id !== previous;
    }, loginId);
    const second = (await site.textContent('[data-testid="login-id"]'))!.trim();
    const number = Number(await site.textContent('[data-testid="match-number"]'));
    expect(await approveOnPhone(t, phone, second, number)).toEqual({ status: 'MATCH_SUCCESS' });
    await site.waitForURL(`${exampleUrl}/`);
    await site.waitForSelector('text=Signed in');
    expect(await site.textContent('body')).toContain(phone.phoneNumber);
  });
});
