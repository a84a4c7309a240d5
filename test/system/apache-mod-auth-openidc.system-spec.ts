import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { findFreePort } from '@simauth/database';
import { denyOnLoginPage, launchChromium, signInOnLoginPage } from '@test-support/chromium';
import { APACHE_EXAMPLE, RunningApache, startApache } from '@test-support/apache';
import { TestApp, startTestApp } from '@test-support/test-app';
import { registerPhone } from '@test-support/flows';
import { readmeBlockIsIn, readmeClient } from '@test-support/readme';

const SHOTS = join(__dirname, '../../test-results/screenshots');

describe('Apache httpd with mod_auth_openidc signs people in through simauth, in Chromium', () => {
  let t: TestApp;
  let apache: RunningApache;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await findFreePort();
    const clientSecret = randomBytes(24).toString('base64url');
    // The client as the web-apps guide registers it, with this run's addresses.
    t = await startTestApp({
      env: {
        OIDC_CLIENTS: JSON.stringify([
          readmeClient('apache', `http://localhost:${port}`, clientSecret),
        ]),
      },
    });
    apache = await startApache({
      port,
      simauthUrl: t.url,
      clientId: 'apache',
      clientSecret,
      cryptoPassphrase: randomBytes(24).toString('base64url'),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await apache?.close();
    await t?.close();
  });

  it('shows the protected page with the phone number once the phone approves and proves its SIM', async () => {
    const phone = await registerPhone(t);
    const site = await (await browser.newContext()).newPage();
    await site.goto(`${apache.url}/protected/`);
    await signInOnLoginPage(site, t, phone);
    await site.waitForURL(`${apache.url}/protected/`);
    // mod_auth_openidc checked the id_token (signature against the JWKS, iss, aud, nonce) and put
    // its claims in the environment the page reads.
    expect((await site.textContent('#phone_number'))!.trim()).toBe(phone.phoneNumber);
    expect((await site.textContent('#phone_number_verified'))!.trim()).toBe('1');
    expect((await site.textContent('#amr'))!.trim()).toBe('sim');
    expect((await site.textContent('#acr'))!.trim()).toBe('urn:simauth:acr:sim');
    const sub = (await site.textContent('#sub'))!.trim();
    const user = await t.db.query('SELECT id FROM users WHERE phone_number = $1', [
      phone.phoneNumber,
    ]);
    expect(sub).toBe(user[0].id);
    await site.screenshot({ path: join(SHOTS, 'apache-signed-in.png') });
  });

  it('never shows the protected page when the phone denies', async () => {
    const phone = await registerPhone(t);
    const site = await (await browser.newContext()).newPage();
    await site.goto(`${apache.url}/protected/`);
    await denyOnLoginPage(site, t, phone);
    // Back at mod_auth_openidc's redirect URI with the error. Debian 12's 2.4.12 reads the `iss`
    // that RFC 9207 adds to it as a discovery answer and shows its own error page (the guide says
    // so); what matters is that no session was made: the protected page asks for a sign-in again.
    await site.waitForURL((url) =>
      url.toString().startsWith(`${apache.url}/protected/redirect_uri`),
    );
    const back = new URL(site.url());
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(await site.textContent('body')).not.toContain(phone.phoneNumber);
    await site.goto(`${apache.url}/protected/`);
    await site.waitForURL((url) => url.toString().startsWith(`${t.url}/login?interaction=`));
  });

  it('runs the configuration the web-apps guide shows', () => {
    expect(readmeBlockIsIn('apache', join(APACHE_EXAMPLE, 'simauth-openidc.conf'))).toBe(true);
  });
});
