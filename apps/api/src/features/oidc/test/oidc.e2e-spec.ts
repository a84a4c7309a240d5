import * as client from 'openid-client';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import { RegisteredPhone, registerPhone, signIn } from '@test-support/flows';
import { totpCode } from '@test-support/totp';
import { CookieBrowser } from '@test-support/browser';
import { CALLBACK, authorization, signInThroughPage } from '@test-support/oidc';
import { uniqueIp } from '@test-support/addresses';
import { OidcModelSweeper } from '../oidc-model-sweeper';

const CLIENTS = [
  {
    client_id: 'web-app',
    client_secret: 'web-app-secret-that-is-long-enough-0123456789',
    redirect_uris: [CALLBACK],
    post_logout_redirect_uris: ['https://rp.example/'],
    grant_types: ['authorization_code', 'refresh_token'],
  },
  {
    client_id: 'spa',
    token_endpoint_auth_method: 'none',
    redirect_uris: [CALLBACK],
    grant_types: ['authorization_code'],
  },
  // A stock passport-openidconnect relying party: no PKCE, a nonce, the secret in the body.
  {
    client_id: 'no-pkce',
    client_secret: 'no-pkce-secret-that-is-long-enough-0123456789',
    token_endpoint_auth_method: 'client_secret_post',
    require_pkce: false,
    redirect_uris: [CALLBACK],
  },
];
const env = { OIDC_CLIENTS: JSON.stringify(CLIENTS) };

/** An openid-client configuration for `clientId` from simauth's discovery document. */
async function relyingParty(t: TestApp, clientId = 'web-app'): Promise<client.Configuration> {
  const metadata = CLIENTS.find((c) => c.client_id === clientId)!;
  return client.discovery(
    new URL(t.url),
    clientId,
    metadata.client_secret,
    !metadata.client_secret
      ? client.None()
      : metadata.token_endpoint_auth_method === 'client_secret_post'
        ? client.ClientSecretPost(metadata.client_secret)
        : client.ClientSecretBasic(metadata.client_secret),
    { execute: [client.allowInsecureRequests] },
  );
}

