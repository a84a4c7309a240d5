import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SecretBox } from '@simauth/credentials';
import { createDatabase, runMigrations } from '@simauth/database';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { RegisteredPhone, signIn } from '@test-support/flows';
import { eventually } from '@test-support/sse';
import { totpCode } from '@test-support/totp';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { WebhookReceiver } from '@test-support/webhook-receiver';

/**
 * A deployment that ran without TOTP_ENCRYPTION_KEY sealed its TOTP seeds and registered webhook
 * secrets with the key the database kept; production requires the key, so it is set on upgrade.
 * Restarting with it must keep them: the api seals them again with it at start.
 */
describe('TOTP seeds and registered webhook secrets when TOTP_ENCRYPTION_KEY is set later', () => {
  const name = `datakey_${randomBytes(6).toString('hex')}`;
  const dataKeyNow = randomBytes(32);
  let admin: Client;
  let dbUrl: string;
  let receiver: WebhookReceiver;
  let endpointId: string;
  let factor: { factor_id: string; otpauth_url: string };
  let phone: RegisteredPhone;
  let t: TestApp;
  const env = () => ({
    DATABASE_URL: dbUrl,
    OIDC_CLIENTS: JSON.stringify([OPS_CLIENT]),
    // The receiver listens on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
  });

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    dbUrl = await createDatabase(admin, process.env.DATABASE_URL!, name);
    await runMigrations(dbUrl);
    receiver = await WebhookReceiver.start();

    // Before: no TOTP_ENCRYPTION_KEY, so the database keeps the data key.
    const before = await startTestApp({ env: env() });
    try {
      expect(before.config.factors.encryptionKey).toBeUndefined();
      const { phone: registeredPhone, idToken } = await signIn(before);
      phone = registeredPhone;
      const created = await call(
        'POST',
        `${before.url}/v1/factors`,
        { type: 'totp' },
        bearer(idToken),
      );
      factor = created.body as typeof factor;
      const activated = await call(
        'POST',
        `${before.url}/v1/factors/${factor.factor_id}/activate`,
        { code: await totpCode(factor.otpauth_url) },
        bearer(idToken),
      );
      expect(activated.body).toEqual({ status: 'ACTIVE' });
      const registered = await call(
        'POST',
        `${before.url}/admin/v1/webhooks/endpoints`,
        { url: receiver.url, events: ['factor.deleted'], secret: receiver.secret },
        bearer(await adminToken(before.url, 'simauth:admin')),
      );
      expect(registered.status).toBe(201);
      endpointId = registered.body.id;
    } finally {
      await before.close();
    }

    // After the upgrade: TOTP_ENCRYPTION_KEY set, as production requires.
    t = await startTestApp({
      env: { ...env(), TOTP_ENCRYPTION_KEY: dataKeyNow.toString('base64') },
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  it('still verifies a code of a TOTP factor activated before the key was set', async () => {
    const [row] = await t.db.query(`SELECT secret_ciphertext FROM factors WHERE id = $1`, [
      factor.factor_id,
    ]);
    expect(new SecretBox(dataKeyNow).open(row.secret_ciphertext)).toBe(
      new URL(factor.otpauth_url).searchParams.get('secret'),
    );
    // The same person signs in on the upgraded api (an id_token names its issuer, this api).
    const { idToken } = await signIn(t, phone);
    const challenge = await call(
      'POST',
      `${t.url}/v1/factors/${factor.factor_id}/challenges`,
      { message: 'Confirm the transfer' },
      bearer(idToken),
    );
    expect(challenge.status).toBe(201);
    // The activation used this period's code: the next one.
    const res = await call(
      'POST',
      `${t.url}/v1/factors/${factor.factor_id}/challenges/${challenge.body.challenge_id}/verify`,
      { code: await totpCode(factor.otpauth_url, 1) },
      bearer(idToken),
    );
    expect(res.body).toEqual({ status: 'VERIFIED' });
  });

  it('still delivers signed events to an endpoint registered before the key was set, and skips one whose secret no key opens', async () => {
    const [row] = await t.db.query(`SELECT secret_sealed FROM webhook_endpoints WHERE id = $1`, [
      endpointId,
    ]);
    expect(new SecretBox(dataKeyNow).open(row.secret_sealed)).toBe(receiver.secret);
    // An endpoint sealed with a key nobody has: it must not stop the others' deliveries.
    const lost = 'http://127.0.0.1:9/lost-key';
    await t.db.query(
      `INSERT INTO webhook_endpoints (id, url, events, secret_sealed, created_by)
       VALUES ($1, $2, $3, $4, 'test')`,
      [
        randomUUID(),
        lost,
        ['factor.deleted'],
        new SecretBox(randomBytes(32)).seal(`whsec_${randomBytes(32).toString('base64')}`),
      ],
    );
    const { idToken: token } = await signIn(t);
    const created = await call('POST', `${t.url}/v1/factors`, { type: 'totp' }, bearer(token));
    const ops = await adminToken(t.url, 'simauth:admin');
    const deleted = await call(
      'DELETE',
      `${t.url}/admin/v1/factors/${created.body.factor_id}`,
      undefined,
      bearer(ops),
    );
    expect(deleted.status).toBe(204);
    await eventually(async () => {
      expect(
        receiver
          .delivered()
          .filter((r) => r.type === 'factor.deleted')
          .map((r) => ({ verified: r.verified, factorId: r.payload.data.factor_id })),
      ).toEqual([{ verified: true, factorId: created.body.factor_id }]);
    }, 10_000);
    const pending: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM webhook_outbox
        WHERE endpoint = $1 AND delivered_at IS NULL AND dead_at IS NULL`,
      [lost],
    );
    expect(pending[0].n).toBe(1);
  });
});
