import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { RegisteredPhone, approveOnPhone } from './flows';
import { bearer, call } from './http';
import type { TestApp } from './test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, as root in CI can run it and kept off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** simauth's virtual phone (`/phone`) in its own browser context, registered with `sim`. */
export async function registerVirtualPhone(
  browser: Browser,
  apiUrl: string,
  sim: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${apiUrl}/phone`);
  await page.fill('#sim', sim);
  await page.dispatchEvent('#sim', 'change');
  await page.click('#register');
  await page.waitForSelector('#registered:not(.hidden)');
  return page;
}

/**
 * Waits until the relying party has sent `site` to simauth's login page, or back to itself with an
 * OAuth error (a refused authorization request), and fails at once in the second case.
 */
export async function reachLoginPage(site: Page, t: Pick<TestApp, 'url'>): Promise<void> {
  const loginPage = `${t.url}/login?interaction=`;
  await site.waitForURL(
    (url) => url.toString().startsWith(loginPage) || url.searchParams.has('error'),
  );
  expect(site.url()).toContain(loginPage);
}

/** Types the phone's number on simauth's login page and reads the login and the number it shows. */
async function startLoginOnPage(
  site: Page,
  t: Pick<TestApp, 'url'>,
  phone: RegisteredPhone,
): Promise<{ loginId: string; match: number }> {
  await reachLoginPage(site, t);
  await site.fill('input[type="tel"][name="phone_number"]', phone.phoneNumber);
  await site.click('#submit');
  const match = await site.textContent('[data-testid="match-number"]:not(:text-is("--"))');
  const loginId = (await site.textContent('[data-testid="login-id"]'))!.trim();
  return { loginId, match: Number(match) };
}

/**
 * The person's part once a relying party has sent `site` to simauth's login page: types the
 * phone's number, and the registered phone (device helpers) approves with the number the page
 * shows and proves its SIM. The page then finishes the sign-in and the browser goes back by itself.
 */
export async function signInOnLoginPage(
  site: Page,
  t: Pick<TestApp, 'url'>,
  phone: RegisteredPhone,
): Promise<void> {
  const { loginId, match } = await startLoginOnPage(site, t, phone);
  expect(await approveOnPhone(t, phone, loginId, match)).toEqual({
    status: 'MATCH_SUCCESS',
  });
}

/** Like signInOnLoginPage, but the registered phone denies the login the page started. */
export async function denyOnLoginPage(
  site: Page,
  t: Pick<TestApp, 'url'>,
  phone: RegisteredPhone,
): Promise<void> {
  const { loginId } = await startLoginOnPage(site, t, phone);
  const denied = await call(
    'POST',
    `${t.url}/v1/logins/${loginId}/deny`,
    {},
    bearer(phone.deviceToken),
  );
  expect(denied.body).toEqual({ status: 'DENIED' });
}

/**
 * Takes the docs' screenshot `name` (docs/screenshots/) only when asked (UPDATE_SCREENSHOTS=1),
 * so a test run never dirties the tree.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(__dirname, '../../docs/screenshots', name) });
}
