import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhookEndpoints1764864000000 implements MigrationInterface {
  name = 'CreateWebhookEndpoints1764864000000';

  async up(q: QueryRunner): Promise<void> {
    // Webhook endpoints registered through the admin API (those of WEBHOOKS stay in the
    // configuration). The signing secret is sealed with the data key (TOTP_ENCRYPTION_KEY):
    // a copy of the database alone cannot sign a webhook.
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id            uuid PRIMARY KEY,
        url           text NOT NULL UNIQUE,
        events        text[] NOT NULL,
        secret_sealed bytea NOT NULL,
        created_by    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
