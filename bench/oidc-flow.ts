import { createHash, randomBytes } from 'node:crypto';
import { Dispatcher, request } from 'undici';
import { VirtualUser, call, openOnDevice } from './flows';

const REDIRECT_URI = 'https://rp.bench.example/callback';
/** The bench's confidential clients' secret (client_secret_basic). */
export const BENCH_SECRET = 'bench-secret-that-is-long-enough-0123456789';

/** The relying party the bench signs in as: a public client, code flow with PKCE. */
export const BENCH_CLIENT = {
  client_id: 'bench-rp',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code'],
  response_types: ['code'],
};

/** A web app's server: confidential, with refresh tokens (offline_access), ES256 id_tokens. */
export const REFRESH_CLIENT = {
  client_id: 'bench-refresh',
  client_secret: BENCH_SECRET,
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  scope: 'openid phone offline_access',
};

/** The same, for a relying party that asks for RS256 id_tokens. */
export const REFRESH_RS256_CLIENT = {
  ...REFRESH_CLIENT,
  client_id: 'bench-refresh-rs256',
  id_token_signed_response_alg: 'RS256',
};

/** An operators' script: client_credentials for admin API tokens (ES256 JWTs). */
export const SERVICE_CLIENT = {
  client_id: 'bench-service',
  client_secret: BENCH_SECRET,
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  scope: 'simauth:admin',
};

export const BENCH_CLIENTS = [BENCH_CLIENT, REFRESH_CLIENT, REFRESH_RS256_CLIENT, SERVICE_CLIENT];

/** The steps of one sign-in, as docs/performance/benchmarks.md counts their statements. */
export const OIDC_STEPS = [
  'authorize',
  'login_page',
  'companion_login',
  'finish',
  'code',
  'token',
  'userinfo',
] as const;
export type OidcStep = (typeof OIDC_STEPS)[number];

/** A browser's cookies for one flow. */
class Browser {
  private readonly cookies = new Map<string, string>();

  /** A GET answered by a redirect: where it goes. */
  async get(url: string): Promise<string> {
    const res = await request(url, { headers: this.header() });
    this.keep(res.headers['set-cookie']);
    await res.body.dump();
    const location = res.headers.location;
    if (res.statusCode < 300 || res.statusCode >= 400 || typeof location !== 'string')
      throw new Error(`${url} answered ${res.statusCode}, not a redirect`);
    return new URL(location, url).toString();
  }

  /** A GET of a page (200). */
  async page(url: string): Promise<void> {
    const res = await request(url, { headers: this.header() });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  }

  async post(url: string, body: unknown): Promise<any> {
    const res = await request(url, {
      method: 'POST',
      headers: { ...this.header(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    this.keep(res.headers['set-cookie']);
    return res.body.json();
  }

  private header(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return cookie ? { cookie } : {};
  }

  private keep(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
}

export interface OidcTokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
}

interface SignIn {
  client: { client_id: string; client_secret?: string };
  scope: string;
  /** Called after each step has been answered (the statement count reads between steps). */
  after?: (step: OidcStep) => Promise<void>;
}

const basic = (client: { client_id: string; client_secret?: string }) =>
  client.client_secret
    ? {
        authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
      }
    : {};

/** A form POST to the token endpoint; its JSON answer, or a thrown error for anything but 200. */
export async function tokenRequest(
  url: string,
  client: { client_id: string; client_secret?: string },
  form: Record<string, string>,
  dispatcher?: Dispatcher,
): Promise<any> {
  const res = await request(url, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...basic(client) },
    body: new URLSearchParams(
      client.client_secret ? form : { ...form, client_id: client.client_id },
    ).toString(),
  });
  const body = (await res.body.json()) as any;
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${JSON.stringify(body)}`);
  return body;
}

/**
 * One OpenID Connect sign-in end to end, as a relying party and a browser make it: authorization
 * request, the login page (the redirect to it, and the page), the companion login (push, approval,
 * PhoneCheck), the interaction's end, the code's redirect, the token request and userinfo. Ten
 * requests to simauth, as for a real browser and relying party (and two more for a consent prompt:
 * offline_access is granted with prompt=consent only).
 */
export async function signIn(vu: VirtualUser, how: SignIn): Promise<OidcTokens> {
  const after = how.after ?? (async () => undefined);
  const browser = new Browser();
  const verifier = randomBytes(32).toString('base64url');
  const params = new URLSearchParams({
    client_id: how.client.client_id,
    response_type: 'code',
    scope: how.scope,
    redirect_uri: REDIRECT_URI,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('base64url'),
    nonce: randomBytes(8).toString('base64url'),
    ...(how.scope.includes('offline_access') ? { prompt: 'consent' } : {}),
  });
  const interaction = await browser.get(`${vu.api}/oidc/auth?${params}`);
  await after('authorize');
  await browser.page(await browser.get(interaction)); // → the login page
  await after('login_page');
  const uid = new URL(interaction).pathname.split('/').pop()!;
  const started = await browser.post(`${vu.api}/oidc/interaction/${uid}/login`, {
    phone_number: vu.phone,
  });
  const inbox = await call(
    'GET',
    `${vu.sandbox}/sandbox/fcm/inboxes/${vu.pushToken}/messages?after=${vu.lastPush}&wait_ms=10000`,
  );
  const push = inbox.body.messages.find((m: any) => m.message.data.login_id === started.login_id);
  if (!push) throw new Error('push not received');
  vu.lastPush = Math.max(...inbox.body.messages.map((m: any) => m.seq));
  const approved = await call(
    'POST',
    `${vu.api}/v1/logins/${started.login_id}/approve`,
    { match_number: started.match_number },
    vu.deviceToken,
  );
  const proof = await openOnDevice(approved.body.check_url, vu.phone);
  await call('POST', `${vu.api}/v1/logins/${started.login_id}/code`, proof, vu.deviceToken);
  await after('companion_login');
  const finished = await browser.post(`${vu.api}/oidc/interaction/${uid}/finish`, {
    poll_token: started.poll_token,
  });
  if (!finished.redirect_to) throw new Error(`finish: ${JSON.stringify(finished)}`);
  await after('finish');
  // The resume; for a consent prompt, its interaction (granted at once) and the resume again.
  let next = await browser.get(finished.redirect_to);
  for (let hop = 0; !next.startsWith(REDIRECT_URI); hop++) {
    if (hop === 3) throw new Error(`no way back to the client: ${next}`);
    next = await browser.get(next);
  }
  const code = new URL(next).searchParams.get('code');
  if (!code) throw new Error(`no code: ${next}`);
  await after('code');
  const tokens = (await tokenRequest(`${vu.api}/oidc/token`, how.client, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  })) as OidcTokens;
  if (!tokens.id_token) throw new Error('no id_token');
  await after('token');
  const me = await call('GET', `${vu.api}/oidc/me`, undefined, tokens.access_token);
  if (me.status !== 200 || !me.body.sub) throw new Error(`userinfo: ${me.status}`);
  await after('userinfo');
  return tokens;
}

/** The bench's sign-in: the public client, `openid phone`, no refresh token. */
export async function oidcCodeFlow(vu: VirtualUser): Promise<void> {
  await signIn(vu, { client: BENCH_CLIENT, scope: 'openid phone' });
}
