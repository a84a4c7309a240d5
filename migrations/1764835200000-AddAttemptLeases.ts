import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAttemptLeases1764835200000 implements MigrationInterface {
  name = 'AddAttemptLeases1764835200000';

  async up(q: QueryRunner): Promise<void> {
    // A lease on an in-flight step (a provider call after a committed move): while it holds, the
    // process that took it is working; once it lapses, any replica may return the attempt to the
    // status the step started from (the process may have died mid-call).
    await q.query(`ALTER TABLE attempts ADD COLUMN lease_until timestamptz`);
    await q.query(
      `CREATE INDEX attempts_lease_until ON attempts (lease_until) WHERE lease_until IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attempts_lease_until`);
    await q.query(`ALTER TABLE attempts DROP COLUMN lease_until`);
  }
}
