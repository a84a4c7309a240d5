import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRateLimits1764057600000 implements MigrationInterface {
  name = 'CreateRateLimits1764057600000';

  async up(q: QueryRunner): Promise<void> {
    // Fixed-window counters shared by every replica; the key names the limit and its subject.
    await q.query(`
      CREATE TABLE rate_limits (
        key          text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        hits         integer NOT NULL
      )`);
    await q.query(`CREATE INDEX rate_limits_window_idx ON rate_limits (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
  }
}
