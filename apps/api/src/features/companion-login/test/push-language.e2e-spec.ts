import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import { RegisteredPhone, nextPush, registerPhone } from '@test-support/flows';
import { CookieBrowser } from '@test-support/browser';
import { CALLBACK, authorization } from '@test-support/oidc';

const CIBA = 'urn:openid:params:grant-type:ciba';
const SECRET = 'call-centre-secret-that-is-long-enough-0123456789';
const CLIENTS = [
  {
    client_id: 'shop',
    client_name: 'Beispiel Shop',
    token_endpoint_auth_method: 'none',
    redirect_uris: [CALLBACK],
    grant_types: ['authorization_code'],
  },
  {
    client_id: 'call-centre',
    client_name: 'Kundenservice',
    client_secret: SECRET,
    grant_types: [CIBA],
    response_types: [],
    redirect_uris: [],
    backchannel_token_delivery_mode: 'poll',
  },
];

describe("the login request in the phone's language, naming the app (sandbox FCM, real Postgres)", () => {
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify(CLIENTS) } })),
  );
  afterAll(() => t.close());

  /** Registers a phone (with `extra` in the registration's body), then sends its push token. */
  async function phoneWithPush(
    extra: Record<string, unknown> = {},
    pushBody: Record<string, unknown> = {},
  ): Promise<RegisteredPhone & { pushToken: string }> {
    const phone = await registerPhone(t, uniquePhoneNumber(), `dev-${randomUUID()}`, extra);
    const pushToken = `fcm-${randomUUID()}`;
    const res = await setPushToken(phone, pushToken, pushBody);
    expect(res.status).toBe(204);
    return { ...phone, pushToken };
  }
  const setPushToken = (phone: RegisteredPhone, token: string, body: Record<string, unknown>) =>
    call(
      'PUT',
      `${t.url}/v1/devices/me/push-token`,
      { fcm_token: token, ...body },
      bearer(phone.deviceToken),
    );
  /** Starts a companion login on /v1/logins and returns the push it sent to `pushToken`. */
  async function loginPush(phone: RegisteredPhone, pushToken: string) {
    const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    expect(started.status).toBe(201);
    return { loginId: started.body.login_id as string, push: await nextPush(t, pushToken) };
  }

  it('writes the notification in the language the phone registered with, and leaves the data as it was', async () => {
    const phone = await phoneWithPush({ locale: 'de-de' });
    const [row] = await t.db.query('SELECT locale FROM devices WHERE client_device_id = $1', [
      phone.deviceId,
    ]);
    expect(row.locale).toBe('de-DE');
    const { loginId, push } = await loginPush(phone, phone.pushToken);
    expect(push.message.notification).toEqual({
      title: 'Anmeldeanfrage',
      body: 'Jemand meldet sich mit Ihrer Nummer an. Bestätigen Sie nur, wenn Sie es sind.',
    });
    expect(push.message.data).toEqual({
      type: 'login_request',
      login_id: loginId,
      match_numbers: expect.stringMatching(/^\d\d,\d\d,\d\d$/),
      expires_at: expect.any(String),
    });
  });

  it('takes the language sent with a push token, and keeps it when a later token comes without one', async () => {
    const phone = await phoneWithPush();
    expect((await loginPush(phone, phone.pushToken)).push.message.notification.title).toBe(
      'Sign-in request',
    );
    const french = `fcm-${randomUUID()}`;
    expect((await setPushToken(phone, french, { locale: 'fr-ca' })).status).toBe(204);
    const [stored] = await t.db.query('SELECT locale FROM devices WHERE push_token = $1', [french]);
    expect(stored.locale).toBe('fr-CA');
    expect((await loginPush(phone, french)).push.message.notification).toEqual({
      title: 'Demande de connexion',
      body: 'Quelqu’un se connecte avec votre numéro. N’approuvez que si c’est vous.',
    });
    const later = `fcm-${randomUUID()}`;
    expect((await setPushToken(phone, later, {})).status).toBe(204);
    expect((await loginPush(phone, later)).push.message.notification.title).toBe(
      'Demande de connexion',
    );
  });

  it('writes in English for a language the catalogs lack', async () => {
    const phone = await phoneWithPush({}, { locale: 'ja-JP' });
    expect((await loginPush(phone, phone.pushToken)).push.message.notification).toEqual({
      title: 'Sign-in request',
      body: 'Someone is signing in with your number. Approve only if it is you.',
    });
  });

  it('refuses a locale that is not a BCP 47 tag with a 400 naming the field, and stores nothing', async () => {
    const number = uniquePhoneNumber();
    const registration = await call('POST', `${t.url}/v1/registrations`, {
      phone_number: number,
      device_id: `dev-${randomUUID()}`,
      locale: 'not a language',
    });
    expect(registration.status).toBe(400);
    expect(registration.body.errors.map((e: { field: string }) => e.field)).toEqual(['locale']);
    expect(await t.db.query('SELECT 1 FROM users WHERE phone_number = $1', [number])).toHaveLength(
      0,
    );

    const phone = await phoneWithPush();
    for (const locale of ['x', 'de_DE', 42, 'en-' + 'a'.repeat(40)]) {
      const res = await setPushToken(phone, `fcm-${randomUUID()}`, { locale });
      expect({ locale, status: res.status }).toEqual({ locale, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['locale']);
    }
  });

  it("names the OpenID client on the phone: in the push's data and text, and in the pending list", async () => {
    const phone = await phoneWithPush({ locale: 'de' });
    const rp = await client.discovery(new URL(t.url), 'shop', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
    const auth = await authorization(rp, { ui_locales: 'de' });
    const browser = new CookieBrowser();
    const page = await browser.follow(auth.url.toString(), (u) => new URL(u).pathname === '/login');
    const uid = new URL(page.url).searchParams.get('interaction')!;
    const started = await browser.request(`${t.url}/oidc/interaction/${uid}/login`, {
      body: { phone_number: phone.phoneNumber },
    });
    expect(started.status).toBe(201);
    const { login_id: loginId } = (await started.json()) as { login_id: string };

    const push = await nextPush(t, phone.pushToken);
    expect(push.message.data).toMatchObject({ login_id: loginId, client_name: 'Beispiel Shop' });
    expect(push.message.notification).toEqual({
      title: 'Anmeldeanfrage',
      body: 'Jemand meldet sich mit Ihrer Nummer bei Beispiel Shop an. Bestätigen Sie nur, wenn Sie es sind.',
    });
    const pending = await call(
      'GET',
      `${t.url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    expect(pending.body).toEqual([
      expect.objectContaining({ login_id: loginId, client_name: 'Beispiel Shop' }),
    ]);
  });

  it('names a CIBA client on the phone, and a login the person started on /v1/logins names none', async () => {
    const phone = await phoneWithPush({ locale: 'es' });
    const rp = await client.discovery(
      new URL(t.url),
      'call-centre',
      SECRET,
      client.ClientSecretBasic(SECRET),
      { execute: [client.allowInsecureRequests] },
    );
    await client.initiateBackchannelAuthentication(rp, {
      scope: 'openid phone',
      login_hint: phone.phoneNumber,
      binding_message: '42',
    });
    const push = await nextPush(t, phone.pushToken);
    expect(push.message.data).toMatchObject({
      binding_message: '42',
      client_name: 'Kundenservice',
    });
    expect(push.message.notification.body).toBe(
      'Alguien está iniciando sesión en Kundenservice con tu número. Apruébalo solo si eres tú.',
    );

    const own = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    const pending = await call(
      'GET',
      `${t.url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    const names = Object.fromEntries(
      pending.body.map((l: { login_id: string; client_name?: string }) => [
        l.login_id,
        l.client_name ?? null,
      ]),
    );
    expect(names[own.body.login_id]).toBeNull();
    expect(Object.values(names)).toContain('Kundenservice');
  });
});
