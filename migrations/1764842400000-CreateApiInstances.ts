import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiInstances1764842400000 implements MigrationInterface {
  name = 'CreateApiInstances1764842400000';

  async up(q: QueryRunner): Promise<void> {
    // One row per running api process, refreshed every 30 s: replicas of one deployment must
    // share one issuer (PUBLIC_URL or JWT_ISSUER), or each refuses the others' tokens. A process
    // that sees a live one with another issuer says so in its log. Rows of processes gone for a
    // day are deleted.
    await q.query(`
      CREATE TABLE api_instances (
        instance_id uuid PRIMARY KEY,
        issuer      text NOT NULL,
        host        text NOT NULL,
        started_at  timestamptz NOT NULL DEFAULT now(),
        seen_at     timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_instances`);
  }
}
