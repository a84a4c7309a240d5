import * as client from 'openid-client';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import { RegisteredPhone, approveOnPhone, registerPhone } from '@test-support/flows';
import { CALLBACK, authorization, signInThroughPage, startLoginOnPage } from '@test-support/oidc';
import { CookieBrowser } from '@test-support/browser';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { eventually } from '@test-support/sse';
import { recordStatements } from '@test-support/statements';
import { SpentBudgets } from '../../../platform/rate-limits/spent-budgets';

const CIBA = 'urn:openid:params:grant-type:ciba';
// An operators' client of its own: the admin audit suite reads the last action of 'ops'.
const OPS = { ...OPS_CLIENT, client_id: 'ops-oidc-blocked-users' };
const WEB = {
  client_id: 'web-app',
  client_secret: 'web-app-secret-that-is-long-enough-0123456789',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
};
const CALL_CENTRE = {
  client_id: 'call-centre',
  client_secret: 'call-centre-secret-that-is-long-enough-0123456789',
  grant_types: [CIBA],
  response_types: [],
  redirect_uris: [],
  backchannel_token_delivery_mode: 'poll',
};

/** Statements of the api's own background work (sweeps, heartbeats, webhooks), not a request's. */
const BACKGROUND =
  /api_instances|jwt_signing_keys|webhook|callback_receipts|admin_actions|DELETE FROM/;

