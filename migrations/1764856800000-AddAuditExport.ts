import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuditExport1764856800000 implements MigrationInterface {
  name = 'AddAuditExport1764856800000';

  async up(q: QueryRunner): Promise<void> {
    // The audit export reads events in the order of the transactions that wrote them, and only
    // those older than every transaction still running: a cursor then never skips an event that
    // commits late (a bigserial id or a timestamp can be overtaken by a later commit).
    for (const table of ['attempt_events', 'admin_actions']) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id()`,
      );
      await q.query(`CREATE INDEX ${table}_tx_idx ON ${table} (tx, id)`);
    }
    // Retention (AUDIT_RETENTION_DAYS) deletes by age: BRIN indexes cost next to nothing to keep
    // on rows written in time order.
    await q.query(`CREATE INDEX attempts_created_brin ON attempts USING brin (created_at)`);
    await q.query(`CREATE INDEX admin_actions_at_brin ON admin_actions USING brin (at)`);
    // The admin API searches attempts by number and by user, newest first.
    await q.query(
      `CREATE INDEX attempts_phone_idx ON attempts (phone_number, created_at DESC, id DESC)
        WHERE phone_number IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX attempts_user_idx ON attempts (user_id, created_at DESC, id DESC)
        WHERE user_id IS NOT NULL`,
    );
    // The admin API lists a user's OpenID sessions and grants.
    await q.query(
      `CREATE INDEX oidc_models_account_idx ON oidc_models (model, (payload ->> 'accountId'))
        WHERE model IN ('Session', 'Grant')`,
    );
    // The admin API finds a webhook delivery by its webhook-id (to redeliver it).
    await q.query(`CREATE UNIQUE INDEX webhook_outbox_message_idx ON webhook_outbox (message_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_outbox_message_idx`);
    await q.query(`DROP INDEX oidc_models_account_idx`);
    await q.query(`DROP INDEX attempts_user_idx`);
    await q.query(`DROP INDEX attempts_phone_idx`);
    await q.query(`DROP INDEX admin_actions_at_brin`);
    await q.query(`DROP INDEX attempts_created_brin`);
    for (const table of ['attempt_events', 'admin_actions']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN tx`);
    }
  }
}
