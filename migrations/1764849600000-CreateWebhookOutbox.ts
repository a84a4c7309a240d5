import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhookOutbox1764849600000 implements MigrationInterface {
  name = 'CreateWebhookOutbox1764849600000';

  async up(q: QueryRunner): Promise<void> {
    // The transactional outbox of webhooks: one row per event and endpoint, written by the same
    // statement as the move it reports, so an event exists exactly when its move committed. Any
    // replica delivers it (leased, FOR UPDATE SKIP LOCKED), in order per endpoint and attempt.
    await q.query(`
      CREATE TABLE webhook_outbox (
        id           bigserial PRIMARY KEY,
        message_id   uuid NOT NULL DEFAULT gen_random_uuid(),
        endpoint     text NOT NULL,
        type         text NOT NULL,
        attempt_id   uuid,
        payload      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        tries        integer NOT NULL DEFAULT 0,
        next_try_at  timestamptz NOT NULL DEFAULT now(),
        lease_until  timestamptz,
        delivered_at timestamptz,
        dead_at      timestamptz,
        last_error   text
      )`);
    await q.query(
      `CREATE INDEX webhook_outbox_due ON webhook_outbox (next_try_at)
        WHERE delivered_at IS NULL AND dead_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX webhook_outbox_order ON webhook_outbox (endpoint, attempt_id, id)
        WHERE delivered_at IS NULL AND dead_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_outbox`);
  }
}
