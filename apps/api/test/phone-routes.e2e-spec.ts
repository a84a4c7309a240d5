import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { approveOnPhone, registerPhone, signIn } from '@test-support/flows';
import { eventually } from '@test-support/sse';
import { totpCode } from '@test-support/totp';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { WebhookReceiver } from '@test-support/webhook-receiver';

const OPS = { ...OPS_CLIENT, client_id: 'ops-phone-routes' };

/** What the client SDK's phone calls besides the flows: revoking itself, and the user's factors. */
describe("the phone's own routes: self-revocation and factors by device credential", () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let ops: string;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({
      env: {
        OIDC_CLIENTS: JSON.stringify([OPS]),
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
        WEBHOOKS: JSON.stringify([
          { url: receiver.url, secret: receiver.secret, events: ['device.revoked', 'factor.*'] },
        ]),
      },
    });
    ops = await adminToken(t.url, 'simauth:admin', OPS);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const delivered = (type: string, match: (data: Record<string, any>) => boolean) =>
    receiver.delivered().filter((r) => r.type === type && match(r.payload.data));
  const factors = (token: string) => call('GET', `${t.url}/v1/factors`, undefined, bearer(token));
  const enrolTotp = async (token: string) =>
    (await call('POST', `${t.url}/v1/factors`, { type: 'totp' }, bearer(token))).body as {
      factor_id: string;
      otpauth_url: string;
    };
  const deleteFactor = (id: string, token: string) =>
    call('DELETE', `${t.url}/v1/factors/${id}`, undefined, bearer(token));
  const userIdOf = async (phoneNumber: string): Promise<string> =>
    (await t.db.query('SELECT id FROM users WHERE phone_number = $1', [phoneNumber]))[0].id;

  describe('DELETE /v1/devices/me', () => {
    it('revokes the calling device: 204, then its credential is refused 401', async () => {
      const phone = await registerPhone(t);
      const auth = bearer(phone.deviceToken);
      const revoked = await call('DELETE', `${t.url}/v1/devices/me`, undefined, auth);
      expect(revoked.status).toBe(204);
      const after = await call('GET', `${t.url}/v1/devices/me/logins`, undefined, auth);
      expect(after.status).toBe(401);
      expect(after.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await call('DELETE', `${t.url}/v1/devices/me`, undefined, auth)).status).toBe(401);
      expect(
        (await call('PUT', `${t.url}/v1/devices/me/push-token`, { fcm_token: 'x' }, auth)).status,
      ).toBe(401);
    });

    it('refuses a call without a device credential with 401', async () => {
      expect((await call('DELETE', `${t.url}/v1/devices/me`)).status).toBe(401);
      const { idToken } = await signIn(t);
      expect(
        (await call('DELETE', `${t.url}/v1/devices/me`, undefined, bearer(idToken))).status,
      ).toBe(401);
    });

    it('sends device.revoked as the admin revocation does, with the device as the actor', async () => {
      const phone = await registerPhone(t);
      const userId = await userIdOf(phone.phoneNumber);
      const [{ id: deviceId }] = await t.db.query(
        'SELECT id FROM devices WHERE user_id = $1 AND client_device_id = $2',
        [userId, phone.deviceId],
      );
      const revoked = await call(
        'DELETE',
        `${t.url}/v1/devices/me`,
        undefined,
        bearer(phone.deviceToken),
      );
      expect(revoked.status).toBe(204);
      await eventually(async () => {
        expect(delivered('device.revoked', (d) => d.device_id === deviceId)).toEqual([
          expect.objectContaining({
            verified: true,
            payload: expect.objectContaining({
              type: 'device.revoked',
              data: {
                device_id: deviceId,
                user_id: userId,
                client_device_id: phone.deviceId,
                actor: 'device',
                request_id: revoked.headers.get('x-request-id'),
              },
            }),
          }),
        ]);
      }, 10_000);
    });

    it("leaves the user's pending login to their other devices: the revoked one can no longer approve it", async () => {
      const kept = await registerPhone(t);
      const leaving = await registerPhone(t, kept.phoneNumber, `dev-${randomUUID()}`);
      const login = await call('POST', `${t.url}/v1/logins`, { phone_number: kept.phoneNumber });
      expect(login.status).toBe(201);
      const id = login.body.login_id;
      expect(
        (await call('DELETE', `${t.url}/v1/devices/me`, undefined, bearer(leaving.deviceToken)))
          .status,
      ).toBe(204);

      const refused = await call(
        'POST',
        `${t.url}/v1/logins/${id}/approve`,
        { match_number: login.body.match_number },
        bearer(leaving.deviceToken),
      );
      expect(refused.status).toBe(401);
      const pending = await call(
        'GET',
        `${t.url}/v1/devices/me/logins`,
        undefined,
        bearer(kept.deviceToken),
      );
      expect(pending.body.map((l: { login_id: string }) => l.login_id)).toContain(id);
      expect(await approveOnPhone(t, kept, id, login.body.match_number)).toEqual(
        expect.objectContaining({ status: 'MATCH_SUCCESS' }),
      );
    });
  });

  describe('the factor routes with a device credential', () => {
    it("enrols, activates, lists and challenges the device's user's factors", async () => {
      const { phone, idToken } = await signIn(t);
      const factor = await enrolTotp(phone.deviceToken);
      expect(factor.otpauth_url).toMatch(/^otpauth:\/\/totp\//);
      const activated = await call(
        'POST',
        `${t.url}/v1/factors/${factor.factor_id}/activate`,
        { code: await totpCode(factor.otpauth_url) },
        bearer(phone.deviceToken),
      );
      expect(activated.body).toEqual({ status: 'ACTIVE' });
      // The same user's factor, seen with their id_token.
      const listed = await factors(idToken);
      expect(listed.body).toEqual([
        expect.objectContaining({ factor_id: factor.factor_id, type: 'totp', status: 'ACTIVE' }),
      ]);
      expect((await factors(phone.deviceToken)).body).toEqual(listed.body);
      const challenge = await call(
        'POST',
        `${t.url}/v1/factors/${factor.factor_id}/challenges`,
        {},
        bearer(phone.deviceToken),
      );
      expect(challenge.status).toBe(201);
    });

    it('refuses a revoked device, an unknown device credential and a blocked user’s device with 401', async () => {
      const revoked = await registerPhone(t);
      await call('DELETE', `${t.url}/v1/devices/me`, undefined, bearer(revoked.deviceToken));
      expect((await factors(revoked.deviceToken)).status).toBe(401);
      expect((await factors(`simauth_dt_${randomUUID().replace(/-/g, '')}`)).status).toBe(401);
      expect((await factors('simauth_dt_not valid')).status).toBe(401);

      const blocked = await registerPhone(t);
      expect((await factors(blocked.deviceToken)).status).toBe(200);
      const userId = await userIdOf(blocked.phoneNumber);
      const block = await call(
        'POST',
        `${t.url}/admin/v1/users/${userId}/block`,
        undefined,
        bearer(ops),
      );
      expect(block.status).toBe(200);
      const refused = await factors(blocked.deviceToken);
      expect(refused.status).toBe(401);
      expect(JSON.stringify(refused.body)).not.toContain(blocked.deviceToken);
    });
  });

  describe('DELETE /v1/factors/{id}', () => {
    it('deletes the user’s own factor with their id_token or a device credential, and sends factor.deleted', async () => {
      const { phone, idToken } = await signIn(t);
      const userId = await userIdOf(phone.phoneNumber);
      const byToken = await enrolTotp(idToken);
      const byDevice = await enrolTotp(idToken);

      const first = await deleteFactor(byToken.factor_id, idToken);
      expect(first.status).toBe(204);
      const second = await deleteFactor(byDevice.factor_id, phone.deviceToken);
      expect(second.status).toBe(204);
      expect((await factors(idToken)).body).toEqual([]);
      expect((await deleteFactor(byToken.factor_id, idToken)).status).toBe(404);

      const deviceId = (await t.db.query('SELECT id FROM devices WHERE user_id = $1', [userId]))[0]
        .id;
      await eventually(async () => {
        expect(
          delivered('factor.deleted', (d) =>
            [byToken.factor_id, byDevice.factor_id].includes(d.factor_id),
          ).map((r) => r.payload.data),
        ).toEqual(
          expect.arrayContaining([
            {
              factor_id: byToken.factor_id,
              user_id: userId,
              type: 'totp',
              status: 'PENDING',
              actor: 'user',
              request_id: first.headers.get('x-request-id'),
            },
            {
              factor_id: byDevice.factor_id,
              user_id: userId,
              type: 'totp',
              status: 'PENDING',
              actor: 'device',
              device_id: deviceId,
              request_id: second.headers.get('x-request-id'),
            },
          ]),
        );
      }, 10_000);
    });

    it("answers 404 for another user's factor, as for an unknown one, and keeps it", async () => {
      const owner = await signIn(t);
      const other = await signIn(t);
      const factor = await enrolTotp(owner.idToken);
      const unknown = await deleteFactor(randomUUID(), other.idToken);
      const foreign = await deleteFactor(factor.factor_id, other.idToken);
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual({ ...unknown.body, request_id: foreign.body.request_id });
      expect((await deleteFactor(factor.factor_id, other.phone.deviceToken)).status).toBe(404);
      expect((await factors(owner.idToken)).body).toEqual([
        expect.objectContaining({ factor_id: factor.factor_id }),
      ]);
      expect(delivered('factor.deleted', (d) => d.factor_id === factor.factor_id)).toEqual([]);
    });

    it('answers 400 naming the id when it is not a UUID, and 401 without a credential', async () => {
      const { idToken } = await signIn(t);
      const bad = await deleteFactor('nope', idToken);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('id');
      expect((await call('DELETE', `${t.url}/v1/factors/${randomUUID()}`)).status).toBe(401);
    });
  });
});
