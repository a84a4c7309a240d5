import { ChildProcess } from 'node:child_process';
import { ApiProcess, startApiProcess, startStandaloneSandbox } from '@test-support/api-process';
import { HoldingProxy } from '@test-support/holding-proxy';
import { bearer, call } from '@test-support/http';
import { openOnDevice, realPhoneNumber } from '@test-support/device';

/** A live-status stream read as raw text, to see the `retry:` lines the parser drops. */
async function rawStream(url: string): Promise<{ text: () => string; ended: Promise<void> }> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  let text = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  return { text: () => text, ended };
}

/**
 * What the Kubernetes preStop drain and grace period are built on (deploy/kubernetes/base/
 * deployment.yaml): on SIGTERM the api tells stream clients to reconnect at once, lets the
 * requests in flight finish their moves, and exits 0.
 */
describe('an api process stopped with SIGTERM (as Kubernetes stops a pod)', () => {
  const processes: ChildProcess[] = [];
  afterAll(() => {
    for (const p of processes) if (p.exitCode === null) p.kill('SIGKILL');
  });

  it('ends its live-status streams with retry: 100, finishes the approval in flight, and exits 0', async () => {
    const sandbox = await startStandaloneSandbox();
    processes.push(sandbox.child);
    let hold = false;
    const proxy = await HoldingProxy.start(sandbox.env.TRUID_BASE_URL, (method, path) => {
      if (!hold || method !== 'POST' || path !== '/phone_check/v0.2/checks') return false;
      hold = false;
      return true;
    });
    let api: ApiProcess | undefined;
    try {
      api = await startApiProcess({ ...sandbox.env, TRUID_BASE_URL: proxy.url });
      processes.push(api.child);
      const exited = new Promise<number | null>((resolve) => api!.child.once('exit', resolve));

      const phone = realPhoneNumber();
      const reg = await call('POST', `${api.url}/v1/registrations`, {
        phone_number: phone,
        device_id: 'graceful-stop',
      });
      const regProof = await openOnDevice(reg.body.check_url, phone);
      const device = bearer(
        (
          await call(
            'POST',
            `${api.url}/v1/registrations/${reg.body.registration_id}/code`,
            regProof.body,
          )
        ).body.device_token,
      );
      const login = await call('POST', `${api.url}/v1/logins`, { phone_number: phone });
      const stream = await rawStream(
        `${api.url}/v1/logins/${login.body.login_id}/events?poll_token=${login.body.poll_token}`,
      );

      // The phone's approval is in flight: its PhoneCheck is being created at tru.ID.
      hold = true;
      const held = proxy.nextHeld();
      const approving = call(
        'POST',
        `${api.url}/v1/logins/${login.body.login_id}/approve`,
        { match_number: login.body.match_number },
        device,
      );
      const inFlight = await held;

      api.child.kill('SIGTERM');
      await stream.ended;
      expect(stream.text()).toMatch(/retry: 100\n\n$/);

      await inFlight.release();
      const approved = await approving;
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('APPROVED');
      expect(approved.body.check_url).toEqual(expect.any(String));
      expect(await exited).toBe(0);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