describe('a blocked user in the OpenID Provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { OIDC_CLIENTS: JSON.stringify([WEB, CALL_CENTRE, OPS]) },
    });
  });
  afterAll(() => t.close());

  const rp = (metadata: { client_id: string; client_secret: string }) =>
    client.discovery(
      new URL(t.url),
      metadata.client_id,
      metadata.client_secret,
      client.ClientSecretBasic(metadata.client_secret),
      { execute: [client.allowInsecureRequests] },
    );

  /** Blocks the user of `phone` through the admin API, as an operator does. */
  async function block(phone: RegisteredPhone): Promise<void> {
    const [user] = await t.db.query('SELECT id FROM users WHERE phone_number = $1', [
      phone.phoneNumber,
    ]);
    const token = await adminToken(t.url, 'simauth:admin', OPS);
    const blocked = await call(
      'POST',
      `${t.url}/admin/v1/users/${user.id}/block`,
      undefined,
      bearer(token),
    );
    expect(blocked.body).toMatchObject({ blocked: true });
  }

  /** The tokens of a sign-in of `phone` through the login page, for the client `web`. */
  async function signedIn(web: client.Configuration, phone: RegisteredPhone) {
    const auth = await authorization(web);
    return client.authorizationCodeGrant(web, await signInThroughPage(t, auth, phone), {
      pkceCodeVerifier: auth.verifier,
      expectedNonce: auth.nonce,
      expectedState: auth.state,
    });
  }

  /** One token endpoint request of the CIBA client: its status and OAuth body. */
  async function pollOnce(authReqId: string): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${t.url}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`call-centre:${CALL_CENTRE.client_secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: CIBA, auth_req_id: authReqId }),
    });
    return { status: res.status, body: await res.json() };
  }

  it('issues no token for a code, and none for a refresh token, once the user is blocked', async () => {
    const phone = await registerPhone(t);
    const web = await rp(WEB);
    const tokens = await signedIn(web, phone);
    expect(tokens.refresh_token).toBeTruthy();
    // A second sign-in reaches the client's callback; its code is redeemed after the block.
    const second = await authorization(web);
    const callback = await signInThroughPage(t, second, phone);

    await block(phone);
    await expect(
      client.authorizationCodeGrant(web, callback, {
        pkceCodeVerifier: second.verifier,
        expectedNonce: second.nonce,
        expectedState: second.state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(client.refreshTokenGrant(web, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('does not finish a sign-in whose login succeeded before the user was blocked', async () => {
    const phone = await registerPhone(t);
    const web = await rp(WEB);
    const auth = await authorization(web);
    const browser = new CookieBrowser();
    const { uid, login } = await startLoginOnPage(t, auth.url, phone, browser);
    expect(await approveOnPhone(t, phone, login.login_id, login.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });

    await block(phone);
    // The page's finish step is refused as for a lapsed login: no provider session, no code.
    const finished = await browser.request(`${t.url}/oidc/interaction/${uid}/finish`, {
      body: { poll_token: login.poll_token },
    });
    expect(finished.status).toBe(409);
    expect(await finished.json()).toMatchObject({ detail: expect.stringMatching(/EXPIRED/) });
  });

  it('gives no code when the user is blocked between the finish and the resume of a sign-in', async () => {
    const phone = await registerPhone(t);
    const web = await rp(WEB);
    const auth = await authorization(web);
    const browser = new CookieBrowser();
    const { uid, login } = await startLoginOnPage(t, auth.url, phone, browser);
    await approveOnPhone(t, phone, login.login_id, login.match_number);
    const finished = await browser.request(`${t.url}/oidc/interaction/${uid}/finish`, {
      body: { poll_token: login.poll_token },
    });
    expect(finished.status).toBe(200);
    const { redirect_to } = (await finished.json()) as { redirect_to: string };

    await block(phone);
    // The resume reads the account with the interaction: a blocked one is no account, so the
    // browser is asked to sign in again (or sent back with an error), never with a code.
    const end = await browser.follow(
      new URL(redirect_to, t.url).toString(),
      (u) => u.startsWith(CALLBACK) || new URL(u).pathname === '/login',
    );
    expect(new URL(end.url).searchParams.get('code')).toBeNull();
    const [codes] = await t.db.query(
      `SELECT count(*)::int AS n FROM oidc_models
        WHERE model = 'AuthorizationCode' AND payload->>'accountId' = (SELECT id::text FROM users WHERE phone_number = $1)`,
      [phone.phoneNumber],
    );
    expect(codes.n).toBe(0);
  });

  it('answers userinfo for an access token issued before the block with 401 invalid_token', async () => {
    const phone = await registerPhone(t);
    const web = await rp(WEB);
    const tokens = await signedIn(web, phone);
    const userinfo = () =>
      fetch(`${t.url}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect((await userinfo()).status).toBe(200);

    await block(phone);
    const refused = await userinfo();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('answers introspection of a blocked user’s access and refresh tokens with active false', async () => {
    const phone = await registerPhone(t);
    const web = await rp(WEB);
    const tokens = await signedIn(web, phone);
    expect((await client.tokenIntrospection(web, tokens.access_token)).active).toBe(true);

    await block(phone);
    expect(await client.tokenIntrospection(web, tokens.access_token)).toEqual({ active: false });
    expect(await client.tokenIntrospection(web, tokens.refresh_token!)).toEqual({
      active: false,
    });
  });

  it('issues no token to a CIBA poll whose login finished before the user was blocked', async () => {
    const phone = await registerPhone(t);
    const ciba = await rp(CALL_CENTRE);
    const started = await client.initiateBackchannelAuthentication(ciba, {
      scope: 'openid',
      login_hint: phone.phoneNumber,
      binding_message: '63',
    });
    const pending = await call(
      'GET',
      `${t.url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    const login = pending.body.find(
      (l: { binding_message?: string }) => l.binding_message === '63',
    );
    expect(await approveOnPhone(t, phone, login.login_id, 63)).toEqual({ status: 'MATCH_SUCCESS' });
    await eventually(async () => {
      const [row] = await t.db.query(
        `SELECT context ? 'ciba_result_delivered' AS done FROM attempts WHERE id = $1`,
        [login.login_id],
      );
      expect(row.done).toBe(true);
    }, 10_000);

    await block(phone);
    expect(await pollOnce(started.auth_req_id)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('answers a CIBA login_hint naming a blocked number exactly as an unknown number, with the same statements', async () => {
    const blocked = await registerPhone(t);
    await block(blocked);
    const ciba = await rp(CALL_CENTRE);

    // Every statement the api sends to Postgres while it answers, values aside; the rate-limit
    // hits of the earlier tests' token requests are sent first (they may wait 100 ms).
    await t.app.get(SpentBudgets).flush();
    const record = recordStatements((text) => !BACKGROUND.test(text));
    const { statements } = record;
    const ask = async (loginHint: string) => {
      statements.length = 0;
      const answer = await client.initiateBackchannelAuthentication(ciba, {
        scope: 'openid',
        login_hint: loginHint,
      });
      return { answer, statements: [...statements].sort() };
    };
    let forBlocked, forUnknown;
    try {
      // A number never seen first, so that neither answer pays for a first use the other skips.
      await ask(uniquePhoneNumber());
      forBlocked = await ask(blocked.phoneNumber);
      forUnknown = await ask(uniquePhoneNumber());
    } finally {
      record.stop();
    }

    expect(Object.keys(forBlocked.answer).sort()).toEqual(Object.keys(forUnknown.answer).sort());
    expect(forBlocked.answer.expires_in).toBe(forUnknown.answer.expires_in);
    expect(forBlocked.statements.length).toBeGreaterThan(0);
    expect(forBlocked.statements).toEqual(forUnknown.statements);
    // Both stay pending, as a request for a number that never approves does.
    const polled = await pollOnce(forBlocked.answer.auth_req_id);
    expect(polled).toEqual(await pollOnce(forUnknown.answer.auth_req_id));
    expect(polled.body).toMatchObject({ error: 'authorization_pending' });
  });
});
