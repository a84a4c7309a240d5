import { TestApp, startTestApp } from '@test-support/test-app';
import { CookieBrowser } from '@test-support/browser';
import * as client from 'openid-client';
import { registerPhone } from '@test-support/flows';
import { CALLBACK, authorization, signInThroughPage } from '@test-support/oidc';

const CLIENTS = [
  {
    client_id: 'shop',
    client_name: 'Beispiel Shop',
    token_endpoint_auth_method: 'none',
    redirect_uris: [CALLBACK],
    post_logout_redirect_uris: ['https://rp.example/'],
    grant_types: ['authorization_code'],
  },
];

describe("the OpenID Provider's error and logout pages in the person's language", () => {
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify(CLIENTS) } })),
  );
  afterAll(() => t.close());

  /** An authorization request the provider cannot send back to a client (an unknown client_id). */
  const badAuthorization = (query: Record<string, string> = {}, headers: HeadersInit = {}) =>
    fetch(
      `${t.url}/oidc/auth?${new URLSearchParams({
        client_id: 'nobody',
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: 'openid',
        ...query,
      })}`,
      { headers },
    );
  const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

  it('renders the error page in the language Accept-Language prefers, saying so, with the protocol error kept', async () => {
    const res = await badAuthorization({}, { 'accept-language': 'fr-CH, en;q=0.5' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    const html = await res.text();
    expect(langOf(html)).toBe('fr');
    expect(html).toContain('<h1>Cette connexion ne peut pas continuer</h1>');
    expect(html).toContain('Revenez à l’application et réessayez.');
    expect(html).toContain('<p lang="en"><code>invalid_client</code>');
  });

  it('renders the error page in English without a language it has', async () => {
    const html = await (await badAuthorization({}, { 'accept-language': 'ja' })).text();
    expect(langOf(html)).toBe('en');
    expect(html).toContain('<h1>This sign-in cannot continue</h1>');
  });

  it('asks before signing out in the language of ui_locales first, and says it signed out in the same language', async () => {
    // Signed in through the page in this browser: the provider holds a session to end.
    const browser = new CookieBrowser({ 'accept-language': 'fr' });
    const rp = await client.discovery(new URL(t.url), 'shop', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    await signInThroughPage(t, await authorization(rp), await registerPhone(t), 'approve', browser);
    const confirm = await browser.request(
      `${t.url}/oidc/session/end?${new URLSearchParams({ client_id: 'shop', ui_locales: 'es de' })}`,
    );
    expect(confirm.status).toBe(200);
    const form = await confirm.text();
    expect(langOf(form)).toBe('es');
    expect(form).toContain('<h1>¿Cerrar la sesión de simauth?</h1>');
    expect(form).toContain('>Sí, cerrar sesión</button>');
    expect(form).toContain('>No, seguir conectado</button>');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
    expect(xsrf).toBeTruthy();

    const ended = await browser.request(`${t.url}/oidc/session/end/confirm`, {
      form: { xsrf: xsrf!, logout: 'yes' },
    });
    const location = ended.headers.get('location');
    const success = location ? await browser.request(new URL(location, t.url).toString()) : ended;
    const html = await success.text();
    expect(success.status).toBe(200);
    // In the language it was asked in, though the library's end page carries no ui_locales (and
    // the browser says French).
    expect(new URL(location!, t.url).searchParams.has('ui_locales')).toBe(false);
    expect(langOf(html)).toBe('es');
    expect(html).toContain('<h1>Sesión cerrada</h1>');
  });
  it('reads the logout language cookie as a language code only: a forged one selects a catalog, or English, never its own text', async () => {
    const signedOut = async (cookie: string) => {
      const res = await fetch(`${t.url}/oidc/session/end/success`, {
        headers: { cookie: `simauth_logout_lng=${cookie}`, 'accept-language': 'ja' },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    const forged = await signedOut(encodeURIComponent('<script>alert(1)</script>'));
    expect(langOf(forged)).toBe('en');
    expect(forged).not.toContain('alert');
    expect(langOf(await signedOut('de'))).toBe('de');
  });
  it('tells a browser whose sign-in request is unknown or expired to go back to the app, in its language, and a program the problem', async () => {
    const interaction = (headers: Record<string, string>) =>
      fetch(`${t.url}/oidc/interaction/no-such-interaction`, { headers, redirect: 'manual' });
    const page = await interaction({
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      'accept-language': 'de-DE,de;q=0.9',
    });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-language')).toBe('de');
    const html = await page.text();
    expect(langOf(html)).toBe('de');
    expect(html).toContain('<h1>Diese Anmeldung kann nicht fortgesetzt werden</h1>');
    expect(html).toContain(
      '<p>Diese Anmeldeanfrage ist abgelaufen. Kehren Sie zur App zurück und melden Sie sich erneut an.</p>',
    );
    const problem = await interaction({ accept: 'application/json' });
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
