import { TestApp, startTestApp } from '../../../test/support/test-app';
import { registerPhone, approveOnPhone } from '../../../test/support/flows';
import { call } from '../../../test/support/http';
import { eventually } from '../../../test/support/sse';
import { WebhookReceiver } from '../../../test/support/webhook-receiver';

/** Signed webhooks from the outbox the moves write, verified with the Standard Webhooks library. */
describe('webhooks (Standard Webhooks, from a transactional outbox)', () => {
  let receiver: WebhookReceiver;
  let t: TestApp;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({
      env: {
        WEBHOOKS: JSON.stringify([
          {
            url: receiver.url,
            secret: receiver.secret,
            events: ['login.*', 'registration.succeeded'],
          },
        ]),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.answer = () => 200;
  });

  async function signInOnce() {
    const phone = await registerPhone(t);
    const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    expect(
      await approveOnPhone(t, phone, started.body.login_id, started.body.match_number),
    ).toEqual({
      status: 'MATCH_SUCCESS',
    });
    return { phone, loginId: started.body.login_id as string };
  }
  const forAttempt = (id: string) =>
    receiver.delivered().filter((r) => r.payload.data.attempt_id === id);

  it('delivers each move the endpoint takes, signed (verified by the reference library), with what happened', async () => {
    const { loginId } = await signInOnce();
    await eventually(async () => expect(forAttempt(loginId)).toHaveLength(2), 10_000);
    const [approved, succeeded] = forAttempt(loginId);
    expect(approved).toMatchObject({ type: 'login.approved', verified: true });
    expect(succeeded).toMatchObject({ type: 'login.succeeded', verified: true });
    expect(succeeded.payload.data).toMatchObject({
      attempt_id: loginId,
      kind: 'companion_login',
      status: 'MATCH_SUCCESS',
      previous_status: 'MATCH_PENDING',
      user_id: expect.any(String),
      actor: 'provider',
    });
    expect(receiver.delivered().some((r) => r.type === 'registration.succeeded')).toBe(true);
    // Types the endpoint did not ask for are not sent.
    expect(receiver.received.every((r) => r.type !== 'factor.activated')).toBe(true);
    // The endpoint has the event before the dispatcher hears its 200 and marks the row.
    await eventually(async () => {
      const [row] = await t.db.query(
        `SELECT delivered_at, tries FROM webhook_outbox WHERE attempt_id = $1 AND type = 'login.succeeded'`,
        [loginId],
      );
      expect(row.delivered_at).not.toBeNull();
    }, 10_000);
  });

  it('retries with backoff while the endpoint fails, keeps the order per attempt, loses nothing', async () => {
    let failures = 0;
    receiver.answer = () => (failures++ < 3 ? 503 : 200);
    const { loginId } = await signInOnce();
    await eventually(async () => expect(forAttempt(loginId)).toHaveLength(2), 20_000);
    expect(forAttempt(loginId).map((r) => r.type)).toEqual(['login.approved', 'login.succeeded']);
    // Every answered-503 delivery came again under the same webhook-id, and got through.
    const failed = receiver.received.filter((r) => r.status === 503).map((r) => r.id);
    expect(failed).toHaveLength(3);
    await eventually(async () => {
      for (const id of failed) expect(receiver.delivered().map((r) => r.id)).toContain(id);
    }, 20_000);
    const [row] = await t.db.query(
      `SELECT min(tries) AS tries FROM webhook_outbox WHERE attempt_id = $1`,
      [loginId],
    );
    expect(Number(row.tries)).toBeGreaterThanOrEqual(1);
  });

  it('marks a delivery dead after WEBHOOK_MAX_ATTEMPTS tries, and keeps it', async () => {
    const down = await WebhookReceiver.start();
    down.answer = () => 500;
    const app = await startTestApp({
      sharedSandbox: t.sandbox,
      env: {
        WEBHOOK_MAX_ATTEMPTS: '2',
        WEBHOOKS: JSON.stringify([
          { url: down.url, secret: down.secret, events: ['registration.succeeded'] },
        ]),
      },
    });
    try {
      await registerPhone(app);
      await eventually(async () => {
        const [row] = await app.db.query(
          `SELECT tries, dead_at, last_error FROM webhook_outbox WHERE endpoint = $1`,
          [down.url],
        );
        expect(row).toMatchObject({ tries: 2, dead_at: expect.any(Date), last_error: 'HTTP 500' });
      }, 15_000);
      expect(down.received).toHaveLength(2);
    } finally {
      await app.close();
      await down.close();
    }
  });
});
