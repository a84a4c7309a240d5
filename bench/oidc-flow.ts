import { createHash, randomBytes } from 'node:crypto';
import { request } from 'undici';
import { VirtualUser, call, openOnDevice } from './flows';

/** The relying party the bench signs in as: a public client, code flow with PKCE. */
export const BENCH_CLIENT = {
  client_id: 'bench-rp',
  token_endpoint_auth_method: 'none',
  redirect_uris: ['https://rp.bench.example/callback'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
};

/** A browser's cookies for one flow, and its redirect-free GETs. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<string> {
    const res = await request(url, { headers: this.header() });
    this.keep(res.headers['set-cookie']);
    await res.body.dump();
    const location = res.headers.location;
    if (res.statusCode < 300 || res.statusCode >= 400 || typeof location !== 'string')
      throw new Error(`${url} answered ${res.statusCode}, not a redirect`);
    return new URL(location, url).toString();
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

/**
 * One OpenID Connect sign-in end to end, as a relying party and a browser make it: authorization
 * request, the login page's companion login (push, approval, PhoneCheck), the interaction's end,
 * the code's redirect and the token request. Eight requests to simauth, as for a real browser.
 */
export async function oidcCodeFlow(vu: VirtualUser): Promise<void> {
  const browser = new Browser();
  const verifier = randomBytes(32).toString('base64url');
  const params = new URLSearchParams({
    client_id: BENCH_CLIENT.client_id,
    response_type: 'code',
    scope: 'openid phone',
    redirect_uri: BENCH_CLIENT.redirect_uris[0],
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('base64url'),
    nonce: randomBytes(8).toString('base64url'),
  });
  const interaction = await browser.get(`${vu.api}/oidc/auth?${params}`);
  await browser.get(interaction); // → the login page
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
  const finished = await browser.post(`${vu.api}/oidc/interaction/${uid}/finish`, {
    poll_token: started.poll_token,
  });
  const callback = new URL(await browser.get(finished.redirect_to));
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${callback.search}`);
  const res = await request(`${vu.api}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: BENCH_CLIENT.redirect_uris[0],
      code_verifier: verifier,
      client_id: BENCH_CLIENT.client_id,
    }).toString(),
  });
  const tokens = (await res.body.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('no id_token');
}
