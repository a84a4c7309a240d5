import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { realPhoneNumber } from '@test-support/device';
import { registerPhone, signIn } from '@test-support/flows';

const NOT_CONFIGURED = 'urn:simauth:problem:feature-not-configured';
const TRUID_SETTINGS = 'Set TRUID_CLIENT_ID and TRUID_CLIENT_SECRET (tru.ID) to turn it on.';

describe('a provider without credentials turns its features off (501), never into a sandbox', () => {
  /**
   * tru.ID (the sandbox standing in for a real account), no Vonage, no Firebase. The sandbox does
   * not serve here, so its test numbers are refused: the tests use numbers phones can have.
   */
  let truIdOnly: TestApp;
  /** Vonage and push, no tru.ID; the same database, so phones registered above exist here too. */
  let noTruId: TestApp;
  beforeAll(async () => {
    // One issuer: an id_token from one is valid at the other, as between replicas.
    const env = { JWT_ISSUER: `http://simauth-${randomUUID()}.test` };
    truIdOnly = await startTestApp({ env, withoutProviders: ['vonage', 'push'] });
    noTruId = await startTestApp({ env, withoutProviders: ['truId'] });
  });
  afterAll(async () => {
    await noTruId?.close();
    await truIdOnly?.close();
  });

  it('answers number verification with feature-not-configured, naming the Vonage settings', async () => {
    const started = await call('POST', `${truIdOnly.url}/v1/number-verifications`, {
      phone_number: realPhoneNumber(),
    });
    expect(started.status).toBe(501);
    expect(started.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(started.body).toMatchObject({
      type: NOT_CONFIGURED,
      status: 501,
      feature: 'number verification',
      detail:
        'Not configured on this server: number verification. Set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY (Vonage) to turn it on.',
    });
    const read = await call('GET', `${truIdOnly.url}/v1/number-verifications/${randomUUID()}`);
    expect([read.status, read.body.type]).toEqual([501, NOT_CONFIGURED]);
    expect(truIdOnly.sandbox.store.callsTo('vonage.network_enablement')).toBe(0);
  });

  it('answers registration, coverage and tru.ID callbacks with feature-not-configured without tru.ID', async () => {
    const registration = await call('POST', `${noTruId.url}/v1/registrations`, {
      phone_number: realPhoneNumber(),
      device_id: 'd',
    });
    expect(registration.status).toBe(501);
    expect(registration.body.detail).toBe(
      `Not configured on this server: registration. ${TRUID_SETTINGS}`,
    );
    const coverage = await call('GET', `${noTruId.url}/v1/coverage`);
    expect([coverage.status, coverage.body.detail]).toEqual([
      501,
      `Not configured on this server: coverage. ${TRUID_SETTINGS}`,
    ]);
    const callback = await call('POST', `${noTruId.url}/v1/callbacks/truid/challenges`, {});
    expect([callback.status, callback.body.type]).toEqual([501, NOT_CONFIGURED]);
  });

  it('keeps companion login on without tru.ID, but its SIM proof answers feature-not-configured', async () => {
    const phone = await registerPhone(truIdOnly, realPhoneNumber());
    const started = await call('POST', `${noTruId.url}/v1/logins`, {
      phone_number: phone.phoneNumber,
    });
    expect(started.status).toBe(201);
    const approved = await call(
      'POST',
      `${noTruId.url}/v1/logins/${started.body.login_id}/approve`,
      { match_number: started.body.match_number },
      bearer(phone.deviceToken),
    );
    expect([approved.status, approved.body.detail]).toEqual([
      501,
      `Not configured on this server: login SIM proof. ${TRUID_SETTINGS}`,
    ]);
    // Nothing moved: the login still waits for an approval the phone can give another way.
    const polled = await call(
      'GET',
      `${noTruId.url}/v1/logins/${started.body.login_id}`,
      undefined,
      {
        authorization: `Bearer ${started.body.poll_token}`,
      },
    );
    expect(polled.body.status).toBe('PENDING');
  });

  it('refuses a tru.ID Authenticator factor without tru.ID, where a TOTP factor is still made', async () => {
    const phone = await registerPhone(truIdOnly, realPhoneNumber());
    // Signed in on the deployment that has tru.ID; the id_token is valid on both (one database).
    const { idToken } = await signIn(truIdOnly, phone);
    const truid = await call(
      'POST',
      `${noTruId.url}/v1/factors`,
      { type: 'truid' },
      bearer(idToken),
    );
    expect([truid.status, truid.body.detail]).toEqual([
      501,
      `Not configured on this server: tru.ID Authenticator factors. ${TRUID_SETTINGS}`,
    ]);
    const totp = await call('POST', `${noTruId.url}/v1/factors`, { type: 'totp' }, bearer(idToken));
    expect(totp.status).toBe(201);
  });

  it('says in /health/ready which providers are not configured, and stays ready', async () => {
    const ready = await call('GET', `${truIdOnly.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body.info.providers).toEqual({
      status: 'up',
      tru_id: 'reachable',
      vonage: 'not configured',
      push: 'not configured',
    });
  });

  it('keeps the OpenAPI document and OpenID discovery whole, the 501 documented', async () => {
    const document = (await (await fetch(`${noTruId.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(document.paths['/v1/registrations'].post.responses['501']).toBeDefined();
    expect(document.paths['/v1/number-verifications'].post.responses['501']).toBeDefined();
    const discovery = await call('GET', `${noTruId.url}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(discovery.body.issuer).toBe(noTruId.config.tokens.issuer);
  });

  it('runs companion login without Firebase: no push goes out, the phone reads its pending logins', async () => {
    const phone = {
      ...(await registerPhone(truIdOnly, realPhoneNumber())),
      pushToken: `fcm-${randomUUID()}`,
    };
    const tokenSet = await call(
      'PUT',
      `${truIdOnly.url}/v1/devices/me/push-token`,
      { fcm_token: phone.pushToken },
      bearer(phone.deviceToken),
    );
    expect(tokenSet.status).toBe(204);
    const started = await call('POST', `${truIdOnly.url}/v1/logins`, {
      phone_number: phone.phoneNumber,
    });
    expect(started.status).toBe(201);
    const pending = await call(
      'GET',
      `${truIdOnly.url}/v1/devices/me/logins`,
      undefined,
      bearer(phone.deviceToken),
    );
    expect(pending.body.map((l: { login_id: string }) => l.login_id)).toContain(
      started.body.login_id,
    );
    const inbox = await fetch(
      `${truIdOnly.sandbox.url}/sandbox/fcm/inboxes/${encodeURIComponent(phone.pushToken)}/messages?after=0`,
    );
    expect(((await inbox.json()) as { messages: unknown[] }).messages).toEqual([]);
    expect(truIdOnly.sandbox.store.callsTo('fcm.send')).toBe(0);
  });
});
