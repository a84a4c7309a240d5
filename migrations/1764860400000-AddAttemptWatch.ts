import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAttemptWatch1764860400000 implements MigrationInterface {
  name = 'AddAttemptWatch1764860400000';

  async up(q: QueryRunner): Promise<void> {
    // A move NOTIFYs only attempts someone watches (a live-status stream, a CIBA request):
    // notifying commits queue on one lock in Postgres, and every api process reads every
    // notification (docs/scaling.md). Attempts in flight at the upgrade keep notifying.
    await q.query(`ALTER TABLE attempts ADD COLUMN watched boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE attempts SET watched = true WHERE NOT is_final`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attempts DROP COLUMN watched`);
  }
}
