/// <reference lib="dom" />
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Browser, Page, Route } from 'playwright-core';
import {
  docsScreenshot as screenshot,
  launchChromium,
  registerVirtualPhone,
  signInOnLoginPage,
} from '@test-support/chromium';
import { AttemptSweeper } from '@simauth/attempts';
import { TestApp, startTestApp } from '@test-support/test-app';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { RegisteredPhone, registerPhone } from '@test-support/flows';
import { bearer, call } from '@test-support/http';
import { CALLBACK } from '@test-support/oidc';
import { LogoServer, bankLogo, startLogoServer } from '@test-support/logo-server';

/** axe-core's browser build, run in each page state (page.evaluate is not subject to the CSP). */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The accessibility violations axe-core finds on the page as it is now (WCAG 2.x A and AA). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  return found as string[];
}

/** The id of the element that has the focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('the sign-in page as a bank would show it, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        DEFAULT_REGION: 'GB',
        // The default budget per number (the tests' own is larger): the page's 429 is reached.
        RATE_LIMIT_PHONE: '5/600',
        BRAND_NAME: 'Beispielbank',
        BRAND_COLOR: '#1a5f3c',
        BRAND_SUPPORT_URL: 'https://bank.example/hilfe',
        BRAND_PRIVACY_URL: 'https://bank.example/datenschutz',
        OIDC_CLIENTS: JSON.stringify([
          {
            client_id: 'beispiel-shop',
            client_name: 'Beispiel Shop',
            token_endpoint_auth_method: 'none',
            redirect_uris: [CALLBACK],
          },
        ]),
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in through the OpenID flow with ui_locales=de, the number typed in national format with DEFAULT_REGION=GB, with no accessibility violation at any step', async () => {
    const sim = uniquePhoneNumber();
    const phone = await registerVirtualPhone(browser, t.url, sim);
    expect(await violations(phone)).toEqual([]);

    // An English browser: the OpenID request's ui_locales=de chooses the language.
    const site = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const verifier = randomBytes(32).toString('base64url');
    const auth = new URL(`${t.url}/oidc/auth`);
    auth.search = new URLSearchParams({
      client_id: 'beispiel-shop',
      response_type: 'code',
      scope: 'openid phone',
      redirect_uri: CALLBACK,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'state-1',
      ui_locales: 'de-CH de',
    }).toString();
    await site.goto(auth.toString());
    await site.waitForURL((url) => url.pathname === '/login');
    expect(new URL(site.url()).searchParams.get('ui_locales')).toBe('de-CH de');
    expect(await site.getAttribute('html', 'lang')).toBe('de');
    expect(await site.textContent('h1')).toBe('Bei Beispiel Shop anmelden');
    expect(await site.textContent('#client-note')).toMatch(
      /^Sie melden sich mit Ihrem Telefon bei Beispiel Shop an\./,
    );
    expect(await site.textContent('#number-hint')).toMatch(
      /^Eine Nummer aus Vereinigtes Königreich/,
    );
    expect(await violations(site)).toEqual([]);
    await screenshot(site, 'login-de-client-name.png');

    // A wrong number first: a sentence in German, from the problem's reason.
    await site.locator('#phone').pressSequentially('0770');
    await site.click('#submit');
    await site.waitForSelector('#form-error:not(.hidden)');
    expect(await site.textContent('#form-error')).toBe(
      'Diese Nummer ist zu kurz für ihr Land (Vereinigtes Königreich). Prüfen Sie, ob eine Ziffer fehlt.',
    );
    // The field keeps the focus, marked invalid and described by the sentence.
    expect(await focused(site)).toBe('phone');
    expect(await site.getAttribute('#phone', 'aria-invalid')).toBe('true');
    expect(await violations(site)).toEqual([]);

    // The number as a British person writes it, formatted as it is typed, with the keyboard only.
    await site.fill('#phone', '');
    await site.locator('#phone').pressSequentially(`0${sim.slice(3)}`);
    expect(await site.inputValue('#phone')).toBe(`0${sim.slice(3, 7)} ${sim.slice(7)}`);
    await site.keyboard.press('Enter');
    await site.waitForSelector('#waiting:not(.hidden)');
    await screenshot(site, 'login-de-waiting.png');
    expect(await site.textContent('#status-line')).toBe('Warten auf Ihr Telefon…');
    expect(await focused(site)).toBe('approve-prompt');
    expect(await site.textContent('#countdown')).toMatch(/^läuft in \d+ Sekunden? ab$/);
    expect(await violations(site)).toEqual([]);

    const match = (await site.textContent('#match'))!.trim();
    // The number to pick is said to screen readers through a live region (role status).
    expect(await site.getByRole('status').textContent()).toBe(
      `Wählen Sie ${match} auf Ihrem Telefon, um die Anmeldung zu bestätigen.`,
    );
    await phone.waitForSelector('#request:not(.hidden)');
    expect(await violations(phone)).toEqual([]);
    // The page hands the outcome to the OpenID Provider: that request is held a moment, so the
    // state the page shows meanwhile is checked too, and the phone's outcome; then let through.
    let hold!: (route: Route) => void;
    const finishing = new Promise<Route>((resolve) => (hold = resolve));
    await site.route('**/oidc/interaction/*/finish', (route) => hold(route));
    await phone.click(`#numbers button:text-is("${match}")`);
    const finish = await finishing;
    expect(await site.textContent('#outcome')).toBe('Angemeldet — zurück zur App…');
    expect(await focused(site)).toBe('outcome');
    expect(await violations(site)).toEqual([]);
    await phone.waitForSelector('#result:not(.hidden)');
    expect(await phone.textContent('#result-text')).toBe(
      'Approved — you are signed in on the website.',
    );
    expect(await violations(phone)).toEqual([]);
    // The browser is sent back to the client's redirect URI (never served: only its request counts).
    const callback = site.waitForRequest((r) => r.url().startsWith(CALLBACK));
    await finish.continue();
    const back = new URL((await callback).url());
    expect(back.searchParams.get('state')).toBe('state-1');
    expect(back.searchParams.get('code')).toBeTruthy();

    // The client signs the person out (RP-initiated logout): asked in German (its ui_locales), and
    // told in German too (the language it was asked in; the library's end page carries no
    // ui_locales, and the browser says English).
    const out = await site.context().newPage(); // the same browser, its session cookie
    await out.goto(`${t.url}/oidc/session/end?client_id=beispiel-shop&ui_locales=de`);
    expect(await out.getAttribute('html', 'lang')).toBe('de');
    // Under the bank's brand, as the login page: its name, its links.
    expect(await out.textContent('h1')).toBe('Von Beispielbank abmelden?');
    expect(await out.textContent('header .brand')).toBe('Beispielbank');
    expect(await out.getAttribute('footer a:text-is("Hilfe")', 'href')).toBe(
      'https://bank.example/hilfe',
    );
    expect(await violations(out)).toEqual([]);
    await screenshot(out, 'logout-de.png');
    await out.keyboard.press('Enter'); // the autofocused "Ja, abmelden"
    await out.waitForSelector('h1:text-is("Abgemeldet")');
    expect(await out.getAttribute('html', 'lang')).toBe('de');
    expect(await violations(out)).toEqual([]);
  });

  it('moves nothing for a person who asked for reduced motion', async () => {
    const durations = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await (await browser.newContext({ reducedMotion })).newPage();
      await page.goto(`${t.url}/login`);
      // A transition and an animation on the page, as any later style might add.
      await page.addStyleTag({
        content: '#submit { transition: opacity 2s; animation: 3s infinite alternate none; }',
      });
      return page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('#submit')!);
        return {
          transition: style.transitionDuration,
          animation: style.animationDuration,
          iterations: style.animationIterationCount,
        };
      });
    };
    expect(await durations('no-preference')).toEqual({
      transition: '2s',
      animation: '3s',
      iterations: 'infinite',
    });
    expect(await durations('reduce')).toEqual({
      transition: '1e-05s',
      animation: '1e-05s',
      iterations: '1',
    });
  });

  it('shows the OpenID error page and the virtual phone, what its script writes included, in the browser language, with no accessibility violation', async () => {
    const site = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    const res = await site.goto(
      `${t.url}/oidc/auth?client_id=nobody&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(CALLBACK)}`,
    );
    expect(res?.status()).toBe(400);
    expect(await site.getAttribute('html', 'lang')).toBe('fr');
    expect(await site.textContent('h1')).toBe('Cette connexion ne peut pas continuer');
    expect(await site.textContent('header .brand')).toBe('Beispielbank');
    expect(await site.title()).toBe('Cette connexion ne peut pas continuer — Beispielbank');
    expect(await violations(site)).toEqual([]);

    // The virtual phone in the same (French) browser.
    await site.goto(`${t.url}/phone`);
    expect(await site.getAttribute('html', 'lang')).toBe('fr');
    expect(await site.textContent('#register')).toBe('Enregistrer ce téléphone');
    expect(await violations(site)).toEqual([]);
    // What its script writes is French too: the test number's effect, and the registration.
    await site.waitForSelector(
      '#sim-effect:text-is("un téléphone ordinaire : ses propres vérifications correspondent")',
    );
    const sim = uniquePhoneNumber();
    await site.fill('#sim', sim);
    await site.dispatchEvent('#sim', 'input');
    expect(await site.textContent('#sim-effect')).toBe(
      'Tout numéro : ses propres vérifications correspondent.',
    );
    await site.click('#register');
    await site.waitForSelector('#registered:not(.hidden)');
    expect(await site.textContent('#registered')).toBe(
      `Enregistré sous ${sim}. En attente de demandes de connexion…`,
    );
    expect(await violations(site)).toEqual([]);
  });

  /** Presses Tab until `selector` has the focus (as a keyboard user reaches it); fails if never. */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let press = 0; press < 40; press++) {
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
        return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reaches ${selector}`);
  }

  it('goes through the whole flow with the keyboard only: register the phone, start on the page, approve on the phone', async () => {
    const sim = uniquePhoneNumber();
    const phone = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await phone.goto(`${t.url}/phone`);
    await tabTo(phone, '#sim');
    await phone.keyboard.press('ControlOrMeta+A');
    await phone.keyboard.type(sim);
    await tabTo(phone, '#register');
    await phone.keyboard.press('Enter');
    await phone.waitForSelector('#registered:not(.hidden)');

    const site = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await site.goto(`${t.url}/login`);
    await tabTo(site, '#phone');
    await site.keyboard.type(`0${sim.slice(3)}`);
    await site.keyboard.press('Enter');
    await site.waitForSelector('#waiting:not(.hidden)');
    const match = (await site.textContent('#match'))!.trim();

    await phone.waitForSelector('#request:not(.hidden)');
    await tabTo(phone, '#numbers button');
    // Tab on to the button that shows the match number, then press it.
    for (let press = 0; press < 5; press++) {
      if ((await phone.evaluate(() => document.activeElement?.textContent?.trim())) === match)
        break;
      await phone.keyboard.press('Tab');
    }
    expect(await phone.evaluate(() => document.activeElement?.textContent?.trim())).toBe(match);
    await phone.keyboard.press('Enter');
    await site.waitForSelector('#final:not(.hidden)');
    expect(await site.textContent('#outcome')).toBe('Signed in');
  });

  /** The website in Spanish (Accept-Language), a login started for `sim`; the page waiting. */
  async function spanishLogin(sim: string): Promise<Page> {
    const site = await (await browser.newContext({ locale: 'es-ES' })).newPage();
    await site.goto(`${t.url}/login`);
    await site.locator('#phone').pressSequentially(sim);
    await site.keyboard.press('Enter');
    await site.waitForSelector('#waiting:not(.hidden)');
    return site;
  }

  it('says each outcome as a sentence in the page language with one next step, with no accessibility violation: signed in, denied, expired', async () => {
    const sim = uniquePhoneNumber();
    const phone = await registerVirtualPhone(browser, t.url, sim);

    const signedIn = await spanishLogin(sim);
    const match = (await signedIn.textContent('#match'))!.trim();
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click(`#numbers button:text-is("${match}")`);
    await signedIn.waitForSelector('#final:not(.hidden)');
    expect(await signedIn.textContent('#outcome')).toBe('Sesión iniciada');
    expect(await violations(signedIn)).toEqual([]);

    const denied = await spanishLogin(sim);
    await phone.waitForSelector('#request:not(.hidden)');
    await phone.click('#deny');
    await denied.waitForSelector('#final:not(.hidden)');
    expect(await denied.textContent('#outcome')).toBe('Inicio de sesión rechazado');
    expect(await denied.textContent('#retry')).toBe('Intentar de nuevo');
    expect(await focused(denied)).toBe('outcome');
    expect(await violations(denied)).toEqual([]);
    await screenshot(denied, 'login-es-denied.png');

    const expired = await spanishLogin(sim);
    await t.db.query(
      `UPDATE attempts SET expires_at = now() - interval '1 second' WHERE phone_number = $1 AND kind = 'companion_login' AND NOT is_final`,
      [sim],
    );
    await t.app.get(AttemptSweeper).sweep();
    await expired.waitForSelector('#final:not(.hidden)');
    expect(await expired.textContent('#outcome-detail')).toBe(
      'Tu teléfono no respondió a tiempo. Inténtalo de nuevo y aprueba en tu teléfono antes de que se acabe el tiempo.',
    );
    expect(await focused(expired)).toBe('outcome');
    expect(await violations(expired)).toEqual([]);
    // The next step, with the keyboard: Tab from the message to "Try again", Enter, and the form
    // is back with the number, ready to continue.
    await tabTo(expired, '#retry');
    await expired.keyboard.press('Enter');
    await expired.waitForSelector('#start:not(.hidden)');
    expect(await expired.inputValue('#phone')).not.toBe('');
    expect(await focused(expired)).toBe('submit');
  });
  /** The website in French (Accept-Language), a login started on it for `number`. */
  async function frenchLogin(number: string): Promise<Page> {
    const site = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await site.goto(`${t.url}/login`);
    await site.locator('#phone').pressSequentially(number);
    await site.keyboard.press('Enter');
    return site;
  }

  /** The login the page shows: its id (the sandbox's developer text) and its match number. */
  async function shownLogin(site: Page): Promise<{ loginId: string; match: number }> {
    await site.waitForSelector('#waiting:not(.hidden)');
    return {
      loginId: (await site.textContent('#login-id'))!.trim(),
      match: Number(await site.textContent('#match')),
    };
  }

  /** The registered phone approves and opens the check URL as `sim` (no SIM: on Wi-Fi). */
  async function approveAs(phone: RegisteredPhone, site: Page, sim: string | undefined) {
    const { loginId, match } = await shownLogin(site);
    const auth = bearer(phone.deviceToken);
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${loginId}/approve`,
      { match_number: match },
      auth,
    );
    if (approved.body.status !== 'APPROVED') return approved.body.status as string;
    const device = await openOnDevice(approved.body.check_url, sim);
    // On Wi-Fi the check URL answers an error: the app sends the check's id with no code it got.
    const code = device.body.error
      ? { check_id: device.body.check_id, code: '000000' }
      : device.body;
    return (await call('POST', `${t.url}/v1/logins/${loginId}/code`, code, auth)).body
      .status as string;
  }

  /** What the page says once the login ended, where the focus is, and what axe finds. */
  async function outcome(site: Page) {
    await site.waitForSelector('#final:not(.hidden)');
    const visible = async (selector: string) =>
      (await site.locator(selector).count()) > 0 && site.isVisible(selector);
    return {
      outcome: await site.textContent('#outcome'),
      detail: await site.textContent('#outcome-detail'),
      focused: await focused(site),
      retry: (await visible('#retry')) ? await site.textContent('#retry') : undefined,
      support: (await visible('#support'))
        ? [await site.textContent('#support'), await site.getAttribute('#support', 'href')]
        : undefined,
      violations: await violations(site),
    };
  }

  it('says a wrong number, an unavailable SIM check, a SIM swap and too many attempts as sentences in the page language, each with its one next step and the focus on it, with no accessibility violation', async () => {
    // The phone that approves holds another SIM than the number typed: MATCH_FAILED.
    const phone = await registerPhone(t);
    const wrong = await frenchLogin(phone.phoneNumber);
    expect(await approveAs(phone, wrong, uniquePhoneNumber())).toBe('MATCH_FAILED');
    expect(await outcome(wrong)).toEqual({
      outcome: 'Mauvais numéro',
      detail:
        'Le téléphone qui a approuvé contient la SIM d’un autre numéro. Vérifiez le numéro saisi et utilisez celui de ce téléphone.',
      focused: 'outcome',
      retry: 'Utiliser un autre numéro',
      support: undefined,
      violations: [],
    });
    // Its next step with the keyboard: the form again, the field empty and focused.
    await tabTo(wrong, '#retry');
    await wrong.keyboard.press('Enter');
    await wrong.waitForSelector('#start:not(.hidden)');
    expect(await wrong.inputValue('#phone')).toBe('');
    expect(await focused(wrong)).toBe('phone');

    // The phone is on Wi-Fi: the mobile network cannot check its SIM (PROVIDER_ERROR).
    const unavailable = await frenchLogin(phone.phoneNumber);
    expect(await approveAs(phone, unavailable, undefined)).toBe('PROVIDER_ERROR');
    expect(await outcome(unavailable)).toEqual({
      outcome: 'Vérification de la SIM indisponible',
      detail:
        'Le réseau mobile n’a pas pu vérifier votre SIM pour le moment. Réessayez dans un instant.',
      focused: 'outcome',
      retry: 'Réessayer',
      support: undefined,
      violations: [],
    });

    // The SIM behind the number changed two hours ago (the sandbox's …7000): the bank's support.
    const swapped = await registerPhone(t, phoneNumberEnding('7000'));
    const swap = await frenchLogin(swapped.phoneNumber);
    expect(await approveAs(swapped, swap, swapped.phoneNumber)).toBe('SIM_SWAP_DETECTED');
    expect(await outcome(swap)).toEqual({
      outcome: 'SIM changée récemment',
      detail:
        'La carte SIM de ce numéro a été changée récemment : elle ne peut pas vous connecter pour le moment. Si vous ne l’avez pas changée, prévenez tout de suite votre opérateur mobile.',
      focused: 'outcome',
      retry: undefined,
      support: ['Contacter le support de Beispielbank', 'https://bank.example/hilfe'],
      violations: [],
    });

    // A number whose logins used up RATE_LIMIT_PHONE (5 per 10 minutes): 429, said with its wait.
    const busy = uniquePhoneNumber();
    for (let i = 0; i < 5; i++)
      expect((await call('POST', `${t.url}/v1/logins`, { phone_number: busy })).status).toBe(201);
    const limited = await frenchLogin(busy);
    await limited.waitForSelector('#form-error:not(.hidden)');
    expect(await limited.textContent('#form-error')).toMatch(
      /^Trop de tentatives\. Réessayez dans (\d+ minutes|1 minute)\.$/,
    );
    expect(await focused(limited)).toBe('phone');
    expect(await violations(limited)).toEqual([]);
  });

  it("posts the code back to a client that asked for response_mode=form_post with the library's page in the person's language, with no accessibility violation", async () => {
    const phone = await registerPhone(t);
    const site = await (await browser.newContext({ locale: 'es-ES' })).newPage();
    // The library's form_post page as the server sent it: read on its way, passed on unchanged.
    let formPost = '';
    await site.route(`${t.url}/oidc/auth/**`, async (route) => {
      const res = await route.fetch({ maxRedirects: 0 });
      if (res.headers()['content-type']?.includes('html')) formPost = await res.text();
      await route.fulfill({ response: res });
    });
    const verifier = randomBytes(32).toString('base64url');
    const auth = new URL(`${t.url}/oidc/auth`);
    auth.search = new URLSearchParams({
      client_id: 'beispiel-shop',
      response_type: 'code',
      response_mode: 'form_post',
      scope: 'openid phone',
      redirect_uri: CALLBACK,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'state-2',
    }).toString();
    await site.goto(auth.toString());
    // The page posts the code to the client's redirect URI (never served: the request counts).
    const posted = site.waitForRequest((r) => r.url().startsWith(CALLBACK));
    await signInOnLoginPage(site, t, phone);
    expect((await posted).method()).toBe('POST');
    expect(new URLSearchParams((await posted).postData() ?? '').get('state')).toBe('state-2');

    expect(formPost).toMatch(/<html lang="es" dir="ltr">/);
    expect(formPost).toContain('<title>Volviendo a la aplicación…</title>');
    expect(formPost).toContain(
      '<p>Tu navegador no ejecuta scripts aquí: pulsa el botón para volver a la aplicación.</p>',
    );
    expect(formPost).toContain('<button autofocus type="submit">Continuar</button>');
    expect(formPost).not.toMatch(/Submitting Callback|Your browser|>Continue</);
    // The page held still (its script, which submits it at once, left out), checked by axe.
    const still = await (await browser.newContext()).newPage();
    await still.setContent(formPost.replace(/<script>[\s\S]*?<\/script>/, ''));
    expect(await violations(still)).toEqual([]);
  });
  it('tells a person whose OpenID sign-in has expired to go back to the app, in the page language, with no accessibility violation', async () => {
    const site = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    const auth = new URL(`${t.url}/oidc/auth`);
    auth.search = new URLSearchParams({
      client_id: 'beispiel-shop',
      response_type: 'code',
      scope: 'openid phone',
      redirect_uri: CALLBACK,
      code_challenge: createHash('sha256').update(randomBytes(32)).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    await site.goto(auth.toString());
    await site.waitForURL((url) => url.pathname === '/login');
    // The interaction's cookie is gone (expired, or another browser): the login cannot start.
    await site.context().clearCookies();
    await site.locator('#phone').pressSequentially(uniquePhoneNumber());
    await site.keyboard.press('Enter');
    await site.waitForSelector('#form-error:not(.hidden)');
    expect(await site.textContent('#form-error')).toBe(
      'Diese Anmeldeanfrage ist abgelaufen. Kehren Sie zur App zurück und melden Sie sich erneut an.',
    );
    expect(await violations(site)).toEqual([]);
    // The provider's step before the page, opened again without its cookie: a page that says the
    // same, not the API's problem.
    const uid = new URL(site.url()).searchParams.get('interaction');
    const again = await site.goto(`${t.url}/oidc/interaction/${uid}`);
    expect(again?.status()).toBe(404);
    expect(await site.getAttribute('html', 'lang')).toBe('de');
    expect(await site.textContent('h1')).toBe('Diese Anmeldung kann nicht fortgesetzt werden');
    expect(await violations(site)).toEqual([]);
  });
});

describe('the sign-in page with a logo, in Chromium', () => {
  let logos: LogoServer;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    const logo = bankLogo(68, [26, 95, 60]);
    logos = await startLogoServer({
      '/logo.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(logo),
    });
    t = await startTestApp({
      env: {
        BRAND_NAME: 'Beispielbank',
        BRAND_COLOR: '#1a5f3c',
        BRAND_LOGO_URL: `${logos.url}/logo.png`,
        // The logo server is on loopback, with a certificate made for this run.
        LOGO_ALLOW_PRIVATE_URLS: 'true',
        LOGO_CA_FILE: logos.certFile,
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await logos?.close();
  });

  it("shows the brand's logo from simauth's own origin on the login page and the OpenID error page, asks no other origin for anything, and has no accessibility violation", async () => {
    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${t.url}/login`); // resolves once the page and its images have loaded
    const logo = page.locator('header img.logo');
    expect(await logo.getAttribute('alt')).toBe('Beispielbank');
    expect(await logo.getAttribute('src')).toMatch(/^\/assets\/logos\/[0-9a-f]{64}\.png$/);
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(68);
    expect(requested).toContain(`${t.url}${await logo.getAttribute('src')}`);
    expect(requested.filter((url) => new URL(url).origin !== t.url)).toEqual([]);
    // Only simauth itself ever asked the logo's host.
    expect(logos.requests).toHaveLength(1);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'login-de-logo.png');

    // The OpenID Provider's error page shows the same logo, from the same origin.
    requested.length = 0;
    await page.goto(
      `${t.url}/oidc/auth?client_id=nobody&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(CALLBACK)}`,
    );
    const errorLogo = page.locator('header img.logo');
    expect(await errorLogo.getAttribute('src')).toBe(await logo.getAttribute('src'));
    expect(await errorLogo.getAttribute('alt')).toBe('Beispielbank');
    expect(await errorLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(68);
    expect(requested.filter((url) => new URL(url).origin !== t.url)).toEqual([]);
    expect(logos.requests).toHaveLength(1);
    expect(await violations(page)).toEqual([]);
  });
});
