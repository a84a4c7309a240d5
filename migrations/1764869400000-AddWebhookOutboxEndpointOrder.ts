import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWebhookOutboxEndpointOrder1764869400000 implements MigrationInterface {
  name = 'AddWebhookOutboxEndpointOrder1764869400000';

  async up(q: QueryRunner): Promise<void> {
    // The dispatcher claims the oldest due rows of each endpoint up to its free slots: with this
    // index that is a short walk in id order, not a sort of the endpoint's whole backlog.
    await q.query(
      `CREATE INDEX webhook_outbox_endpoint_order ON webhook_outbox (endpoint, id)
        WHERE delivered_at IS NULL AND dead_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_outbox_endpoint_order`);
  }
}
