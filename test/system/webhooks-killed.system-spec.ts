import { startApiProcess } from '@test-support/api-process';
import { registerPhone } from '@test-support/flows';
import { TestApp } from '@test-support/test-app';
import { eventually } from '@test-support/sse';
import { WebhookReceiver } from '@test-support/webhook-receiver';

describe('a webhook whose api process is SIGKILLed mid-delivery', () => {
  it('is delivered by another process once the lease lapses, under the same webhook-id', async () => {
    const receiver = await WebhookReceiver.start();
    // The first delivery is kept open: the process making it is killed meanwhile.
    receiver.hold = (n) => n === 0;
    const env = {
      // A short timeout, so a short lease: the other process takes the row over soon.
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOKS: JSON.stringify([
        { url: receiver.url, secret: receiver.secret, events: ['registration.succeeded'] },
      ]),
    };
    const a = await startApiProcess(env);
    const b = await startApiProcess(env);
    try {
      await registerPhone({ url: a.url } as TestApp);
      await eventually(async () => expect(receiver.received).toHaveLength(1), 10_000);
      a.child.kill('SIGKILL');
      await new Promise((r) =>
        a.child.exitCode !== null ? r(undefined) : a.child.once('exit', r),
      );

      await eventually(async () => expect(receiver.delivered()).toHaveLength(1), 30_000);
      const [held, again] = receiver.received;
      expect(again.id).toBe(held.id);
      expect(again).toMatchObject({ type: 'registration.succeeded', verified: true, status: 200 });
    } finally {
      for (const p of [a, b]) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await receiver.close();
    }
  }, 90_000);
});
