import { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { denyOnLoginPage, launchChromium, signInOnLoginPage } from '@test-support/chromium';
import { startGuideRelyingParty, stopExampleApp } from '@test-support/example-app';
import { TestApp } from '@test-support/test-app';
import { registerPhone } from '@test-support/flows';
import { readmeBlockIsIn } from '@test-support/readme';

const ROOT = join(__dirname, '../..');
const APP = join(ROOT, 'examples/authlib/app.py');

const SHOTS = join(__dirname, '../../test-results/screenshots');

describe('a Python relying party on Authlib signs people in through simauth, in Chromium', () => {
  let t: TestApp;
  let app: ChildProcess;
  let appUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Debian's python3 with its python3-authlib, whatever python3 comes first on the PATH.
    ({ t, app, appUrl } = await startGuideRelyingParty(
      'authlib-app',
      '/usr/bin/python3',
      [APP],
      { PATH: '/usr/bin:/bin' },
      'authlib app on',
    ));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stopExampleApp(app);
    await t?.close();
  });

  it('checks the id_token against the JWKS, reads userinfo, rotates the refresh token and revokes it', async () => {
    const phone = await registerPhone(t);
    const site = await (await browser.newContext()).newPage();
    await site.goto(appUrl);
    await site.click('text=Sign in with your phone');
    await signInOnLoginPage(site, t, phone);
    await site.waitForURL(`${appUrl}/`);
    expect((await site.textContent('#phone_number'))!.trim()).toBe(phone.phoneNumber);
    const result = JSON.parse((await site.textContent('#result'))!);
    const [user] = await t.db.query('SELECT id FROM users WHERE phone_number = $1', [
      phone.phoneNumber,
    ]);
    // Authlib verified the signature with simauth's JWKS, then iss, aud, exp and the nonce.
    expect(result.id_token_claims).toMatchObject({
      iss: t.url,
      aud: 'authlib-app',
      sub: user.id,
      phone_number: phone.phoneNumber,
      phone_number_verified: true,
      amr: ['sim'],
      acr: 'urn:simauth:acr:sim',
    });
    expect(result.userinfo).toEqual({
      sub: user.id,
      phone_number: phone.phoneNumber,
      phone_number_verified: true,
    });
    expect(result.refresh_token_rotated).toBe(true);
    expect(result.refreshed_id_token_sub).toBe(user.id);
    expect(result.revocation_status).toBe(200);
    // The revoked refresh token is refused, and so is the one the rotation replaced.
    expect(result.revoked_refresh_token_refused).toBe('invalid_grant');
    expect(result.first_refresh_token_refused).toBe('invalid_grant');
    // Revoking the refresh token ended the grant: its access token no longer reads userinfo.
    expect(result.access_token_after_revocation).toBe(401);
    await site.screenshot({ path: join(SHOTS, 'authlib-signed-in.png') });
  });

  it('shows the app the error when the phone denies', async () => {
    const phone = await registerPhone(t);
    const site = await (await browser.newContext()).newPage();
    await site.goto(appUrl);
    await site.click('text=Sign in with your phone');
    await denyOnLoginPage(site, t, phone);
    await site.waitForSelector('text=Sign-in failed');
    expect((await site.textContent('#error'))!.trim()).toBe('access_denied');
  });

  it('runs the configuration the web-apps guide shows', () => {
    expect(readmeBlockIsIn('python', APP)).toBe(true);
  });
});
