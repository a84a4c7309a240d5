import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { registerPhone, signIn } from '@test-support/flows';
import { uniquePhoneNumber } from '@test-support/device';
import { OPS_CLIENT, adminToken as issueAdminToken } from '@test-support/admin';

const OPS = OPS_CLIENT;

/** The admin API, with tokens from simauth's own token endpoint (openid-client, client_credentials). */
describe('admin API (/admin/v1)', () => {
  let t: TestApp;
  let replica: TestApp;
  let token: string;
  beforeAll(async () => {
    const env = { OIDC_CLIENTS: JSON.stringify([OPS]) };
    t = await startTestApp({ env });
    replica = await startTestApp({ env, sharedSandbox: t.sandbox });
    token = await adminToken('simauth:admin');
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  const adminToken = (scope: string) => issueAdminToken(t.url, scope);
  const admin = (method: string, path: string, auth = token) =>
    call(method, `${t.url}/admin/v1${path}`, undefined, bearer(auth));

  it('finds a user by phone number, in any spelling, with devices, factors and attempts', async () => {
    const phone = await registerPhone(t);
    const found = await admin(
      'GET',
      `/users?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
    );
    expect(found.status).toBe(200);
    // Masked: this token lacks simauth:admin:phone_numbers.
    expect(found.body).toMatchObject({
      phone_number: `+44${'*'.repeat(phone.phoneNumber.length - 5)}${phone.phoneNumber.slice(-2)}`,
      blocked: false,
    });
    const spelled = phone.phoneNumber.replace('+44', '+440');
    expect((await admin('GET', `/users?phone_number=${encodeURIComponent(spelled)}`)).body).toEqual(
      found.body,
    );
    const user = await admin('GET', `/users/${found.body.user_id}`);
    expect(user.body.devices).toEqual([
      expect.objectContaining({ client_device_id: phone.deviceId, proven_by: 'sim' }),
    ]);
    expect(user.body.recent_attempts[0]).toMatchObject({
      kind: 'registration',
      status: 'MATCH_SUCCESS',
    });
    const attempt = await admin('GET', `/attempts/${user.body.recent_attempts[0].attempt_id}`);
    expect(attempt.body.events.map((e: { to_status: string }) => e.to_status)).toEqual([
      'CHECK_CREATED',
      'MATCH_SUCCESS',
    ]);
    expect(
      (await admin('GET', `/users?phone_number=${encodeURIComponent(uniquePhoneNumber())}`)).status,
    ).toBe(404);
    // Every call is on record, with the client that made it.
    const actions = await t.db.query(
      `SELECT action FROM admin_actions WHERE client_id = 'ops' AND target = $1 ORDER BY id`,
      [found.body.user_id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'user.find',
      'user.find',
      'user.read',
    ]);
  });

  it('blocks a user: their login is answered exactly like an unknown number, with no push; unblock restores it', async () => {
    const phone = await registerPhone(t);
    const { body: user } = await admin(
      'GET',
      `/users?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
    );
    expect(
      (
        await call(
          'POST',
          `${t.url}/admin/v1/users/${user.user_id}/block`,
          undefined,
          bearer(token),
        )
      ).body,
    ).toMatchObject({
      blocked: true,
    });
    const blocked = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    const unknown = await call('POST', `${t.url}/v1/logins`, { phone_number: uniquePhoneNumber() });
    expect(blocked.status).toBe(unknown.status);
    expect(Object.keys(blocked.body).sort()).toEqual(Object.keys(unknown.body).sort());
    const [row] = await t.db.query('SELECT user_id FROM attempts WHERE id = $1', [
      blocked.body.login_id,
    ]);
    expect(row.user_id).toBeNull();
    expect(
      (await call('GET', `${t.url}/v1/devices/me/logins`, undefined, bearer(phone.deviceToken)))
        .body,
    ).toEqual([]);

    await call('POST', `${t.url}/admin/v1/users/${user.user_id}/unblock`, undefined, bearer(token));
    const again = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    expect(
      (await call('GET', `${t.url}/v1/devices/me/logins`, undefined, bearer(phone.deviceToken)))
        .body,
    ).toEqual([expect.objectContaining({ login_id: again.body.login_id })]);
  });

  it('revokes a device: its next call is 401, on another replica too', async () => {
    const phone = await registerPhone(t);
    const { body: user } = await admin(
      'GET',
      `/users?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
    );
    const [device] = (await admin('GET', `/users/${user.user_id}/devices`)).body as unknown as {
      device_id: string;
    }[];
    // The phone's own call, answered by the other replica.
    const onReplica = async () =>
      (
        await call(
          'GET',
          `${replica.url}/v1/devices/me/logins`,
          undefined,
          bearer(phone.deviceToken),
        )
      ).status;
    expect(await onReplica()).toBe(200);
    expect((await admin('DELETE', `/devices/${device.device_id}`)).status).toBe(204);
    expect(await onReplica()).toBe(401);
    expect((await admin('DELETE', `/devices/${device.device_id}`)).status).toBe(404);
  });

  it('deletes a factor (account recovery)', async () => {
    const { phone, idToken } = await signIn(t);
    const factor = await call('POST', `${t.url}/v1/factors`, { type: 'totp' }, bearer(idToken));
    const { body: user } = await admin(
      'GET',
      `/users?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
    );
    expect((await admin('GET', `/users/${user.user_id}/factors`)).body).toHaveLength(1);
    expect((await admin('DELETE', `/factors/${factor.body.factor_id}`)).status).toBe(204);
    expect((await admin('GET', `/users/${user.user_id}/factors`)).body).toEqual([]);
  });

  it('refuses calls without an admin token (401) and tokens without the scope (403)', async () => {
    const { idToken } = await signIn(t);
    const path = `/users?phone_number=${encodeURIComponent(uniquePhoneNumber())}`;
    expect((await call('GET', `${t.url}/admin/v1${path}`)).status).toBe(401);
    expect((await admin('GET', path, 'not-a-token')).status).toBe(401);
    // A user's id_token is a JWT of the same keys, but not for this audience.
    expect((await admin('GET', path, idToken)).status).toBe(401);
    expect((await admin('GET', path, await adminToken(''))).status).toBe(403);
  });
});
