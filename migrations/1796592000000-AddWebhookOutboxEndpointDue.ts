import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWebhookOutboxEndpointDue1796592000000 implements MigrationInterface {
  name = 'AddWebhookOutboxEndpointDue1796592000000';

  async up(q: QueryRunner): Promise<void> {
    // The dispatcher claims the longest-due rows of each endpoint up to its free slots: with this
    // index that is a short walk over the due rows only, not a sort of the endpoint's backlog.
    await q.query(
      `CREATE INDEX webhook_outbox_endpoint_due ON webhook_outbox (endpoint, next_try_at, id)
        WHERE delivered_at IS NULL AND dead_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_outbox_endpoint_due`);
  }
}
