import {
  memoryStorage,
  parsePushMessage,
  SimauthPhone,
  SimauthProblem,
  SimauthWeb,
} from '@simauth/client';
import { AttemptSweeper } from '@simauth/attempts';
import { overMobileData, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { nextPush } from '@test-support/flows';
import { startTestApp, TestApp } from '@test-support/test-app';
import { totpCode } from '@test-support/totp';

/** What a call rejected with, which must be a SimauthProblem. */
async function problemOf(call: Promise<unknown>): Promise<SimauthProblem> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SimauthProblem);
  return err as SimauthProblem;
}

describe('@simauth/client against a running api and the sandbox', () => {
  let t: TestApp;
  let limited: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    limited = await startTestApp({
      sharedSandbox: t.sandbox,
      env: { RATE_LIMIT_PHONE: '1/600' },
    });
  });
  afterAll(async () => {
    await limited.close();
    await t.close();
  });

  /** A phone holding the SIM of `number` (or `sim`), registered through the client. */
  async function registeredPhone(number = uniquePhoneNumber(), sim = number) {
    const storage = memoryStorage();
    const phone = new SimauthPhone({ baseUrl: t.url, storage, openCheckUrl: overMobileData(sim) });
    const registered = await phone.register(number);
    return { phone, storage, number, registered };
  }

  it('registers a phone whose SIM proves the number, and keeps the credential in storage only', async () => {
    const { phone, storage, registered } = await registeredPhone();
    expect(registered).toEqual({
      status: 'MATCH_SUCCESS',
      userId: expect.any(String),
      deviceId: expect.any(String),
    });
    expect(await phone.isRegistered()).toBe(true);
    expect(await storage.get('simauth.device_token')).toMatch(/^simauth_dt_/);
    expect(await storage.get('simauth.device_id')).toBe(registered.deviceId);
  });

  it('forgets the phone: the server revokes the credential, and storage holds nothing of it', async () => {
    const { phone, storage } = await registeredPhone();
    const token = (await storage.get('simauth.device_token'))!;
    await phone.forget();
    expect(await phone.isRegistered()).toBe(false);
    expect(await storage.get('simauth.device_id')).toBeNull();
    const revoked = await fetch(`${t.url}/v1/devices/me/logins`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);
    // A revoked credential is a problem with its status, not a crash.
    await storage.set('simauth.device_token', token);
    expect((await problemOf(phone.pendingLogins())).status).toBe(401);
  });

  it("enrols, activates, lists and deletes the user's TOTP factor with the device credential", async () => {
    const { phone } = await registeredPhone();
    const enrolled = await phone.factors.enrolTotp();
    expect(enrolled.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(
      await phone.factors.activate(enrolled.factorId, await totpCode(enrolled.otpauthUrl!)),
    ).toEqual({ status: 'ACTIVE' });
    expect(await phone.factors.list()).toEqual([
      {
        factorId: enrolled.factorId,
        type: 'totp',
        status: 'ACTIVE',
        createdAt: expect.any(String),
      },
    ]);
    await phone.factors.delete(enrolled.factorId);
    expect(await phone.factors.list()).toEqual([]);
    expect((await problemOf(phone.factors.delete(enrolled.factorId))).status).toBe(404);
  });

  it('answers MATCH_FAILED to a registration from another SIM, and keeps no credential', async () => {
    const storage = memoryStorage();
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage,
      openCheckUrl: overMobileData(uniquePhoneNumber()),
    });
    expect(await phone.register(uniquePhoneNumber())).toEqual({ status: 'MATCH_FAILED' });
    expect(await phone.isRegistered()).toBe(false);
  });

  it('ends a registration over Wi-Fi PROVIDER_ERROR (the check URL answered not_mobile_ip)', async () => {
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(undefined),
    });
    expect(await phone.register(uniquePhoneNumber())).toEqual({ status: 'PROVIDER_ERROR' });
  });

  it('signs in: the web follows the live stream while the phone approves, and gets an id_token', async () => {
    const { phone, number } = await registeredPhone();
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    expect(login).toEqual({
      loginId: expect.any(String),
      matchNumber: expect.any(Number),
      expiresAt: expect.any(String),
      pollToken: expect.any(String),
      status: 'PENDING',
    });
    const statuses: string[] = [];
    let connected!: () => void;
    const watching = new Promise<void>((resolve) => (connected = resolve));
    const result = web.waitForResult(login, {
      onStatus: (s) => {
        statuses.push(s);
        connected();
      },
    });
    // The stream's first event is the login as it is: approve once the web follows it.
    await watching;

    const [pending] = await phone.pendingLogins();
    expect(pending).toEqual({
      loginId: login.loginId,
      matchNumbers: expect.arrayContaining([login.matchNumber]),
      expiresAt: login.expiresAt,
      status: 'PENDING',
    });
    expect(await phone.approve(login.loginId, login.matchNumber)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    const done = await result;
    expect(done).toEqual({ status: 'MATCH_SUCCESS', idToken: expect.any(String) });
    expect(statuses[0]).toBe('PENDING');
    expect(statuses.at(-1)).toBe('MATCH_SUCCESS');
  });

  it('hands the push token over, and parses the login request the push brings', async () => {
    const { phone, number } = await registeredPhone();
    const pushToken = `fcm-${number}`;
    await phone.setPushToken(pushToken);
    const login = await new SimauthWeb({ baseUrl: t.url }).startLogin(number);
    const push = await nextPush(t, pushToken);
    expect(parsePushMessage(push.message.data)).toEqual({
      loginId: login.loginId,
      matchNumbers: expect.arrayContaining([login.matchNumber]),
      expiresAt: login.expiresAt,
    });
    expect(parsePushMessage({ type: 'something_else' })).toBeNull();
  });

  it('answers MATCH_FAILED to an approval proven by another SIM; the web sees it end so', async () => {
    const { storage, number } = await registeredPhone();
    // The same installation, now holding another SIM.
    const wrongSim = new SimauthPhone({
      baseUrl: t.url,
      storage,
      openCheckUrl: overMobileData(uniquePhoneNumber()),
    });
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    expect(await wrongSim.approve(login.loginId, login.matchNumber)).toEqual({
      status: 'MATCH_FAILED',
    });
    expect(await web.waitForResult(login)).toEqual({ status: 'MATCH_FAILED' });
  });

  it('refuses to send a proof the network could not give (Wi-Fi): a check-failed problem', async () => {
    const { storage, number } = await registeredPhone();
    const onWifi = new SimauthPhone({ baseUrl: t.url, storage, openCheckUrl: overMobileData() });
    const login = await new SimauthWeb({ baseUrl: t.url }).startLogin(number);
    const problem = await problemOf(onWifi.approve(login.loginId, login.matchNumber));
    expect(problem.type).toBe('urn:simauth:problem:check-failed');
    expect(problem.detail).toContain('not_mobile_ip');
    expect(problem.retryable).toBe(false);
  });

  it('denies a login; the web, polling, sees DENIED', async () => {
    const { phone, number } = await registeredPhone();
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    expect(await phone.deny(login.loginId)).toEqual({ status: 'DENIED' });
    expect(await web.waitForResult(login, { transport: 'poll' })).toEqual({ status: 'DENIED' });
  });

  it('signs in by polling, where the platform cannot stream, and gets the id_token', async () => {
    const { phone, number } = await registeredPhone();
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    await phone.approve(login.loginId, login.matchNumber);
    expect(await web.waitForResult(login, { transport: 'poll' })).toEqual({
      status: 'MATCH_SUCCESS',
      idToken: expect.any(String),
    });
  });

  it('reads the ended stream where fetch gives no body stream (React Native), and gets the id_token', async () => {
    const { phone, number } = await registeredPhone();
    // React Native's fetch answers with no body stream: only text() and json().
    const noStreams: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      return new Proxy(res, {
        get: (target, name) => {
          if (name === 'body') return null;
          const value = Reflect.get(target, name, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    const web = new SimauthWeb({ baseUrl: t.url, fetch: noStreams });
    const login = await web.startLogin(number);
    const statuses: string[] = [];
    const result = web.waitForResult(login, { onStatus: (s) => statuses.push(s) });
    await phone.approve(login.loginId, login.matchNumber);
    expect(await result).toEqual({ status: 'MATCH_SUCCESS', idToken: expect.any(String) });
    expect(statuses.at(-1)).toBe('MATCH_SUCCESS');
  });

  it('rejects the approval of an expired login with a 410 problem', async () => {
    const { phone, number } = await registeredPhone();
    const login = await new SimauthWeb({ baseUrl: t.url }).startLogin(number);
    // Expired as the clock would have it, without waiting for the clock.
    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      login.loginId,
    ]);
    const problem = await problemOf(phone.approve(login.loginId, login.matchNumber));
    expect(problem.status).toBe(410);
    expect(problem.type).toBe('urn:simauth:problem:attempt-expired');
    expect(problem.retryable).toBe(false);
  });

  it('follows a login nobody approves to EXPIRED, with no id_token', async () => {
    const { number } = await registeredPhone();
    const web = new SimauthWeb({ baseUrl: t.url });
    const login = await web.startLogin(number);
    let connected!: () => void;
    const watching = new Promise<void>((resolve) => (connected = resolve));
    const result = web.waitForResult(login, { onStatus: () => connected() });
    await watching;
    // Expired as the clock would have it, and swept as the schedule would, without waiting.
    await t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      login.loginId,
    ]);
    await t.app.get(AttemptSweeper).sweep();
    expect(await result).toEqual({ status: 'EXPIRED' });
  });

  it('gives a 503 problem with retryAfter when the provider is down, says a retry may help, and keeps no credential', async () => {
    // The sandbox's code exchange answers 503 for a number ending 5030.
    const number = phoneNumberEnding('5030');
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(number),
    });
    const problem = await problemOf(phone.register(number));
    expect(problem.status).toBe(503);
    expect(problem.retryAfter).toBeGreaterThan(0);
    expect(problem.retryable).toBe(true);
    expect(await phone.isRegistered()).toBe(false);
  });

  it('gives a 429 problem with retryAfter, and says a retry may help', async () => {
    const number = uniquePhoneNumber();
    const web = new SimauthWeb({ baseUrl: limited.url });
    await web.startLogin(number).catch(() => undefined);
    const problem = await problemOf(web.startLogin(number));
    expect(problem.status).toBe(429);
    expect(problem.type).toBe('urn:simauth:problem:rate-limited');
    expect(problem.retryAfter).toBeGreaterThan(0);
    expect(problem.retryable).toBe(true);
  });

  it('names the refused field of a 400, and says a network failure may be retried', async () => {
    const web = new SimauthWeb({ baseUrl: t.url });
    const invalid = await problemOf(web.startLogin('not a number'));
    expect(invalid.status).toBe(400);
    expect(invalid.errors).toEqual([expect.objectContaining({ field: 'phone_number' })]);
    const unreachable = new SimauthWeb({ baseUrl: 'http://127.0.0.1:1' });
    const network = await problemOf(unreachable.startLogin(uniquePhoneNumber()));
    expect(network.status).toBe(0);
    expect(network.retryable).toBe(true);
  });

  it('refuses device calls before registration, without asking the server', async () => {
    const phone = new SimauthPhone({
      baseUrl: t.url,
      storage: memoryStorage(),
      openCheckUrl: overMobileData(),
    });
    expect(await phone.isRegistered()).toBe(false);
    expect((await problemOf(phone.pendingLogins())).type).toBe(
      'urn:simauth:problem:not-registered',
    );
  });
});
