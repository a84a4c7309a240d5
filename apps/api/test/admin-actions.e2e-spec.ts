import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { registerPhone, signIn } from '@test-support/flows';
import { eventually } from '@test-support/sse';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { WebhookReceiver } from '@test-support/webhook-receiver';

// A client of its own: other suites read the last admin action of theirs.
const OPS = {
  ...OPS_CLIENT,
  client_id: 'ops-admin-actions',
  scope: 'simauth:admin simauth:admin:phone_numbers',
};

/** Phone numbers in admin answers, and the webhook events of admin actions. */
describe('admin API: masked phone numbers, webhook events of admin actions', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let masked: string;
  let full: string;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({
      env: {
        OIDC_CLIENTS: JSON.stringify([OPS]),
        // The endpoint this suite registers listens on 127.0.0.1.
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
        WEBHOOKS: JSON.stringify([
          {
            url: receiver.url,
            secret: receiver.secret,
            events: ['user.*', 'factor.deleted', 'device.revoked'],
          },
        ]),
      },
    });
    masked = await adminToken(t.url, 'simauth:admin', OPS);
    full = await adminToken(t.url, 'simauth:admin simauth:admin:phone_numbers', OPS);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const admin = (method: string, path: string, token = masked, body?: unknown) =>
    call(method, `${t.url}/admin/v1${path}`, body, bearer(token));
  const maskOf = (phoneNumber: string) =>
    `+44${'*'.repeat(phoneNumber.length - 5)}${phoneNumber.slice(-2)}`;
  async function userOf(phoneNumber: string): Promise<string> {
    return (await admin('GET', `/users?phone_number=${encodeURIComponent(phoneNumber)}`)).body
      .user_id;
  }
  const delivered = (type: string, match: (data: Record<string, any>) => boolean) =>
    receiver.delivered().filter((r) => r.type === type && match(r.payload.data));

  describe('phone numbers', () => {
    it('are masked in every admin answer without simauth:admin:phone_numbers, as in the audit export', async () => {
      const phone = await registerPhone(t);
      const search = `/users?phone_number=${encodeURIComponent(phone.phoneNumber)}`;
      const found = await admin('GET', search);
      expect(found.body.phone_number).toBe(maskOf(phone.phoneNumber));
      const userId = found.body.user_id;
      expect((await admin('GET', `/users/${userId}`)).body.phone_number).toBe(
        maskOf(phone.phoneNumber),
      );
      const attempts = await admin(
        'GET',
        `/attempts?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
      );
      expect(attempts.status).toBe(200);
      expect(attempts.body.items).toEqual([
        expect.objectContaining({ kind: 'registration', phone_number: maskOf(phone.phoneNumber) }),
      ]);
      const attemptId = attempts.body.items[0].attempt_id;
      const attempt = await admin('GET', `/attempts/${attemptId}`);
      expect(attempt.body.phone_number).toBe(maskOf(phone.phoneNumber));
      const blocked = await admin('POST', `/users/${userId}/block`);
      expect(blocked.body).toMatchObject({
        blocked: true,
        phone_number: maskOf(phone.phoneNumber),
      });
      // One masking function: the answers show what the export shows.
      const res = await fetch(`${t.url}/admin/v1/events?limit=10000`, { headers: bearer(masked) });
      const exported = (await res.text())
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .find((line) => line.attempt_id === attemptId);
      expect(exported.phone_number).toBe(attempt.body.phone_number);
      // Nowhere in full.
      for (const body of [found.body, attempts.body, attempt.body, blocked.body])
        expect(JSON.stringify(body)).not.toContain(phone.phoneNumber);
    });

    it('are shown in full to a token with simauth:admin:phone_numbers', async () => {
      const phone = await registerPhone(t);
      const search = `/users?phone_number=${encodeURIComponent(phone.phoneNumber)}`;
      const found = await admin('GET', search, full);
      expect(found.body.phone_number).toBe(phone.phoneNumber);
      expect((await admin('GET', `/users/${found.body.user_id}`, full)).body.phone_number).toBe(
        phone.phoneNumber,
      );
      const attempts = await admin(
        'GET',
        `/attempts?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
        full,
      );
      expect(attempts.body.items[0].phone_number).toBe(phone.phoneNumber);
      const attempt = await admin('GET', `/attempts/${attempts.body.items[0].attempt_id}`, full);
      expect(attempt.body.phone_number).toBe(phone.phoneNumber);
    });
  });

  describe('webhook events', () => {
    it('sends user.blocked and user.unblocked, signed, for a change of state only', async () => {
      const phone = await registerPhone(t);
      const userId = await userOf(phone.phoneNumber);
      const block = await admin('POST', `/users/${userId}/block`);
      await admin('POST', `/users/${userId}/block`);
      await admin('POST', `/users/${userId}/unblock`);
      const forUser = (type: string) => delivered(type, (d) => d.user_id === userId);
      await eventually(async () => {
        expect(forUser('user.blocked')).toHaveLength(1);
        expect(forUser('user.unblocked')).toHaveLength(1);
      }, 10_000);
      const [blocked] = forUser('user.blocked');
      expect(blocked.verified).toBe(true);
      expect(blocked.payload).toEqual({
        type: 'user.blocked',
        timestamp: expect.any(String),
        data: {
          user_id: userId,
          blocked_at: block.body.blocked_at,
          actor: 'admin',
          client_id: OPS.client_id,
          request_id: block.headers.get('x-request-id'),
        },
      });
      expect(forUser('user.unblocked')[0]).toMatchObject({
        verified: true,
        payload: {
          data: { user_id: userId, blocked_at: null, actor: 'admin', client_id: OPS.client_id },
        },
      });
      // The second block changed nothing, and said nothing.
      const rows = await t.db.query(
        `SELECT type FROM webhook_outbox WHERE payload -> 'data' ->> 'user_id' = $1 ORDER BY id`,
        [userId],
      );
      expect(rows.map((r: { type: string }) => r.type)).toEqual(['user.blocked', 'user.unblocked']);
      expect(JSON.stringify(receiver.received)).not.toContain(phone.phoneNumber);
    });

    it('sends device.revoked to WEBHOOKS and to an endpoint registered for it, signed', async () => {
      const other = await WebhookReceiver.start();
      const registered = await admin('POST', '/webhooks/endpoints', masked, {
        url: other.url,
        events: ['device.revoked'],
        secret: other.secret,
      });
      expect(registered.status).toBe(201);
      try {
        const phone = await registerPhone(t);
        const userId = await userOf(phone.phoneNumber);
        const [device] = (await admin('GET', `/users/${userId}/devices`)).body as unknown as {
          device_id: string;
        }[];
        expect((await admin('DELETE', `/devices/${device.device_id}`)).status).toBe(204);
        const expected = {
          type: 'device.revoked',
          verified: true,
          payload: expect.objectContaining({
            type: 'device.revoked',
            data: {
              device_id: device.device_id,
              user_id: userId,
              client_device_id: phone.deviceId,
              actor: 'admin',
              client_id: OPS.client_id,
              request_id: expect.any(String),
            },
          }),
        };
        await eventually(async () => {
          expect(delivered('device.revoked', (d) => d.device_id === device.device_id)).toEqual([
            expect.objectContaining(expected),
          ]);
          expect(
            other.delivered().filter((r) => r.payload.data.device_id === device.device_id),
          ).toEqual([expect.objectContaining(expected)]);
        }, 10_000);
        // A refused action (no such device) writes nothing.
        expect((await admin('DELETE', `/devices/${device.device_id}`)).status).toBe(404);
        // (Endpoints other suites register in the shared database are not counted.)
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM webhook_outbox
            WHERE payload -> 'data' ->> 'device_id' = $1 AND endpoint = ANY($2::text[])`,
          [device.device_id, [receiver.url, other.url]],
        );
        expect(row.n).toBe(2);
      } finally {
        await admin('DELETE', `/webhooks/endpoints/${registered.body.id}`);
        await other.close();
      }
    });

    it('sends factor.deleted, signed', async () => {
      const { phone, idToken } = await signIn(t);
      const factor = await call('POST', `${t.url}/v1/factors`, { type: 'totp' }, bearer(idToken));
      const userId = await userOf(phone.phoneNumber);
      expect((await admin('DELETE', `/factors/${factor.body.factor_id}`)).status).toBe(204);
      await eventually(async () => {
        expect(delivered('factor.deleted', (d) => d.factor_id === factor.body.factor_id)).toEqual([
          expect.objectContaining({
            verified: true,
            payload: expect.objectContaining({
              data: {
                factor_id: factor.body.factor_id,
                user_id: userId,
                type: 'totp',
                status: 'PENDING',
                actor: 'admin',
                client_id: OPS.client_id,
                request_id: expect.any(String),
              },
            }),
          }),
        ]);
      }, 10_000);
    });
  });
});
