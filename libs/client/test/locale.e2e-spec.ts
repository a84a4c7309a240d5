import * as client from 'openid-client';
import { memoryStorage, parsePushMessage, SimauthPhone, SimauthWeb } from '@simauth/client';
import { overMobileData, uniquePhoneNumber } from '@test-support/device';
import { nextPush } from '@test-support/flows';
import { startTestApp, TestApp } from '@test-support/test-app';

const SECRET = 'call-centre-secret-that-is-long-enough-0123456789';

describe("@simauth/client sends the phone's language, and reads the app a login is for", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        OIDC_CLIENTS: JSON.stringify([
          {
            client_id: 'call-centre',
            client_name: 'Beispiel Shop',
            client_secret: SECRET,
            grant_types: ['urn:openid:params:grant-type:ciba'],
            response_types: [],
            redirect_uris: [],
            backchannel_token_delivery_mode: 'poll',
          },
        ]),
      },
    });
  });
  afterAll(() => t.close());

  async function registeredPhone(locale?: string) {
    const number = uniquePhoneNumber();
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(number),
    });
    await phone.register(number, locale ? { locale } : {});
    return { phone, number };
  }

  it('register(number, { locale }) makes the login request arrive in that language', async () => {
    const { phone, number } = await registeredPhone('de-AT');
    const pushToken = `fcm-${number}`;
    await phone.setPushToken(pushToken);
    await new SimauthWeb({ baseUrl: t.url }).startLogin(number);
    expect((await nextPush(t, pushToken)).message.notification.title).toBe('Anmeldeanfrage');
  });

  it('setPushToken(token, { locale }) changes the language', async () => {
    const { phone, number } = await registeredPhone();
    const pushToken = `fcm-es-${number}`;
    await phone.setPushToken(pushToken, { locale: 'es' });
    await new SimauthWeb({ baseUrl: t.url }).startLogin(number);
    expect((await nextPush(t, pushToken)).message.notification.title).toBe(
      'Solicitud de inicio de sesión',
    );
  });

  it("reads the OpenID client's name from the push and from the pending logins", async () => {
    const { phone, number } = await registeredPhone('de');
    const pushToken = `fcm-ciba-${number}`;
    await phone.setPushToken(pushToken);
    const rp = await client.discovery(
      new URL(t.url),
      'call-centre',
      SECRET,
      client.ClientSecretBasic(SECRET),
      { execute: [client.allowInsecureRequests] },
    );
    await client.initiateBackchannelAuthentication(rp, {
      scope: 'openid phone',
      login_hint: number,
    });
    const push = await nextPush(t, pushToken);
    const request = parsePushMessage(push.message.data);
    expect(request).toMatchObject({ clientName: 'Beispiel Shop' });
    expect(await phone.pendingLogins()).toEqual([
      expect.objectContaining({ loginId: request!.loginId, clientName: 'Beispiel Shop' }),
    ]);
  });
});
