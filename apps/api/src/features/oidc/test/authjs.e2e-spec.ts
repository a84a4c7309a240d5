import { Auth, type AuthConfig } from '@auth/core';
import { TestApp, startTestApp } from '@test-support/test-app';
import { RegisteredPhone, registerPhone } from '@test-support/flows';
import { signInThroughPage } from '@test-support/oidc';
import { readme } from '@test-support/readme';

/** The relying party of the web-apps guide's Auth.js example: its client, as OIDC_CLIENTS registers it. */
const APP = 'https://app.example';
const CLIENT = {
  client_id: 'my-web-app',
  client_secret: 'a-long-random-secret-of-32-or-more-chars',
  redirect_uris: [`${APP}/api/auth/callback/simauth`],
  post_logout_redirect_uris: [`${APP}/`],
  grant_types: ['authorization_code', 'refresh_token'],
};

/** The web-apps guide's Auth.js provider, with the issuer of the api under test. */
function authConfig(issuer: string): AuthConfig {
  return {
    providers: [
      {
        id: 'simauth',
        name: 'your phone',
        type: 'oidc',
        issuer,
        clientId: CLIENT.client_id,
        clientSecret: CLIENT.client_secret,
        authorization: { params: { scope: 'openid phone' } },
        checks: ['pkce', 'state', 'nonce'],
        profile: (claims) => ({ id: claims.sub, name: claims.phone_number as string }),
      },
    ],
    basePath: '/api/auth',
    secret: 'auth-js-secret-for-this-test-only-0123456789',
    trustHost: true,
  };
}

/** The web app's side: Auth.js answering requests, with the cookies a browser would keep for it. */
class AuthJsApp {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly config: AuthConfig) {}

  async request(path: string, init: { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers({
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    });
    if (init.form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const res = await Auth(
      new Request(new URL(path, APP), {
        method: init.form ? 'POST' : 'GET',
        headers,
        body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      }),
      this.config,
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
}

describe('Auth.js (@auth/core) signs in through simauth with the configuration of the web-apps guide', () => {
  let t: TestApp;
  let phone: RegisteredPhone;
  beforeAll(async () => {
    t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify([CLIENT]) } });
    phone = await registerPhone(t);
  });
  afterAll(() => t.close());

  it('signs in: Auth.js sends the browser to simauth, the phone approves, Auth.js has the session', async () => {
    const app = new AuthJsApp(authConfig(t.url));
    const { csrfToken } = (await (await app.request('/api/auth/csrf')).json()) as {
      csrfToken: string;
    };
    const signIn = await app.request('/api/auth/signin/simauth', {
      form: { csrfToken, callbackUrl: `${APP}/account` },
    });
    expect(signIn.status).toBe(302);
    const authorize = new URL(signIn.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${t.url}/oidc/auth`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const callback = await signInThroughPage(
      t,
      { url: authorize, verifier: '', nonce: '', state: '' },
      phone,
      'approve',
      undefined,
      t,
      CLIENT.redirect_uris[0],
    );
    const done = await app.request(`${callback.pathname}${callback.search}`);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`${APP}/account`);

    const session = (await (await app.request('/api/auth/session')).json()) as {
      user?: { name?: string };
    };
    expect(session.user?.name).toBe(phone.phoneNumber);
  });
});

describe('the Auth.js configuration of docs/guide/web-apps.md', () => {
  it('registers the client this test registers, and sets the provider as this test does', () => {
    const guide = readme();
    const registered = /OIDC_CLIENTS='([^']+)' npm start/.exec(guide)?.[1];
    expect(JSON.parse(registered ?? 'null')).toEqual([CLIENT]);
    const provider = /```ts\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    for (const line of [
      "id: 'simauth', name: 'your phone', type: 'oidc',",
      "authorization: { params: { scope: 'openid phone' } },",
      "checks: ['pkce', 'state', 'nonce'],",
      'profile: (claims) => ({ id: claims.sub, name: claims.phone_number }),',
    ]) {
      expect(provider).toContain(line);
    }
  });
});
