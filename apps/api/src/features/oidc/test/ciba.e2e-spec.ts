import * as client from 'openid-client';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import {
  RegisteredPhone,
  approveOnPhone,
  nextPush,
  registerPhoneWithPush,
} from '@test-support/flows';
import { eventually } from '@test-support/sse';
import { CibaService } from '../ciba.service';

const CIBA = 'urn:openid:params:grant-type:ciba';
const SECRET = 'call-centre-secret-that-is-long-enough-0123456789';

// Ping mode needs an https notification endpoint: test/system/ciba-ping.system-spec.ts.
describe('CIBA (backchannel authentication) with openid-client', () => {
  let t: TestApp;
  let phone: RegisteredPhone & { pushToken: string };

  const rp = (clientId: string) =>
    client.discovery(new URL(t.url), clientId, SECRET, client.ClientSecretBasic(SECRET), {
      execute: [client.allowInsecureRequests],
    });

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        OIDC_CLIENTS: JSON.stringify([
          {
            client_id: 'call-centre',
            client_secret: SECRET,
            grant_types: [CIBA],
            response_types: [],
            redirect_uris: [],
            backchannel_token_delivery_mode: 'poll',
          },
        ]),
      },
    });
    phone = await registerPhoneWithPush(t);
  });
  afterAll(() => t.close());

  /** The login in the phone's pending list that carries this binding message. */
  async function pendingWith(
    bindingMessage: string,
  ): Promise<{ login_id: string; match_numbers: number[]; expires_at: string }> {
    const pending = await call(
      'GET',
      `${t.url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    const login = pending.body.find(
      (l: { binding_message?: string }) => l.binding_message === bindingMessage,
    );
    expect(login).toBeDefined();
    return login;
  }

  /** The phone's part: the pending login with this binding message, approved with its number. */
  async function approvePending(bindingMessage: string) {
    const login = await pendingWith(bindingMessage);
    const done = await approveOnPhone(t, phone, login.login_id, Number(bindingMessage));
    expect(done).toEqual({ status: 'MATCH_SUCCESS' });
    return login.login_id;
  }

  /** Waits until the login's outcome was handed to its CIBA request (LISTEN on any replica). */
  const handedOn = (loginId: string) =>
    eventually(async () => {
      const [row] = await t.db.query(
        `SELECT context ? 'ciba_result_delivered' AS done FROM attempts WHERE id = $1`,
        [loginId],
      );
      expect(row.done).toBe(true);
    }, 10_000);

  it('poll mode: a push with the binding message, the number on both screens, then tokens for the phone', async () => {
    const config = await rp('call-centre');
    expect(config.serverMetadata().backchannel_token_delivery_modes_supported).toEqual([
      'poll',
      'ping',
    ]);
    const started = await client.initiateBackchannelAuthentication(config, {
      scope: 'openid phone',
      login_hint: phone.phoneNumber,
      binding_message: '42',
    });
    expect(started).toMatchObject({
      auth_req_id: expect.any(String),
      expires_in: expect.any(Number),
    });
    const push = await nextPush(t, phone.pushToken);
    expect(push.message.data.binding_message).toBe('42');
    expect(push.message.data.match_numbers.split(',').map(Number)).toContain(42);

    const loginId = await approvePending('42');
    await handedOn(loginId);
    const tokens = await client.pollBackchannelAuthenticationGrant(config, {
      ...started,
      interval: 0,
    });
    const userId = (
      await t.db.query('SELECT id FROM users WHERE phone_number = $1', [phone.phoneNumber])
    )[0].id;
    expect(tokens.claims()).toMatchObject({
      sub: userId,
      aud: 'call-centre',
      phone_number: phone.phoneNumber,
      amr: ['sim'],
      acr: 'urn:simauth:acr:sim',
    });
    expect(await client.fetchUserInfo(config, tokens.access_token, userId)).toMatchObject({
      phone_number: phone.phoneNumber,
    });
  });

  it('shows a binding message in words on the phone; the phone then picks the number itself', async () => {
    const config = await rp('call-centre');
    await client.initiateBackchannelAuthentication(config, {
      scope: 'openid',
      login_hint: phone.phoneNumber,
      binding_message: 'Till 4: pay 12.50',
    });
    const login = await pendingWith('Till 4: pay 12.50');
    expect(login).toMatchObject({
      match_numbers: expect.any(Array),
      expires_at: expect.any(String),
    });
  });

  it('ends the request with access_denied when the phone denies', async () => {
    const config = await rp('call-centre');
    const started = await client.initiateBackchannelAuthentication(config, {
      scope: 'openid',
      login_hint: phone.phoneNumber,
      binding_message: '17',
    });
    const login = await pendingWith('17');
    await call('POST', `${t.url}/v1/logins/${login.login_id}/deny`, {}, bearer(phone.deviceToken));
    await handedOn(login.login_id);
    await expect(
      client.pollBackchannelAuthenticationGrant(config, { ...started, interval: 0 }),
    ).rejects.toMatchObject({ error: 'access_denied' });
  });

  it('answers an unknown number exactly as a known one: a request that stays pending', async () => {
    const config = await rp('call-centre');
    const pollOnce = async (authReqId: string) => {
      const res = await fetch(`${t.url}/oidc/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`call-centre:${SECRET}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: CIBA, auth_req_id: authReqId }),
      });
      return { status: res.status, body: await res.json() };
    };
    const known = await client.initiateBackchannelAuthentication(config, {
      scope: 'openid',
      login_hint: phone.phoneNumber,
    });
    const unknown = await client.initiateBackchannelAuthentication(config, {
      scope: 'openid',
      login_hint: uniquePhoneNumber(),
    });
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort());
    expect(unknown.expires_in).toBe(known.expires_in);
    expect(await pollOnce(unknown.auth_req_id)).toEqual(await pollOnce(known.auth_req_id));
    expect((await pollOnce(known.auth_req_id)).body.error).toBe('authorization_pending');
  });

  it('refuses a login_hint that is not a phone number, and a binding message a phone cannot show', async () => {
    const config = await rp('call-centre');
    await expect(
      client.initiateBackchannelAuthentication(config, { scope: 'openid', login_hint: 'alice' }),
    ).rejects.toMatchObject({ error: 'invalid_request' });
    await expect(
      client.initiateBackchannelAuthentication(config, {
        scope: 'openid',
        login_hint: phone.phoneNumber,
        binding_message: '<script>',
      }),
    ).rejects.toMatchObject({ error: 'invalid_binding_message' });
  });

  it('refuses a login_hint no phone can have, saying why, and starts no login for it', async () => {
    const config = await rp('call-centre');
    for (const [hint, reason] of [
      ['+999123456789', 'INVALID_COUNTRY'],
      ['tel:+440000000001', 'INVALID_NUMBER'],
    ]) {
      await expect(
        client.initiateBackchannelAuthentication(config, { scope: 'openid', login_hint: hint }),
      ).rejects.toMatchObject({
        error: 'invalid_request',
        error_description: expect.stringMatching(new RegExp(`^login_hint .+ \\(${reason}\\)$`)),
      });
    }
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM attempts WHERE phone_number = ANY($1)`,
      [['+999123456789', '+440000000001', '+44000000001']],
    );
    expect(count).toBe(0);
  });

  it('answers expired_token to a poll after the request expired', async () => {
    const config = await rp('call-centre');
    const started = await client.initiateBackchannelAuthentication(config, {
      scope: 'openid',
      login_hint: phone.phoneNumber,
    });
    // Its lifetime (the login's) has passed, with the library's 15 s of tolerance.
    await t.db.query(
      `UPDATE oidc_models SET payload = jsonb_set(payload, '{exp}', to_jsonb(extract(epoch FROM now())::int - 60))
        WHERE model = 'BackchannelAuthenticationRequest' AND id = $1`,
      [started.auth_req_id],
    );
    await expect(
      client.pollBackchannelAuthenticationGrant(config, { ...started, interval: 0 }),
    ).rejects.toMatchObject({ error: 'expired_token' });
  });

  it('hands on an outcome the replica that started the login never saw (the sweep)', async () => {
    const config = await rp('call-centre');
    const started = await client.initiateBackchannelAuthentication(config, {
      scope: 'openid',
      login_hint: phone.phoneNumber,
      binding_message: '88',
    });
    const login = await pendingWith('88');
    // As if the process that started it had died: the outcome lands in the database only.
    await t.db.query(`UPDATE attempts SET status = 'DENIED', is_final = true WHERE id = $1`, [
      login.login_id,
    ]);
    expect(await t.app.get(CibaService).sweep()).toBeGreaterThanOrEqual(1);
    await expect(
      client.pollBackchannelAuthenticationGrant(config, { ...started, interval: 0 }),
    ).rejects.toMatchObject({ error: 'access_denied' });
  });
});
