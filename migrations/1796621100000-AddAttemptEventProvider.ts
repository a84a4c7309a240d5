import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAttemptEventProvider1796621100000 implements MigrationInterface {
  name = 'AddAttemptEventProvider1796621100000';

  async up(q: QueryRunner): Promise<void> {
    // The provider whose SIM proof a move records (truid, vonage, twilio; vonage for an SMS
    // code): the audit trail, the admin API and the webhooks say which provider proved an
    // attempt. Null: no provider answered in that move (and every move written before this).
    await q.query(`ALTER TABLE attempt_events ADD COLUMN provider text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attempt_events DROP COLUMN provider`);
  }
}
