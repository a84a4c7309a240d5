import { ChildProcess } from 'node:child_process';
import { bearer, call } from '@test-support/http';
import { openOnDevice, realPhoneNumber } from '@test-support/device';
import { EventStreamClient, eventually } from '@test-support/sse';
import { ApiProcess, startApiProcess, startStandaloneSandbox } from '@test-support/api-process';
import { HoldingProxy } from '@test-support/holding-proxy';

describe('an api process killed (SIGKILL) in the middle of a login', () => {
  const processes: ChildProcess[] = [];
  afterAll(() => {
    for (const p of processes) if (p.exitCode === null) p.kill('SIGKILL');
  });

  it('loses nothing: a second process finishes the same login and its stream sees the end', async () => {
    const sandbox = await startStandaloneSandbox();
    processes.push(sandbox.child);
    const [a, b] = await Promise.all([startApiProcess(sandbox.env), startApiProcess(sandbox.env)]);
    processes.push(a.child, b.child);

    const phone = realPhoneNumber();
    const reg = await call('POST', `${a.url}/v1/registrations`, {
      phone_number: phone,
      device_id: 'killed-test',
    });
    const regProof = await openOnDevice(reg.body.check_url, phone);
    const device = (
      await call(
        'POST',
        `${a.url}/v1/registrations/${reg.body.registration_id}/code`,
        regProof.body,
      )
    ).body.device_token;
    const started = await call('POST', `${a.url}/v1/logins`, { phone_number: phone });
    const stream = new EventStreamClient(
      `${b.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
    );
    expect((await stream.next())?.data.status).toBe('PENDING');
    const approved = await call(
      'POST',
      `${a.url}/v1/logins/${started.body.login_id}/approve`,
      { match_number: started.body.match_number },
      bearer(device),
    );
    expect(approved.body.status).toBe('APPROVED');
    const proof = await openOnDevice(approved.body.check_url, phone);

    a.child.kill('SIGKILL');
    await new Promise((r) => (a.child.exitCode !== null ? r(undefined) : a.child.once('exit', r)));

    const done = await call(
      'POST',
      `${b.url}/v1/logins/${started.body.login_id}/code`,
      proof.body,
      bearer(device),
    );
    expect(done.body.status).toBe('MATCH_SUCCESS');
    const seen = [];
    for (let e = await stream.next(); e; e = await stream.next()) seen.push(e.data);
    expect(seen.map((v) => v.status)).toEqual(['APPROVED', 'MATCH_PENDING', 'MATCH_SUCCESS']);
    expect(seen[2].id_token).toEqual(expect.any(String));
  }, 120_000);

  it('a process SIGKILLed while its provider call is in flight: another finishes the login once the lease lapses', async () => {
    const sandbox = await startStandaloneSandbox();
    processes.push(sandbox.child);
    let hold: RegExp | undefined;
    const proxy = await HoldingProxy.start(sandbox.env.TRUID_BASE_URL, (method, path) => {
      if (!hold || method === 'GET' || !hold.test(`${method} ${path}`)) return false;
      hold = undefined;
      return true;
    });
    // A lease of (2 + 2) × 1 s + 2 s = 6 s for both (the SIM-swap check, then the PhoneCheck,
    // each an access token and a call); A reaches tru.ID through the proxy.
    const env = { ...sandbox.env, PROVIDER_TIMEOUT_MS: '1000', ATTEMPT_SWEEP_INTERVAL_MS: '500' };
    const viaProxy = { ...env, TRUID_BASE_URL: proxy.url };
    const [a1, a2, b] = await Promise.all([
      startApiProcess(viaProxy),
      startApiProcess(viaProxy),
      startApiProcess(env),
    ]);
    processes.push(a1.child, a2.child, b.child);
    const kill = async (p: ApiProcess) => {
      p.child.kill('SIGKILL');
      await new Promise((r) =>
        p.child.exitCode !== null ? r(undefined) : p.child.once('exit', r),
      );
    };
    try {
      const phone = realPhoneNumber();
      const reg = await call('POST', `${b.url}/v1/registrations`, {
        phone_number: phone,
        device_id: 'lease-test',
      });
      const regProof = await openOnDevice(reg.body.check_url, phone);
      const device = bearer(
        (
          await call(
            'POST',
            `${b.url}/v1/registrations/${reg.body.registration_id}/code`,
            regProof.body,
          )
        ).body.device_token,
      );

      // 1. A1 dies while tru.ID creates the PhoneCheck: B's sweeper returns the login to PENDING.
      const first = await call('POST', `${b.url}/v1/logins`, { phone_number: phone });
      hold = /^POST \/phone_check\/v0\.2\/checks$/;
      const creating = proxy.nextHeld();
      void call(
        'POST',
        `${a1.url}/v1/logins/${first.body.login_id}/approve`,
        { match_number: first.body.match_number },
        device,
      ).catch(() => undefined);
      await creating;
      await kill(a1);
      await eventually(async () => {
        const list = await call('GET', `${b.url}/v1/devices/me/logins`, undefined, device);
        expect(list.body).toEqual([
          expect.objectContaining({ login_id: first.body.login_id, status: 'PENDING' }),
        ]);
      }, 20_000);
      const approved = await call(
        'POST',
        `${b.url}/v1/logins/${first.body.login_id}/approve`,
        { match_number: first.body.match_number },
        device,
      );
      const proof = await openOnDevice(approved.body.check_url, phone);
      const done = await call(
        'POST',
        `${b.url}/v1/logins/${first.body.login_id}/code`,
        proof.body,
        device,
      );
      expect(done.body.status).toBe('MATCH_SUCCESS');

      // 2. A2 dies while tru.ID exchanges the code: the phone's retry on B takes the step over.
      const second = await call('POST', `${b.url}/v1/logins`, { phone_number: phone });
      const stream = new EventStreamClient(
        `${b.url}/v1/logins/${second.body.login_id}/events?poll_token=${second.body.poll_token}`,
      );
      expect((await stream.next())?.data.status).toBe('PENDING');
      const approved2 = await call(
        'POST',
        `${b.url}/v1/logins/${second.body.login_id}/approve`,
        { match_number: second.body.match_number },
        device,
      );
      const proof2 = await openOnDevice(approved2.body.check_url, phone);
      hold = /^PATCH \/phone_check\/v0\.2\/checks\//;
      const exchanging = proxy.nextHeld();
      void call(
        'POST',
        `${a2.url}/v1/logins/${second.body.login_id}/code`,
        proof2.body,
        device,
      ).catch(() => undefined);
      await exchanging;
      await kill(a2);
      const seen = [];
      // Until the lease lapses the step is A2's: the phone is told to wait.
      const early = await call(
        'POST',
        `${b.url}/v1/logins/${second.body.login_id}/code`,
        proof2.body,
        device,
      );
      expect(early.status).toBe(409);
      expect(Number(early.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Then B's sweeper takes the step over, and the stream says the phone may send the code again.
      for (let e = await stream.next(15_000); e; e = await stream.next(15_000)) {
        seen.push(e.data);
        if (seen.length === 3) break;
      }
      expect(seen.map((v) => v.status)).toEqual(['APPROVED', 'MATCH_PENDING', 'APPROVED']);
      const retried = await call(
        'POST',
        `${b.url}/v1/logins/${second.body.login_id}/code`,
        proof2.body,
        device,
      );
      expect(retried.body.status).toBe('MATCH_SUCCESS');
      for (let e = await stream.next(); e; e = await stream.next()) seen.push(e.data);
      expect(seen.map((v) => v.status)).toEqual([
        'APPROVED',
        'MATCH_PENDING',
        'APPROVED',
        'MATCH_PENDING',
        'MATCH_SUCCESS',
      ]);
      expect(seen[4].id_token).toEqual(expect.any(String));
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
