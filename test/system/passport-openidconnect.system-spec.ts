import { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { denyOnLoginPage, launchChromium, signInOnLoginPage } from '@test-support/chromium';
import { startGuideRelyingParty, stopExampleApp } from '@test-support/example-app';
import { TestApp } from '@test-support/test-app';
import { registerPhone } from '@test-support/flows';
import { readmeBlockIsIn } from '@test-support/readme';

const APP = join(__dirname, '../../examples/passport/server.mjs');

const SHOTS = join(__dirname, '../../test-results/screenshots');

describe('an Express app on passport-openidconnect as published signs people in through simauth, in Chromium', () => {
  let t: TestApp;
  let app: ChildProcess;
  let appUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // client_secret_post and "require_pkce": false, with the strategy's nonce: true.
    ({ t, app, appUrl } = await startGuideRelyingParty(
      'passport-app',
      process.execPath,
      [APP],
      { PATH: process.env.PATH },
      'passport app on',
    ));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stopExampleApp(app);
    await t?.close();
  });

  it('signs in with the phone number from userinfo once the phone approves and proves its SIM', async () => {
    const phone = await registerPhone(t);
    const site = await (await browser.newContext()).newPage();
    const requested: URL[] = [];
    site.on('request', (req) => requested.push(new URL(req.url())));
    await site.goto(appUrl);
    await site.click('text=Sign in with your phone');
    await signInOnLoginPage(site, t, phone);
    // The strategy sends a nonce and no PKCE: simauth takes its request because this confidential
    // client is registered with "require_pkce": false.
    const authorize = requested.find((url) => url.href.startsWith(`${t.url}/oidc/auth?`))!;
    expect(authorize.searchParams.get('code_challenge')).toBeNull();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    await site.waitForURL(`${appUrl}/`);
    expect((await site.textContent('#phone_number'))!.trim()).toBe(phone.phoneNumber);
    expect((await site.textContent('#amr'))!.trim()).toBe('sim');
    const [user] = await t.db.query('SELECT id FROM users WHERE phone_number = $1', [
      phone.phoneNumber,
    ]);
    expect((await site.textContent('#sub'))!.trim()).toBe(user.id);
    await site.screenshot({ path: join(SHOTS, 'passport-signed-in.png') });
  });

  it('shows the app the failure when the phone denies', async () => {
    const phone = await registerPhone(t);
    const site = await (await browser.newContext()).newPage();
    await site.goto(appUrl);
    await site.click('text=Sign in with your phone');
    await denyOnLoginPage(site, t, phone);
    await site.waitForURL(`${appUrl}/failed`);
    expect(await site.textContent('#error')).toContain('denied on the phone');
    expect(await site.textContent('body')).not.toContain(phone.phoneNumber);
  });

  it('runs the configuration the web-apps guide shows', () => {
    expect(readmeBlockIsIn('js', APP)).toBe(true);
  });
});
