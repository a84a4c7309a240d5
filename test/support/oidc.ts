import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { bearer, call } from './http';
import { RegisteredPhone, approveOnPhone } from './flows';
import { CookieBrowser } from './browser';
import { TestApp } from './test-app';

/** The redirect URI of the test relying parties (never fetched: the browser stops there). */
export const CALLBACK = 'https://rp.example/callback';

export interface Authorization {
  verifier: string;
  nonce: string;
  state: string;
  url: URL;
}

export async function authorization(
  rp: client.Configuration,
  extra: Record<string, string> = {},
): Promise<Authorization> {
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(rp, {
    redirect_uri: CALLBACK,
    scope: 'openid phone offline_access',
    // OpenID Connect grants offline_access (a refresh token) only with prompt=consent.
    prompt: 'consent',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    nonce,
    state,
    ...extra,
  });
  return { verifier, nonce, state, url };
}

/**
 * An authorization request of the public test client `spa` (the code flow with PKCE, S256) on
 * `t`, with `extra` parameters (a scope with offline_access asks for consent, as OpenID Connect
 * needs): its URL, and the code verifier, nonce and state to redeem it with.
 */
export function publicClientAuthorization(
  t: Pick<TestApp, 'url'>,
  extra: Record<string, string> = {},
): Authorization {
  const verifier = randomBytes(32).toString('base64url');
  const params: Record<string, string> = {
    client_id: 'spa',
    response_type: 'code',
    scope: 'openid',
    redirect_uri: CALLBACK,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'st',
    nonce: 'nn',
    ...extra,
  };
  if (params.scope.includes('offline_access')) params.prompt ??= 'consent';
  const url = new URL(`${t.url}/oidc/auth`);
  url.search = new URLSearchParams(params).toString();
  return { url, verifier, nonce: params.nonce, state: params.state };
}

/**
 * What the phone does with the login: approve and pass the PhoneCheck, deny, pick a wrong number,
 * or approve with an authenticator code (the fallback where no PhoneCheck can run).
 */
export type PhoneAnswer = 'approve' | 'deny' | 'wrong-number' | { factorId: string; code: string };

/** A login started on the login page: its interaction, and the login's id, poll token and number. */
export interface LoginOnPage {
  uid: string;
  login: { login_id: string; poll_token: string; match_number: number };
}

/**
 * Follows the authorization request `url` in `browser` to the login page and starts the login of
 * `phone` there, as the page does.
 */
export async function startLoginOnPage(
  t: TestApp,
  url: URL | string,
  phone: RegisteredPhone,
  browser: CookieBrowser,
): Promise<LoginOnPage> {
  const page = await browser.follow(url.toString(), (u) => new URL(u).pathname === '/login');
  const uid = new URL(page.url).searchParams.get('interaction')!;
  expect(uid).toBeTruthy();
  const started = await browser.request(`${t.url}/oidc/interaction/${uid}/login`, {
    body: { phone_number: phone.phoneNumber },
  });
  expect(started.status).toBe(201);
  return { uid, login: (await started.json()) as LoginOnPage['login'] };
}

/**
 * The browser's part: from the authorization URL to our login page, the login started there, the
 * phone's answer (`onPhone`), the page's finish, and back to the client's callback.
 */
export async function signInThroughPage(
  t: TestApp,
  auth: Authorization,
  phone: RegisteredPhone,
  onPhone: PhoneAnswer = 'approve',
  browser = new CookieBrowser(),
  finishAt = t,
  /** The client's redirect URI, where the browser stops. */
  callback = CALLBACK,
): Promise<URL> {
  const { uid, login } = await startLoginOnPage(t, auth.url, phone, browser);
  if (onPhone === 'deny') {
    await call('POST', `${t.url}/v1/logins/${login.login_id}/deny`, {}, bearer(phone.deviceToken));
  } else if (onPhone === 'wrong-number') {
    const wrong = await call(
      'POST',
      `${t.url}/v1/logins/${login.login_id}/approve`,
      { match_number: login.match_number === 99 ? 10 : login.match_number + 1 },
      bearer(phone.deviceToken),
    );
    expect(wrong.body.status).toBe('DENIED');
  } else if (typeof onPhone === 'object') {
    const done = await call(
      'POST',
      `${t.url}/v1/logins/${login.login_id}/approve-with-code`,
      { match_number: login.match_number, factor_id: onPhone.factorId, code: onPhone.code },
      bearer(phone.deviceToken),
    );
    expect(done.body).toEqual({ status: 'MATCH_SUCCESS' });
  } else {
    const done = await approveOnPhone(t, phone, login.login_id, login.match_number);
    expect(done).toEqual({ status: 'MATCH_SUCCESS' });
  }
  const finished = await browser.request(`${finishAt.url}/oidc/interaction/${uid}/finish`, {
    body: { poll_token: login.poll_token },
  });
  expect(finished.status).toBe(200);
  const { redirect_to } = (await finished.json()) as { redirect_to: string };
  const back = await browser.follow(new URL(redirect_to, finishAt.url).toString(), (u) =>
    u.startsWith(callback),
  );
  return new URL(back.url);
}

/**
 * Where the provider sends a browser for an OpenID sign-in of a confidential client: the login
 * page's URL, with the interaction it is for.
 */
export async function loginPageUrl(
  t: TestApp,
  meta: { client_id: string; client_secret: string },
  extra: Record<string, string> = {},
): Promise<string> {
  const rp = await client.discovery(
    new URL(t.url),
    meta.client_id,
    meta.client_secret,
    client.ClientSecretBasic(meta.client_secret),
    { execute: [client.allowInsecureRequests] },
  );
  const page = await new CookieBrowser().follow(
    (await authorization(rp, extra)).url.toString(),
    (u) => new URL(u).pathname === '/login',
  );
  return page.url;
}
