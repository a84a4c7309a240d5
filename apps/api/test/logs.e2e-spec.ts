// Its own file: Nest's logger is process-wide, so the app whose logs are read must be the only one.
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { registerPhone, registerPhoneWithPush, signIn } from '@test-support/flows';
import { EventStreamClient, eventually } from '@test-support/sse';
import { totpCode } from '@test-support/totp';

describe('logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ logs: sink, env: { LOG_LEVEL: 'trace' } })));
  afterAll(() => t.close());

  it('never hold a token, code, secret, key or full phone number used in a run of every flow', async () => {
    const secrets: string[] = [
      t.config.providers.truId!.clientSecret,
      t.sandbox.options.fcm.accessToken,
    ];
    // A private key's body, not its armour lines.
    secrets.push(t.config.providers.vonage!.privateKey.split('\n')[1]);

    // Registration (with a provider outage on the way).
    const phone = await registerPhone(t);
    secrets.push(phone.deviceToken, phone.phoneNumber);
    await call('POST', `${t.url}/v1/registrations`, {
      phone_number: '+447700905000',
      device_id: 'x',
    });

    // Companion login, live stream included.
    const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    secrets.push(started.body.poll_token);
    const stream = new EventStreamClient(
      `${t.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
    );
    await stream.next();
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/approve`,
      { match_number: started.body.match_number },
      bearer(phone.deviceToken),
    );
    const proof = await openOnDevice(approved.body.check_url, phone.phoneNumber);
    secrets.push(proof.body.code);
    await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/code`,
      proof.body,
      bearer(phone.deviceToken),
    );
    let event;
    while ((event = await stream.next()) && !event.data.id_token);
    secrets.push(event!.data.id_token);

    // Factors, with a wrong code and a forged credential.
    const { idToken } = await signIn(t, phone);
    secrets.push(idToken);
    const factor = (await call('POST', `${t.url}/v1/factors`, { type: 'totp' }, bearer(idToken)))
      .body;
    secrets.push(new URL(factor.otpauth_url).searchParams.get('secret')!);
    const code = await totpCode(factor.otpauth_url);
    secrets.push(code);
    await call(
      'POST',
      `${t.url}/v1/factors/${factor.factor_id}/activate`,
      { code: code === '000000' ? '111111' : '000000' },
      bearer(idToken),
    );
    await call(
      'POST',
      `${t.url}/v1/factors/${factor.factor_id}/activate`,
      { code },
      bearer(idToken),
    );
    await call(
      'PUT',
      `${t.url}/v1/devices/me/push-token`,
      { fcm_token: 'x' },
      bearer(`simauth_dt_${randomUUID()}`),
    );

    // Number verification: the state and the code travel in the callback's query string.
    const nvNumber = uniquePhoneNumber();
    secrets.push(nvNumber);
    const nv = await call('POST', `${t.url}/v1/number-verifications`, { phone_number: nvNumber });
    secrets.push(new URL(nv.body.auth_url).searchParams.get('state')!);
    const redirect = await fetch(nv.body.auth_url, {
      redirect: 'manual',
      headers: { 'X-Sandbox-Sim': nvNumber },
    });
    const callback = new URL(redirect.headers.get('location')!);
    secrets.push(callback.searchParams.get('code')!);
    await call('GET', callback.toString());

    // Every request of the run was logged (so the scan below saw them).
    expect(lines.filter((line) => line.includes('"req"')).length).toBeGreaterThanOrEqual(15);
    const leaks = secrets.filter((s) => s && lines.some((line) => line.includes(s)));
    expect(leaks).toEqual([]);
  });

  it('carry the id of the request they are about, even when written after its answer', async () => {
    const phone = await registerPhoneWithPush(t, 'sandbox-dead');
    const requestId = `start-${randomUUID()}`;
    const started = await call(
      'POST',
      `${t.url}/v1/logins`,
      { phone_number: phone.phoneNumber },
      { 'x-request-id': requestId },
    );
    expect(started.status).toBe(201);
    const mine = () =>
      lines.filter((line) => line.includes(requestId)).map((line) => JSON.parse(line));
    await eventually(async () =>
      expect(mine().map((l) => l.msg)).toEqual(
        expect.arrayContaining(['request completed', 'push token no longer registered; removed']),
      ),
    );
  });
});
