import { memoryStorage, SimauthPhone, SimauthProblem, SimauthWeb } from '@simauth/client';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { overMobileData, uniquePhoneNumber } from '@test-support/device';
import { bearer, call } from '@test-support/http';
import { startTestApp, TestApp } from '@test-support/test-app';

/** What a call rejected with, which must be a SimauthProblem. */
async function problemOf(call: Promise<unknown>): Promise<SimauthProblem> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SimauthProblem);
  return err as SimauthProblem;
}

describe('@simauth/client when an operator revokes the phone, or the app stops mid-approval', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OIDC_CLIENTS: JSON.stringify([OPS_CLIENT]) } });
  });
  afterAll(() => t.close());

  /** A phone holding the SIM of `number`, registered through the client. */
  async function registeredPhone(number = uniquePhoneNumber()) {
    const storage = memoryStorage();
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage,
      openCheckUrl: overMobileData(number),
    });
    const registered = await phone.register(number);
    return { phone, storage, number, registered };
  }

  it('fails with a 401 problem once the admin API revoked the phone, drops the credential, and registers again to approve the login still waiting', async () => {
    const { phone, storage, number, registered } = await registeredPhone();
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    const revoked = await call(
      'DELETE',
      `${t.url}/admin/v1/devices/${registered.deviceId}`,
      undefined,
      bearer(await adminToken(t.url, 'simauth:admin')),
    );
    expect(revoked.status).toBe(204);

    const refused = await problemOf(phone.approve(login.loginId, login.matchNumber));
    expect(refused.status).toBe(401);
    expect(refused.type).toBe('urn:simauth:problem:unauthorized');
    expect(refused.retryable).toBe(false);
    // As a bank's app would: a credential the server refuses is dropped, not kept for later.
    expect(await phone.isRegistered()).toBe(false);
    expect(await storage.get('simauth.device_token')).toBeNull();
    expect((await problemOf(phone.pendingLogins())).type).toBe(
      'urn:simauth:problem:not-registered',
    );

    // The SIM proves the number again: the user's login, still PENDING, is this phone's to approve.
    expect(await phone.register(number)).toMatchObject({ status: 'MATCH_SUCCESS' });
    expect(await phone.approve(login.loginId, login.matchNumber)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    expect(await web.waitForResult(login)).toEqual({
      status: 'MATCH_SUCCESS',
      idToken: expect.any(String),
    });
  });

  it('drops the credential when a factor call is refused 401 (the phone revoked elsewhere)', async () => {
    const { phone, storage } = await registeredPhone();
    const token = (await storage.get('simauth.device_token'))!;
    // Another copy of the app (a restored backup) revokes the same credential.
    expect((await call('DELETE', `${t.url}/v1/devices/me`, undefined, bearer(token))).status).toBe(
      204,
    );
    expect((await problemOf(phone.factors.list())).status).toBe(401);
    expect(await phone.isRegistered()).toBe(false);
  });

  it('forgets a phone whose credential was revoked already without an error, and keeps nothing of it', async () => {
    const { phone, storage, registered } = await registeredPhone();
    const revoked = await call(
      'DELETE',
      `${t.url}/admin/v1/devices/${registered.deviceId}`,
      undefined,
      bearer(await adminToken(t.url, 'simauth:admin')),
    );
    expect(revoked.status).toBe(204);
    await phone.forget();
    expect(await phone.isRegistered()).toBe(false);
    expect(await storage.get('simauth.device_id')).toBeNull();
  });

  it('resumes a login approved before the app stopped: pendingLogins names its check URL, approve() again is 409, resume() finishes it', async () => {
    const { storage, number } = await registeredPhone();
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    // The app approved, then was killed before it opened the check URL.
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${login.loginId}/approve`,
      { match_number: login.matchNumber },
      bearer((await storage.get('simauth.device_token'))!),
    );
    expect(approved.body).toMatchObject({ status: 'APPROVED', check_url: expect.any(String) });

    // The app starts again, with what its storage kept.
    const restarted = new SimauthPhone({
      baseUrl: t.url,
      storage,
      openCheckUrl: overMobileData(number),
    });
    const [pending] = await restarted.pendingLogins();
    expect(pending).toEqual({
      loginId: login.loginId,
      matchNumbers: expect.arrayContaining([login.matchNumber]),
      expiresAt: login.expiresAt,
      status: 'APPROVED',
      checkUrl: approved.body.check_url,
      checkId: expect.any(String),
      provider: 'truid',
    });
    expect((await problemOf(restarted.approve(login.loginId, login.matchNumber))).status).toBe(409);
    expect(await restarted.resume(pending)).toEqual({ status: 'MATCH_SUCCESS' });
    expect(await web.waitForResult(login)).toEqual({
      status: 'MATCH_SUCCESS',
      idToken: expect.any(String),
    });
    expect(await restarted.pendingLogins()).toEqual([]);
  });

  it('has nothing to resume for a login still PENDING: a problem, and the server is not asked', async () => {
    const { phone, number } = await registeredPhone();
    const login = await new SimauthWeb({ baseUrl: t.url }).startLogin(number);
    const [pending] = await phone.pendingLogins();
    const problem = await problemOf(phone.resume(pending));
    expect(problem.type).toBe('urn:simauth:problem:nothing-to-resume');
    expect(await phone.deny(login.loginId)).toEqual({ status: 'DENIED' });
  });
});
