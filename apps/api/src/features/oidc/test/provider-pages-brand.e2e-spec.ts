import { createHash } from 'node:crypto';
import { LogoServer, pngImage, startLogoServer } from '@test-support/logo-server';
import { TestApp, startTestApp } from '@test-support/test-app';
import { CookieBrowser } from '@test-support/browser';
import { registerPhone } from '@test-support/flows';
import { CALLBACK, authorization, signInThroughPage } from '@test-support/oidc';
import * as client from 'openid-client';

const BRAND_LOGO = pngImage(68, 34, [26, 95, 60]);
const SHOP_LOGO = pngImage(40, 40, [160, 60, 20]);
const logoPath = (bytes: Buffer) =>
  `/assets/logos/${createHash('sha256').update(bytes).digest('hex')}.png`;

describe("the OpenID Provider's own pages carry the operator's brand", () => {
  let logos: LogoServer;
  let t: TestApp;

  beforeAll(async () => {
    logos = await startLogoServer({
      '/brand.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(BRAND_LOGO),
      '/shop.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(SHOP_LOGO),
    });
    t = await startTestApp({
      env: {
        BRAND_NAME: 'Beispielbank',
        BRAND_COLOR: '#1a5f3c',
        BRAND_SUPPORT_URL: 'https://bank.example/hilfe',
        BRAND_PRIVACY_URL: 'https://bank.example/datenschutz',
        BRAND_LOGO_URL: `${logos.url}/brand.png`,
        LOGO_ALLOW_PRIVATE_URLS: 'true',
        LOGO_CA_FILE: logos.certFile,
        OIDC_CLIENTS: JSON.stringify([
          {
            client_id: 'shop',
            client_name: 'Beispiel Shop',
            logo_uri: `${logos.url}/shop.png`,
            token_endpoint_auth_method: 'none',
            redirect_uris: [CALLBACK],
            grant_types: ['authorization_code'],
          },
        ]),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await logos?.close();
  });

  /** What every branded page has: the name, the accent's stylesheet, the links; no "simauth". */
  const expectBrand = (html: string) => {
    expect(html).toContain('— Beispielbank</title>');
    expect(html).toContain('<p class="brand">Beispielbank</p>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/brand.css">');
    expect(html).toContain('<a href="https://bank.example/hilfe">');
    expect(html).toContain('<a href="https://bank.example/datenschutz">');
    expect(html).not.toMatch(/simauth/i);
    expect(html).not.toContain(logos.url);
  };
  const brandLogo = `<img class="logo" src="${logoPath(BRAND_LOGO)}" alt="Beispielbank" />`;

  it("shows the error page with the brand's name, logo from simauth's origin, accent and links", async () => {
    const res = await fetch(
      `${t.url}/oidc/auth?${new URLSearchParams({
        client_id: 'nobody',
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: 'openid',
      })}`,
      { headers: { 'accept-language': 'de' } },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expectBrand(html);
    expect(html).toContain(brandLogo);
    expect(html).toContain('>Hilfe</a>');
    expect(html).not.toContain('<div class="logo"');
    // The logo the page names is served by simauth itself.
    const logo = await fetch(`${t.url}${logoPath(BRAND_LOGO)}`);
    expect(logo.status).toBe(200);
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(BRAND_LOGO);
  });

  it("asks before signing out of the brand, with the known client's logo and name", async () => {
    // Signed in through the page in this browser: the provider holds a session to end.
    const browser = new CookieBrowser({ 'accept-language': 'en' });
    const rp = await client.discovery(new URL(t.url), 'shop', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    await signInThroughPage(t, await authorization(rp), await registerPhone(t), 'approve', browser);
    const res = await browser.request(`${t.url}/oidc/session/end?client_id=shop&ui_locales=de`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectBrand(html);
    expect(html).toContain('<h1>Von Beispielbank abmelden?</h1>');
    expect(html).toContain('Ihre Beispielbank-Sitzung');
    expect(html).toContain(`<img class="logo" src="${logoPath(SHOP_LOGO)}" alt="Beispiel Shop" />`);
  });

  it('says the brand session ended, with the brand logo', async () => {
    const res = await fetch(`${t.url}/oidc/session/end/success`, {
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expectBrand(html);
    expect(html).toContain('Your Beispielbank session in this browser has ended.');
    expect(html).toContain(brandLogo);
  });

  it('tells a browser whose sign-in request expired to go back, under the brand', async () => {
    const res = await fetch(`${t.url}/oidc/interaction/no-such-interaction`, {
      headers: { accept: 'text/html', 'accept-language': 'fr' },
    });
    expect(res.status).toBe(404);
    const html = await res.text();
    expectBrand(html);
    expect(html).toContain(brandLogo);
    expect(html).toContain('>Confidentialité</a>');
  });
});
