import { TestApp, startTestApp } from '@test-support/test-app';
import { registerPhone, approveOnPhone } from '@test-support/flows';
import { call } from '@test-support/http';
import { eventually } from '@test-support/sse';
import { WebhookReceiver } from '@test-support/webhook-receiver';

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

/**
 * Each claimed row is delivered on its own: a delivery held open by its endpoint holds up nothing
 * else. WEBHOOK_TIMEOUT_MS is long here, so a held delivery stays open until the test answers it:
 * a dispatcher that waited for it would deliver nothing else meanwhile.
 */
describe('webhook deliveries that hang or fail hold up nothing else', () => {
  const registrationOf = async (t: TestApp, phoneNumber: string): Promise<string> => {
    const [row] = await t.db.query(
      `SELECT id FROM attempts WHERE phone_number = $1 AND kind = 'registration'`,
      [phoneNumber],
    );
    return row.id;
  };
  const endpoint = (r: WebhookReceiver, events: string[]) => ({
    url: r.url,
    secret: r.secret,
    events,
  });

  it('delivers later events to a healthy endpoint while another endpoint holds a delivery open and a third answers 500', async () => {
    const [hanging, failing, healthy] = await Promise.all([
      WebhookReceiver.start(),
      WebhookReceiver.start(),
      WebhookReceiver.start(),
    ]);
    hanging.hold = () => true;
    failing.answer = () => 500;
    const t = await startTestApp({
      env: {
        WEBHOOK_TIMEOUT_MS: '60000',
        WEBHOOKS: JSON.stringify(
          [hanging, failing, healthy].map((r) => endpoint(r, ['registration.succeeded'])),
        ),
      },
    });
    try {
      const first = await registrationOf(t, (await registerPhone(t)).phoneNumber);
      const of = (r: WebhookReceiver, id: string) =>
        r.received.filter((d) => d.payload.data.attempt_id === id);
      await eventually(async () => {
        expect(of(hanging, first)).toEqual([expect.objectContaining({ open: true })]);
        expect(of(failing, first).map((d) => d.status)).toContain(500);
        expect(healthy.delivered().map((d) => d.payload.data.attempt_id)).toContain(first);
      }, 10_000);

      const later = await registrationOf(t, (await registerPhone(t)).phoneNumber);
      await eventually(
        async () =>
          expect(healthy.delivered().map((d) => d.payload.data.attempt_id)).toContain(later),
        10_000,
      );
      // The first delivery to the hanging endpoint is still in flight: nothing waited for it.
      expect(hanging.heldOpen().map((d) => d.payload.data.attempt_id)).toContain(first);
      expect(healthy.delivered().every((d) => d.verified)).toBe(true);
    } finally {
      await t.close();
      await Promise.all([hanging, failing, healthy].map((r) => r.close()));
    }
  });

  it('delivers other attempts to an endpoint while it holds one delivery open, and the held attempt its next event only after it', async () => {
    const receiver = await WebhookReceiver.start();
    let heldOne = false;
    // The first login.approved is held; everything else is answered.
    receiver.hold = (_n, payload) =>
      payload.type === 'login.approved' && !heldOne && (heldOne = true);
    const t = await startTestApp({
      env: {
        WEBHOOK_TIMEOUT_MS: '60000',
        WEBHOOKS: JSON.stringify([endpoint(receiver, ['login.*', 'registration.succeeded'])]),
      },
    });
    try {
      const phone = await registerPhone(t);
      const started = await call('POST', `${t.url}/v1/logins`, {
        phone_number: phone.phoneNumber,
      });
      const loginId = started.body.login_id as string;
      await approveOnPhone(t, phone, loginId, started.body.match_number);
      await eventually(async () => {
        expect(receiver.heldOpen().map((d) => [d.type, d.payload.data.attempt_id])).toEqual([
          ['login.approved', loginId],
        ]);
      }, 10_000);

      const other = await registrationOf(t, (await registerPhone(t)).phoneNumber);
      await eventually(
        async () =>
          expect(receiver.delivered().map((d) => d.payload.data.attempt_id)).toContain(other),
        10_000,
      );
      // Still held, and the login's next event waits behind it (order per attempt).
      expect(receiver.heldOpen().map((d) => d.payload.data.attempt_id)).toEqual([loginId]);
      const ofLogin = () => receiver.received.filter((d) => d.payload.data.attempt_id === loginId);
      expect(ofLogin().map((d) => d.type)).toEqual(['login.approved']);

      receiver.release(200);
      await eventually(
        async () =>
          expect(ofLogin().map((d) => [d.type, d.status])).toEqual([
            ['login.approved', 200],
            ['login.succeeded', 200],
          ]),
        10_000,
      );
    } finally {
      await t.close();
      await receiver.close();
    }
  });

  it('gives up a delivery the endpoint holds after WEBHOOK_TIMEOUT_MS, not the provider timeout, and tries it again under the same webhook-id', async () => {
    const receiver = await WebhookReceiver.start();
    receiver.hold = (n) => n === 0;
    const t = await startTestApp({
      env: {
        // Provider calls may take a minute here; a webhook delivery may not.
        PROVIDER_TIMEOUT_MS: '60000',
        WEBHOOK_TIMEOUT_MS: '500',
        WEBHOOKS: JSON.stringify([endpoint(receiver, ['registration.succeeded'])]),
      },
    });
    try {
      const id = await registrationOf(t, (await registerPhone(t)).phoneNumber);
      await eventually(async () => {
        const [held, again] = receiver.received;
        expect(held).toMatchObject({ open: false, status: 0 });
        expect(again).toMatchObject({ id: held.id, status: 200, verified: true });
        expect(again.payload.data.attempt_id).toBe(id);
      }, 10_000);
      await eventually(async () => {
        const [row] = await t.db.query(
          `SELECT tries, delivered_at FROM webhook_outbox WHERE attempt_id = $1 AND endpoint = $2`,
          [id, receiver.url],
        );
        expect(row).toMatchObject({ tries: 2, delivered_at: expect.any(Date) });
      }, 10_000);
    } finally {
      await t.close();
      await receiver.close();
    }
  });

  it('keeps the later events of an attempt whose delivery is in backoff from being due before it, then delivers them in order', async () => {
    const receiver = await WebhookReceiver.start();
    let failing = true;
    receiver.answer = () => (failing ? 500 : 200);
    const t = await startTestApp({
      env: { WEBHOOKS: JSON.stringify([endpoint(receiver, ['login.*'])]) },
    });
    try {
      const phone = await registerPhone(t);
      const started = await call('POST', `${t.url}/v1/logins`, {
        phone_number: phone.phoneNumber,
      });
      const loginId = started.body.login_id as string;
      await approveOnPhone(t, phone, loginId, started.body.match_number);
      // The second event is not tried (nor walked by every claim) while the first waits to retry.
      await eventually(async () => {
        const rows: { type: string; tries: number; last_error: string; next_try_at: Date }[] =
          await t.db.query(
            `SELECT type, tries, last_error, next_try_at FROM webhook_outbox
              WHERE attempt_id = $1 AND endpoint = $2 ORDER BY id`,
            [loginId, receiver.url],
          );
        expect(rows.map((r) => [r.type, r.tries > 0, r.last_error])).toEqual([
          ['login.approved', true, 'HTTP 500'],
          ['login.succeeded', false, null],
        ]);
        expect(rows[1].next_try_at.getTime()).toBeGreaterThanOrEqual(rows[0].next_try_at.getTime());
      }, 15_000);
      failing = false;
      await eventually(
        async () =>
          expect(
            receiver
              .delivered()
              .filter((d) => d.payload.data.attempt_id === loginId)
              .map((d) => d.type),
          ).toEqual(['login.approved', 'login.succeeded']),
        20_000,
      );
    } finally {
      await t.close();
      await receiver.close();
    }
  });

  it('shows the pending backlog and the oldest pending age in /metrics, read at scrape', async () => {
    const failing = await WebhookReceiver.start();
    failing.answer = () => 500;
    const t = await startTestApp({
      env: { WEBHOOKS: JSON.stringify([endpoint(failing, ['registration.succeeded'])]) },
    });
    try {
      await registerPhone(t);
      await eventually(async () => expect(failing.received.length).toBeGreaterThan(0), 10_000);
      const text = await (await fetch(`${t.url}/metrics`)).text();
      const value = (name: string) =>
        Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
      // At least this suite's row is pending (answered 500, tried again later).
      expect(value('simauth_webhook_backlog')).toBeGreaterThanOrEqual(1);
      expect(value('simauth_webhook_lag_seconds')).toBeGreaterThan(0);
    } finally {
      await t.close();
      await failing.close();
    }
  });
});