describe('OpenID Provider (openid-client against simauth with the sandbox)', () => {
  let t: TestApp;
  let phone: RegisteredPhone;
  beforeAll(async () => {
    t = await startTestApp({ env });
    phone = await registerPhone(t);
  });
  afterAll(() => t.close());

  it('publishes discovery at PUBLIC_URL with the issuer, PKCE S256 and the phone scope', async () => {
    const rp = await relyingParty(t);
    const meta = rp.serverMetadata();
    expect(meta.issuer).toBe(t.url);
    expect(meta.authorization_endpoint).toBe(`${t.url}/oidc/auth`);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'phone', 'offline_access']),
    );
    // RS256 as OpenID Connect Discovery §3 requires, beside our ES256.
    expect(meta.id_token_signing_alg_values_supported).toEqual(['ES256', 'RS256']);
    // Only what works is advertised: the code flow, and no user_code (CIBA refuses it).
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.grant_types_supported).not.toContain('implicit');
    expect(meta).not.toHaveProperty('backchannel_user_code_parameter_supported');
    // One key set: the provider's JWKS is the one that verifies /v1 id_tokens. A JWK set's order
    // means nothing (RFC 7517 §5) and the provider lists its signing keys first, which differs from
    // /.well-known/jwks.json's oldest-first when two apps starting together each added a key.
    const kids = (set: { keys: { kid: string }[] }) => set.keys.map((k) => k.kid).sort();
    const ours = (await call('GET', `${t.url}/.well-known/jwks.json`)).body;
    const theirs = await (await fetch(meta.jwks_uri!)).json();
    expect(kids(theirs)).toEqual(kids(ours as { keys: { kid: string }[] }));
    expect(JSON.stringify(theirs)).not.toContain('"d"');
  });

  it('signs a person in with code + PKCE through the login page, then userinfo, refresh with rotation, revocation and logout', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, phone);
    expect(callback.searchParams.get('state')).toBe(auth.state);

    const tokens = await client.authorizationCodeGrant(rp, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedNonce: auth.nonce,
      expectedState: auth.state,
    });
    const claims = tokens.claims()!;
    const userId = (
      await t.db.query('SELECT id FROM users WHERE phone_number = $1', [phone.phoneNumber])
    )[0].id;
    expect(claims).toMatchObject({
      iss: t.url,
      aud: 'web-app',
      sub: userId,
      nonce: auth.nonce,
      phone_number: phone.phoneNumber,
      phone_number_verified: true,
      amr: ['sim'],
      acr: 'urn:simauth:acr:sim',
      auth_time: expect.any(Number),
    });

    const info = await client.fetchUserInfo(rp, tokens.access_token, userId);
    expect(info).toEqual({
      sub: userId,
      phone_number: phone.phoneNumber,
      phone_number_verified: true,
    });

    expect(tokens.refresh_token).toBeTruthy();
    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    // Reusing a rotated refresh token is refused and revokes the grant.
    await expect(client.refreshTokenGrant(rp, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(client.refreshTokenGrant(rp, refreshed.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    // A fresh sign-in (the session remembers the person: no page this time) for revocation.
    const again = await authorization(rp);
    const browser = new CookieBrowser();
    const second = await client.authorizationCodeGrant(
      rp,
      await signInThroughPage(t, again, phone, 'approve', browser),
      { pkceCodeVerifier: again.verifier, expectedNonce: again.nonce, expectedState: again.state },
    );
    expect((await client.tokenIntrospection(rp, second.access_token)).active).toBe(true);
    await client.tokenRevocation(rp, second.access_token);
    expect((await client.tokenIntrospection(rp, second.access_token)).active).toBe(false);

    // RP-initiated logout: the confirmation form, then back to the client.
    const logout = client.buildEndSessionUrl(rp, {
      id_token_hint: second.id_token!,
      post_logout_redirect_uri: 'https://rp.example/',
    });
    const confirm = await browser.request(logout.toString());
    expect(confirm.status).toBe(200);
    const form = await confirm.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
    expect(xsrf).toBeTruthy();
    const done = await browser.request(`${t.url}/oidc/session/end/confirm`, {
      form: { xsrf: xsrf!, logout: 'yes' },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('https://rp.example/');
  });

  it('refuses a second use of a code and revokes what the first use issued', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, phone);
    const checks = {
      pkceCodeVerifier: auth.verifier,
      expectedNonce: auth.nonce,
      expectedState: auth.state,
    };
    const first = await client.authorizationCodeGrant(rp, callback, checks);
    await expect(client.authorizationCodeGrant(rp, callback, checks)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await client.tokenIntrospection(rp, first.access_token)).active).toBe(false);
  });

  it('refuses a code with the wrong PKCE verifier', async () => {
    const rp = await relyingParty(t, 'spa');
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, phone);
    await expect(
      client.authorizationCodeGrant(rp, callback, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedNonce: auth.nonce,
        expectedState: auth.state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a public client without PKCE, and a redirect_uri it did not register, without redirecting', async () => {
    const rp = await relyingParty(t, 'spa');
    const noPkce = client.buildAuthorizationUrl(rp, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      state: 's',
    });
    const refused = await new CookieBrowser().request(noPkce.toString());
    expect(refused.status).toBe(303);
    const back = new URL(refused.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(CALLBACK);
    expect(back.searchParams.get('error')).toBe('invalid_request');

    const auth = await authorization(rp, { redirect_uri: 'https://evil.example/callback' });
    const wrong = await new CookieBrowser().request(auth.url.toString());
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('location')).toBeNull();
    expect(await wrong.text()).toContain('redirect_uri');
  });

  it('signs a confidential client with require_pkce false in without PKCE when it sends a nonce', async () => {
    const rp = await relyingParty(t, 'no-pkce');
    const nonce = client.randomNonce();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(rp, {
      redirect_uri: CALLBACK,
      scope: 'openid phone',
      nonce,
      state,
    });
    const callback = await signInThroughPage(t, { url, nonce, state, verifier: '' }, phone);
    const tokens = await client.authorizationCodeGrant(rp, callback, {
      expectedNonce: nonce,
      expectedState: state,
    });
    expect(tokens.claims()).toMatchObject({ aud: 'no-pkce', nonce });
  });

  it('refuses a require_pkce false client without PKCE and without a nonce, and a client without require_pkce that omits PKCE', async () => {
    for (const clientId of ['no-pkce', 'web-app']) {
      const rp = await relyingParty(t, clientId);
      const url = client.buildAuthorizationUrl(rp, {
        redirect_uri: CALLBACK,
        scope: 'openid',
        state: 's',
      });
      const refused = await new CookieBrowser().request(url.toString());
      expect(refused.status).toBe(303);
      const back = new URL(refused.headers.get('location')!);
      expect(back.origin + back.pathname).toBe(CALLBACK);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('error_description')).toBe(
        clientId === 'no-pkce'
          ? 'nonce is required for this client when PKCE is not used'
          : 'Authorization Server policy requires PKCE to be used for this request',
      );
    }
  });

  it('sends the browser back with access_denied when the phone denies', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, phone, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(auth.state);
    await expect(
      client.authorizationCodeGrant(rp, callback, {
        pkceCodeVerifier: auth.verifier,
        expectedState: auth.state,
      }),
    ).rejects.toMatchObject({ error: 'access_denied' });
  });

  it('sends the browser back with access_denied when the person cancels on the login page', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const browser = new CookieBrowser();
    const page = await browser.follow(auth.url.toString(), (u) => new URL(u).pathname === '/login');
    const uid = new URL(page.url).searchParams.get('interaction')!;
    const aborted = await browser.request(`${t.url}/oidc/interaction/${uid}/abort`, { body: {} });
    const { redirect_to } = await aborted.json();
    const back = await browser.follow(new URL(redirect_to, t.url).toString(), (u) =>
      u.startsWith(CALLBACK),
    );
    const callback = new URL(back.url);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toBe(
      'The person cancelled the sign-in.',
    );
    expect(callback.searchParams.get('state')).toBe(auth.state);
  });

  it('sends the browser back with access_denied when the phone picks the wrong number', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, phone, 'wrong-number');
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('signs in with amr otp when the phone approves with an authenticator code instead of a PhoneCheck', async () => {
    const { phone: totpPhone, idToken } = await signIn(t);
    const factor = await call('POST', `${t.url}/v1/factors`, { type: 'totp' }, bearer(idToken));
    await call(
      'POST',
      `${t.url}/v1/factors/${factor.body.factor_id}/activate`,
      { code: await totpCode(factor.body.otpauth_url) },
      bearer(idToken),
    );
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, totpPhone, {
      factorId: factor.body.factor_id,
      // The activation used this period's code; the next period's is accepted too.
      code: await totpCode(factor.body.otpauth_url, 1),
    });
    const tokens = await client.authorizationCodeGrant(rp, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedNonce: auth.nonce,
      expectedState: auth.state,
    });
    expect(tokens.claims()).toMatchObject({ amr: ['otp'], acr: 'urn:simauth:acr:otp' });
  });

  it('refuses an expired code', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const callback = await signInThroughPage(t, auth, phone);
    // Codes live 60 s; this one is made to have lived them (with the library's 15 s of tolerance).
    await t.db.query(
      `UPDATE oidc_models SET expires_at = now() - interval '1 minute',
              payload = jsonb_set(payload, '{exp}', to_jsonb(extract(epoch FROM now())::int - 60))
        WHERE model = 'AuthorizationCode' AND id = $1`,
      [callback.searchParams.get('code')],
    );
    await expect(
      client.authorizationCodeGrant(rp, callback, {
        pkceCodeVerifier: auth.verifier,
        expectedNonce: auth.nonce,
        expectedState: auth.state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('starts the same login for an unknown number as for a known one, and it never finishes', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const browser = new CookieBrowser();
    const page = await browser.follow(auth.url.toString(), (u) => new URL(u).pathname === '/login');
    const uid = new URL(page.url).searchParams.get('interaction')!;
    const started = await browser.request(`${t.url}/oidc/interaction/${uid}/login`, {
      body: { phone_number: uniquePhoneNumber() },
    });
    expect(started.status).toBe(201);
    const login = await started.json();
    expect(Object.keys(login).sort()).toEqual(
      ['expires_at', 'login_id', 'match_number', 'poll_token', 'status'].sort(),
    );
    const early = await browser.request(`${t.url}/oidc/interaction/${uid}/finish`, {
      body: { poll_token: login.poll_token },
    });
    expect(early.status).toBe(409);
    // Its poll token belongs to this interaction only, and the /v1 poll gives no id_token for it.
    const polled = await call(
      'GET',
      `${t.url}/v1/logins/${login.login_id}`,
      undefined,
      bearer(login.poll_token),
    );
    expect(polled.body.id_token).toBeUndefined();
  });

  it('answers 404 to an interaction this browser does not hold', async () => {
    const rp = await relyingParty(t);
    const auth = await authorization(rp);
    const page = await new CookieBrowser().follow(
      auth.url.toString(),
      (u) => new URL(u).pathname === '/login',
    );
    const uid = new URL(page.url).searchParams.get('interaction')!;
    const stranger = await new CookieBrowser().request(`${t.url}/oidc/interaction/${uid}/login`, {
      body: { phone_number: phone.phoneNumber },
    });
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets one api process authorize and another redeem the code (state in Postgres only)', async () => {
    // A second replica of the same deployment: same PUBLIC_URL (issuer), same database.
    const other = await startTestApp({
      env: { ...env, PUBLIC_URL: t.url },
      sharedSandbox: t.sandbox,
    });
    try {
      const rpA = await relyingParty(t);
      const auth = await authorization(rpA);
      // The login page runs on A; the interaction is finished on B; B issues the code.
      const callback = await signInThroughPage(
        t,
        auth,
        phone,
        'approve',
        new CookieBrowser(),
        other,
      );
      // The code is redeemed at B's token endpoint.
      const atB = new client.Configuration(
        {
          ...(JSON.parse(JSON.stringify(rpA.serverMetadata())) as client.ServerMetadata),
          token_endpoint: `${other.url}/oidc/token`,
        },
        'web-app',
        CLIENTS[0].client_secret,
        client.ClientSecretBasic(CLIENTS[0].client_secret!),
      );
      client.allowInsecureRequests(atB);
      await expect(
        client.authorizationCodeGrant(atB, callback, {
          pkceCodeVerifier: auth.verifier,
          expectedNonce: auth.nonce,
          expectedState: auth.state,
        }),
      ).resolves.toMatchObject({ access_token: expect.any(String) });
    } finally {
      await other.close();
    }
  });
});

describe('OpenID Provider rate limits', () => {
  it('counts the authorization endpoint per client address and answers 429 as OAuth does', async () => {
    const t = await startTestApp({
      env: { ...env, RATE_LIMIT_IP: '2/60', TRUST_PROXY: 'loopback' },
    });
    try {
      const rp = await relyingParty(t, 'spa');
      const auth = await authorization(rp);
      // An address no other test uses, as a proxy in front would say.
      const ip = uniqueIp('203.0.1');
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 3; i++) {
        const res = await fetch(auth.url, {
          headers: { 'x-forwarded-for': ip },
          redirect: 'manual',
        });
        statuses.push(res.status);
        if (res.status === 429) refused = res;
      }
      expect(statuses).toEqual([303, 303, 429]);
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused!.json()).toEqual({
        error: 'temporarily_unavailable',
        error_description: expect.stringContaining('Too many requests from this address'),
      });
    } finally {
      await t.close();
    }
  });
});

