/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { docsScreenshot, launchChromium, registerVirtualPhone } from '@test-support/chromium';
import { AttemptSweeper } from '@simauth/attempts';
import { TestApp, startTestApp } from '@test-support/test-app';
import { phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { bearer, call } from '@test-support/http';
import { totpCode } from '@test-support/totp';

const SHOTS = join(__dirname, '../../test-results/screenshots');
const BUNDLE = '/assets/simauth-client.js';
const CLIENT_VERSION = JSON.parse(
  readFileSync(join(__dirname, '../../libs/client/package.json'), 'utf8'),
).version;

describe('the /login and /phone pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The SMS fallback on: only numbers PhoneCheck cannot check (sandbox: ending 4000) use it.
    t = await startTestApp({ env: { REGISTRATION_FALLBACK: 'sms' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const phoneWith = (sim: string) => registerVirtualPhone(browser, t.url, sim);

  /** The website, with a login started for `sim`; returns the page and the number it shows. */
  async function loginAs(
    sim: string,
    viewport = { width: 1000, height: 800 },
  ): Promise<{ page: Page; match: string }> {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${t.url}/login`);
    await page.fill('#phone', sim);
    await page.click('#submit');
    await page.waitForSelector('#waiting:not(.hidden)');
    return { page, match: (await page.textContent('#match'))!.trim() };
  }

  it('signs in: register on /phone, start on /login, approve with the right number, signed in without a reload', async () => {
    const sim = uniquePhoneNumber();
    const phone = await phoneWith(sim);
    const { page: site, match } = await loginAs(sim);
    await site.waitForFunction(() =>
      /Waiting/.test(document.getElementById('status-line')!.textContent!),
    );
    expect(await site.textContent('#countdown')).toMatch(/^expires in \d+ seconds?$/);

    await phone.waitForSelector('#request:not(.hidden)');
    await phone.screenshot({ path: join(SHOTS, 'phone-request.png') });
    await docsScreenshot(phone, 'phone-request.png'); // the README's
    await phone.click(`#numbers button:text-is("${match}")`);

    await site.waitForSelector('#final:not(.hidden)');
    expect(await site.textContent('#outcome')).toBe('Signed in');
    expect(await site.textContent('#claims')).toContain(sim);
    expect(await site.textContent('#claims')).toContain('["sim"]');
    await phone.waitForSelector('#result:not(.hidden)');
    expect(await phone.textContent('#result-text')).toMatch(/signed in/);
    await site.screenshot({ path: join(SHOTS, 'login-signed-in.png') });
    await docsScreenshot(site, 'login-signed-in.png'); // the README's
    expect(await phone.textContent('#log')).toMatch(/POST \/v1\/logins\/[\w-]+\/code → 200/);
  });

  it('shows a denial on the website when the phone denies', async () => {
    const sim = uniquePhoneNumber();
    const phone = await phoneWith(sim);
    const { page: site } = await loginAs(sim);
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click('#deny');
    await site.waitForSelector('#final:not(.hidden)');
    expect(await site.textContent('#outcome')).toBe('Sign-in denied');
    await site.screenshot({ path: join(SHOTS, 'login-denied.png') });
  });

  it('denies the login when the phone picks the wrong number', async () => {
    const sim = uniquePhoneNumber();
    const phone = await phoneWith(sim);
    const { page: site, match } = await loginAs(sim);
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click(`#numbers button:not(:text-is("${match}"))`);
    await phone.waitForSelector('#result:not(.hidden)');
    expect(await phone.textContent('#result-text')).toMatch(/Wrong number/);
    await site.waitForSelector('#final:not(.hidden)');
    expect(await site.textContent('#outcome')).toBe('Sign-in denied');
    await site.screenshot({ path: join(SHOTS, 'login-wrong-number.png') });
  });

  it('tells the website when the login expires', async () => {
    const sim = uniquePhoneNumber();
    await phoneWith(sim);
    const { page: site } = await loginAs(sim);
    await t.db.query(
      `UPDATE attempts SET expires_at = now() - interval '1 second' WHERE phone_number = $1 AND kind = 'companion_login' AND NOT is_final`,
      [sim],
    );
    await t.app.get(AttemptSweeper).sweep();
    await site.waitForSelector('#final:not(.hidden)');
    expect(await site.textContent('#outcome')).toBe('Request expired');
    await site.screenshot({ path: join(SHOTS, 'login-expired.png') });
    await site.click('#retry');
    await site.waitForSelector('#start:not(.hidden)');
  });

  it('registers a SIM PhoneCheck cannot check by the code in its SMS inbox (the SMS fallback)', async () => {
    const sim = phoneNumberEnding('4000');
    const phone = await phoneWith(sim);
    expect(await phone.textContent('[data-testid="sms-inbox"]')).toMatch(
      /verification code is: \d{6}/,
    );
    const [row] = await t.db.query(
      `SELECT d.proven_by FROM devices d JOIN users u ON u.id = d.user_id WHERE u.phone_number = $1`,
      [sim],
    );
    expect(row.proven_by).toBe('sms');
  });

  it('refuses a second phone (another SIM) approving a login that is not its own', async () => {
    const victim = uniquePhoneNumber();
    await phoneWith(victim);
    const { page: site } = await loginAs(victim);
    // As README step 4 says: the website shows the login id in full; the attacker copies it.
    const loginId = (await site.textContent('[data-testid="login-id"]'))!.trim();
    expect(loginId).toBe(
      (
        await t.db.query(
          `SELECT id FROM attempts WHERE phone_number = $1 AND kind = 'companion_login' ORDER BY created_at DESC LIMIT 1`,
          [victim],
        )
      )[0].id,
    );
    const attacker = await phoneWith(uniquePhoneNumber());
    await attacker.fill('#attack-login', loginId);
    await attacker.click('#attack');
    await attacker.waitForFunction(
      () => document.getElementById('attack-result')!.textContent!.length > 0,
    );
    expect(await attacker.textContent('#attack-result')).toMatch(/Refused: 403/);
    expect(await site.textContent('#status-line')).toMatch(/Waiting/);
  });

  it("formats the number as it is typed, and takes the national format of the browser's region (en-GB), starting the login in E.164", async () => {
    const sim = uniquePhoneNumber();
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const started: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/logins')) started.push(r.postDataJSON().phone_number);
    });
    await page.goto(`${t.url}/login`);
    expect(await page.textContent('#number-hint')).toMatch(/^A number from United Kingdom/);
    await page.locator('#phone').pressSequentially(`0${sim.slice(3)}`);
    expect(await page.inputValue('#phone')).toBe(`0${sim.slice(3, 7)} ${sim.slice(7)}`);
    await page.click('#submit');
    await page.waitForSelector('#waiting:not(.hidden)');
    expect(started).toEqual([sim]);
  });

  it('says why a number is refused before any login starts: too short for its country, or national with no region known', async () => {
    const british = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const bare = await (await browser.newContext({ locale: 'en' })).newPage();
    let started = false;
    for (const page of [british, bare])
      page.on('request', (r) => (started ||= r.url().endsWith('/v1/logins')));
    for (const [page, number, sentence] of [
      [british, '0770', /^This number is too short for its country \(United Kingdom\)\./],
      [bare, '07700 900001', /^Enter the number in international format with a leading \+/],
    ] as const) {
      await page.goto(`${t.url}/login`);
      await page.fill('#phone', number);
      const answered = page.waitForResponse((r) => r.url().endsWith('/login/number'));
      await page.click('#submit');
      expect((await answered).status()).toBe(400);
      await page.waitForSelector('#form-error:not(.hidden)');
      expect(await page.textContent('#form-error')).toMatch(sentence);
    }
    expect(started).toBe(false);
  });

  it('says in a sentence why the server refused a number no phone can have, not which field', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${t.url}/login`);
    for (const [number, sentence] of [
      ['+440000000001', /^No phone can have this number/],
      ['+999123456789', /^No country has the calling code/],
    ] as const) {
      await page.fill('#phone', number);
      const answered = page.waitForResponse((r) => r.url().endsWith('/login/number'));
      await page.click('#submit');
      expect((await answered).status()).toBe(400);
      await page.waitForSelector('#form-error:not(.hidden)');
      const shown = (await page.textContent('#form-error'))!;
      expect(shown).toMatch(sentence);
      expect(shown).not.toMatch(/phone_number|Invalid/);
      expect(await page.isHidden('#waiting')).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, 'login-impossible-number.png') });
  });

  it('fits a narrow (mobile) screen', async () => {
    const { page } = await loginAs(uniquePhoneNumber(), { width: 360, height: 640 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'login-mobile.png') });
  });

  it('runs both pages on the SDK bundle: each loads it from simauth, and the login completes through it', async () => {
    const loaded: string[] = [];
    const watch = (page: Page) =>
      page.on('response', (r) => {
        if (new URL(r.url()).pathname === BUNDLE) loaded.push(`${r.status()} ${r.url()}`);
      });
    const sim = uniquePhoneNumber();
    const context = await browser.newContext();
    const phone = await context.newPage();
    watch(phone);
    await phone.goto(`${t.url}/phone`);
    await phone.fill('#sim', sim);
    await phone.dispatchEvent('#sim', 'change');
    await phone.click('#register');
    await phone.waitForSelector('#registered:not(.hidden)');
    const site = await (await browser.newContext()).newPage();
    watch(site);
    await site.goto(`${t.url}/login`);
    await site.fill('#phone', sim);
    await site.click('#submit');
    const match = (await site.textContent('[data-testid="match-number"]:not(:text-is("--"))'))!;
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click(`#numbers button:text-is("${match.trim()}")`);
    await site.waitForSelector('#final:not(.hidden)');
    expect(await site.textContent('#outcome')).toBe('Signed in');
    expect(loaded).toEqual([`200 ${t.url}${BUNDLE}`, `200 ${t.url}${BUNDLE}`]);
    for (const page of [phone, site])
      expect(await page.evaluate(() => document.documentElement.dataset.simauthClient)).toBe(
        CLIENT_VERSION,
      );

    // Without the bundle the login page cannot start a login: it has no code of its own for it.
    // Nor does the browser send the form itself (a GET with the number in the address): its
    // button stays disabled, which also stops Enter in the field.
    const blocked = await (await browser.newContext()).newPage();
    await blocked.route(`**${BUNDLE}`, (route) => route.abort());
    let posted = false;
    blocked.on('request', (r) => (posted ||= r.method() === 'POST'));
    await blocked.goto(`${t.url}/login`); // its scripts have run, or failed, by the load event
    expect(await blocked.isDisabled('#submit')).toBe(true);
    // A submit would be dispatched while the key is handled: it is recorded, and kept on the page.
    await blocked.evaluate(() =>
      document.getElementById('form')!.addEventListener('submit', (event) => {
        event.preventDefault();
        document.documentElement.dataset.submitted = 'yes';
      }),
    );
    await blocked.fill('#phone', sim);
    await blocked.press('#phone', 'Enter');
    expect(
      await blocked.evaluate(() => document.documentElement.dataset.submitted),
    ).toBeUndefined();
    expect(await blocked.isHidden('#waiting')).toBe(true);
    expect(posted).toBe(false);
  });

  it('says the login page needs JavaScript to a browser that runs none, whose Continue stays disabled', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${t.url}/login`);
    expect(await page.textContent('#needs-script')).toBe(
      'This page needs JavaScript to sign you in. Turn it on, then reload the page.',
    );
    expect(await page.isVisible('#needs-script')).toBe(true);
    expect(await page.isDisabled('#submit')).toBe(true);
    await page.close();
  });

  it('says the connection was lost while the SDK reconnects to the live status, and signs in once it is back', async () => {
    const sim = uniquePhoneNumber();
    const phone = await phoneWith(sim);
    const site = await (await browser.newContext()).newPage();
    // The first connection to the login's live stream fails as a dropped network would.
    let dropped = false;
    await site.route('**/v1/logins/*/events?*', (route) => {
      if (dropped) return route.continue();
      dropped = true;
      return route.abort('connectionreset');
    });
    await site.goto(`${t.url}/login`);
    await site.fill('#phone', sim);
    await site.click('#submit');
    await site.waitForFunction(() =>
      /Connection lost — reconnecting…/.test(document.getElementById('status-line')!.textContent!),
    );
    await site.waitForFunction(() =>
      /Waiting for your phone/.test(document.getElementById('status-line')!.textContent!),
    );
    const match = (await site.textContent('#match'))!.trim();
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click(`#numbers button:text-is("${match}")`);
    await site.waitForSelector('#final:not(.hidden)');
    expect(await site.textContent('#outcome')).toBe('Signed in');
  });

  it('forgets the phone: the server revokes its credential, and the page no longer holds it', async () => {
    const sim = uniquePhoneNumber();
    const phone = await phoneWith(sim);
    const devicesOf = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM devices d JOIN users u ON u.id = d.user_id WHERE u.phone_number = $1`,
          [sim],
        )
      )[0].n;
    expect(await devicesOf()).toBe(1);
    await phone.click('#forget');
    await phone.waitForFunction(() =>
      /Forgotten/.test(document.getElementById('registered')!.textContent!),
    );
    expect(await phone.textContent('#log')).toMatch(/DELETE \/v1\/devices\/me → 204/);
    expect(await devicesOf()).toBe(0);
    const kept = await phone.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('simauth-virtual-phone:')),
    );
    expect(kept).toEqual([]);
    expect(await phone.isHidden('#forget')).toBe(true);
  });

  it('steps up with the authenticator code the phone asks for when the SIM changed recently (SIM_SWAP_POLICY=step_up)', async () => {
    const stepUp = await startTestApp({
      sharedSandbox: t.sandbox,
      env: { SIM_SWAP_POLICY: 'step_up' },
    });
    try {
      // The sandbox's numbers ending 7000 had their SIM changed two hours ago; a first
      // registration is no takeover, so it goes through.
      const sim = phoneNumberEnding('7000');
      const phone = await registerVirtualPhone(browser, stepUp.url, sim);
      const deviceToken = await phone.evaluate(
        (key) => localStorage.getItem(key),
        `simauth-virtual-phone:${sim}:simauth.device_token`,
      );
      const factor = await call(
        'POST',
        `${stepUp.url}/v1/factors`,
        { type: 'totp' },
        bearer(deviceToken!),
      );
      const activated = await call(
        'POST',
        `${stepUp.url}/v1/factors/${factor.body.factor_id}/activate`,
        { code: await totpCode(factor.body.otpauth_url) },
        bearer(deviceToken!),
      );
      expect(activated.body.status).toBe('ACTIVE');

      const site = await (await browser.newContext()).newPage();
      await site.goto(`${stepUp.url}/login`);
      await site.fill('#phone', sim);
      await site.click('#submit');
      const match = (await site.textContent('[data-testid="match-number"]:not(:text-is("--"))'))!;
      await phone.waitForSelector('#request:not(.hidden)');
      await phone.click(`#numbers button:text-is("${match.trim()}")`);
      await phone.waitForSelector('#step-up:not(.hidden)');
      expect(await phone.textContent('#log')).toMatch(/POST \/v1\/logins\/[\w-]+\/approve → 403/);
      await phone.fill('#factor-code', await totpCode(factor.body.otpauth_url, 1));
      await phone.click('#factor-submit');
      await phone.waitForSelector('#result:not(.hidden)');
      expect(await phone.textContent('#result-text')).toMatch(/signed in/);
      await site.waitForSelector('#final:not(.hidden)');
      expect(await site.textContent('#outcome')).toBe('Signed in');
    } finally {
      await stepUp.close();
    }
  });
});
