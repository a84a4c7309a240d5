import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAdmin1764853200000 implements MigrationInterface {
  name = 'AddAdmin1764853200000';

  async up(q: QueryRunner): Promise<void> {
    // A blocked user's logins are refused like an unknown number's (the admin API blocks).
    await q.query(`ALTER TABLE users ADD COLUMN blocked_at timestamptz`);
    // Every admin call that reads or changes something: who (the client), what, when, which request.
    await q.query(`
      CREATE TABLE admin_actions (
        id         bigserial PRIMARY KEY,
        client_id  text NOT NULL,
        action     text NOT NULL,
        target     text,
        request_id text,
        at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_actions`);
    await q.query(`ALTER TABLE users DROP COLUMN blocked_at`);
  }
}
