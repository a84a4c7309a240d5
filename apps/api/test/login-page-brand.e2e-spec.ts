import { TestApp, startTestApp } from '@test-support/test-app';
import { CALLBACK, loginPageUrl as loginPageOf } from '@test-support/oidc';

const SHOP = {
  client_id: 'beispiel-shop',
  client_secret: 'beispiel-shop-secret-that-is-long-enough-0123456789',
  client_name: 'Beispiel <Shop> & Co',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code'],
};
const NAMELESS = { ...SHOP, client_id: 'nameless', client_name: undefined };
/** The login page's URL for an OpenID sign-in of `meta` asking for French. */
const loginPageUrl = (t: TestApp, meta: { client_id: string; client_secret: string }) =>
  loginPageOf(t, meta, { ui_locales: 'fr' });

describe("the login page in the operator's brand", () => {
  let branded: TestApp;
  let plain: TestApp;
  beforeAll(async () => {
    branded = await startTestApp({
      env: {
        BRAND_NAME: 'Bank & Co',
        BRAND_COLOR: '#1A5F3C',
        BRAND_SUPPORT_URL: 'https://bank.example/help',
        BRAND_PRIVACY_URL: 'https://bank.example/privacy',
        OIDC_CLIENTS: JSON.stringify([SHOP, NAMELESS]),
      },
    });
    plain = await startTestApp({ sharedSandbox: branded.sandbox });
  });
  afterAll(async () => {
    await plain?.close();
    await branded?.close();
  });

  const html = async (url: string, lang = 'en') =>
    (await fetch(url, { headers: { 'accept-language': lang } })).text();

  it('shows BRAND_NAME in the title and header, its links, and its accent as a stylesheet of its own origin', async () => {
    const page = await html(`${branded.url}/login`);
    expect(page).toContain('<title>Sign in — Bank &amp; Co</title>');
    expect(page).toContain('<p class="brand">Bank &amp; Co</p>');
    expect(page).toContain('<div class="logo" aria-hidden="true">B</div>');
    expect(page).toContain('<a href="https://bank.example/help">Help</a>');
    expect(page).toContain('<a href="https://bank.example/privacy">Privacy</a>');
    expect(await html(`${branded.url}/login`, 'de')).toContain('>Datenschutz</a>');
    expect(page).toContain('<link rel="stylesheet" href="/assets/brand.css" />');
    const css = await fetch(`${branded.url}/assets/brand.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe(':root {\n  --accent: #1a5f3c;\n}\n');
  });

  it('is simauth with no links and the default accent when no brand is set', async () => {
    const page = await html(`${plain.url}/login`);
    expect(page).toContain('<title>Sign in — simauth</title>');
    expect(page).not.toMatch(/<footer|<a href/);
    expect(await (await fetch(`${plain.url}/assets/brand.css`)).text()).toBe('');
  });

  it("names the OpenID client (its client_name, escaped) in the page's language, asked of the provider by the interaction's id", async () => {
    const url = await loginPageUrl(branded, SHOP);
    expect(new URL(url).searchParams.get('ui_locales')).toBe('fr');
    const page = await html(url);
    expect(page).toContain('<h1>Connexion à Beispiel &lt;Shop&gt; &amp; Co</h1>');
    expect(page).toContain('Vous vous connectez à Beispiel &lt;Shop&gt; &amp; Co avec votre');
    // A client without a name, or a made-up interaction, gets the page's own heading.
    const nameless = await html(await loginPageUrl(branded, NAMELESS));
    expect(nameless).toContain('<h1>Connectez-vous avec votre téléphone</h1>');
    // ... and says the operator's brand, not simauth, is what it signs in through.
    expect(nameless).toContain('Vous vous connectez à une application via Bank &amp; Co.');
    expect(nameless).not.toMatch(/simauth/i);
    expect(
      await html(`${branded.url}/login?interaction=made-up&client_id=beispiel-shop`),
    ).toContain('<h1>Sign in with your phone</h1>');
  });
});
