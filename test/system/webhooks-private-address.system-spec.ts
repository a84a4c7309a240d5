import { Pool } from 'pg';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { ApiProcess, startApiProcess } from '@test-support/api-process';
import { registerPhone } from '@test-support/flows';
import { bearer, call } from '@test-support/http';
import { eventually } from '@test-support/sse';
import { TestApp } from '@test-support/test-app';
import { WebhookReceiver } from '@test-support/webhook-receiver';

async function stop(p: ApiProcess): Promise<void> {
  if (p.child.exitCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill('SIGTERM');
  await exited;
}

describe('a registered webhook endpoint whose name resolves to a private address', () => {
  it('is refused at delivery by a process that does not allow private URLs, though it was registered by one that did', async () => {
    const receiver = await WebhookReceiver.start();
    // The same receiver by a name: the check at delivery resolves it (to 127.0.0.1).
    const byName = receiver.url.replace('127.0.0.1', 'localhost');
    const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const clients = { OIDC_CLIENTS: JSON.stringify([OPS_CLIENT]) };
    const allowing = await startApiProcess({ ...clients, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
    let strict: ApiProcess | undefined;
    try {
      const created = await call(
        'POST',
        `${allowing.url}/admin/v1/webhooks/endpoints`,
        { url: byName, events: ['registration.succeeded'], secret: receiver.secret },
        bearer(await adminToken(allowing.url, 'simauth:admin')),
      );
      expect(created.status).toBe(201);
      await stop(allowing);

      strict = await startApiProcess(clients);
      const phone = await registerPhone({ url: strict.url } as TestApp);
      await eventually(async () => {
        const { rows } = await db.query(
          `SELECT o.tries, o.delivered_at, o.last_error FROM webhook_outbox o
             JOIN attempts a ON a.id = o.attempt_id
            WHERE o.endpoint = $1 AND a.phone_number = $2`,
          [byName, phone.phoneNumber],
        );
        expect(rows).toEqual([
          {
            tries: expect.any(Number),
            delivered_at: null,
            last_error: 'refused: not a public address',
          },
        ]);
      }, 20_000);
      expect(receiver.received).toEqual([]);
      expect(strict.output()).toMatch(/webhook delivery refused/);

      const removed = await call(
        'DELETE',
        `${strict.url}/admin/v1/webhooks/endpoints/${created.body.id}`,
        undefined,
        bearer(await adminToken(strict.url, 'simauth:admin')),
      );
      expect(removed.status).toBe(204);
    } finally {
      await stop(allowing);
      if (strict) await stop(strict);
      await db.end();
      await receiver.close();
    }
  }, 90_000);
});