describe('OpenID Provider storage and start-up', () => {
  it('sweeps models expired over an hour ago in batches, and keeps the rest', async () => {
    const t = await startTestApp({ env });
    try {
      const tag = `sweep-${Date.now()}`;
      await t.db.query(
        `INSERT INTO oidc_models (model, id, payload, expires_at)
         SELECT 'AccessToken', $1 || '-' || g, '{}'::jsonb, now() - interval '2 hours' FROM generate_series(1, 1200) g
         UNION ALL SELECT 'AccessToken', $1 || '-recent', '{}'::jsonb, now() - interval '1 minute'
         UNION ALL SELECT 'AccessToken', $1 || '-live', '{}'::jsonb, now() + interval '1 hour'`,
        [tag],
      );
      expect(await t.app.get(OidcModelSweeper).sweep()).toBeGreaterThanOrEqual(1200);
      const left = await t.db.query(`SELECT id FROM oidc_models WHERE id LIKE $1 || '%'`, [tag]);
      expect(left.map((r: { id: string }) => r.id).sort()).toEqual([
        `${tag}-live`,
        `${tag}-recent`,
      ]);
    } finally {
      await t.close();
    }
  });

  it('registers the two demo clients in sandbox mode when no client is configured', async () => {
    const t = await startTestApp();
    try {
      const demo = await client.discovery(
        new URL(t.url),
        'simauth-demo',
        undefined,
        client.None(),
        {
          execute: [client.allowInsecureRequests],
        },
      );
      const verifier = client.randomPKCECodeVerifier();
      const url = client.buildAuthorizationUrl(demo, {
        redirect_uri: 'http://localhost:8080/callback',
        scope: 'openid phone',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const page = await new CookieBrowser().follow(
        url.toString(),
        (u) => new URL(u).pathname === '/login',
      );
      expect(new URL(page.url).searchParams.get('interaction')).toBeTruthy();

      const secret = 'simauth-demo-ciba-secret-for-the-sandbox-only';
      const ciba = await client.discovery(
        new URL(t.url),
        'simauth-demo-ciba',
        secret,
        client.ClientSecretBasic(secret),
        { execute: [client.allowInsecureRequests] },
      );
      await expect(
        client.initiateBackchannelAuthentication(ciba, {
          scope: 'openid',
          login_hint: uniquePhoneNumber(),
        }),
      ).resolves.toMatchObject({ auth_req_id: expect.any(String) });
    } finally {
      await t.close();
    }
  });

  it('refuses to start with a public client that sets require_pkce false, naming it', async () => {
    const bad = [
      {
        client_id: 'public-no-pkce',
        token_endpoint_auth_method: 'none',
        require_pkce: false,
        redirect_uris: [CALLBACK],
      },
    ];
    await expect(startTestApp({ env: { OIDC_CLIENTS: JSON.stringify(bad) } })).rejects.toThrow(
      /^OIDC client "public-no-pkce": require_pkce: false is allowed only for a confidential client/,
    );
  });

  it('refuses to start with a client the library refuses, naming it', async () => {
    const bad = [
      { client_id: 'fine', token_endpoint_auth_method: 'none', redirect_uris: [CALLBACK] },
      { client_id: 'broken', token_endpoint_auth_method: 'none', redirect_uris: ['not a url'] },
    ];
    await expect(startTestApp({ env: { OIDC_CLIENTS: JSON.stringify(bad) } })).rejects.toThrow(
      /^OIDC client "broken": redirect_uris /,
    );
  });
});
