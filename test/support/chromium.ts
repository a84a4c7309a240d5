import { Browser, Page, chromium } from 'playwright-core';

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
