import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndDevices1764046800000 implements MigrationInterface {
  name = 'CreateUsersAndDevices1764046800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id           uuid PRIMARY KEY,
        phone_number text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // A device is one app install of one user, proven by a PhoneCheck match at registration.
    await q.query(`
      CREATE TABLE devices (
        id                 uuid PRIMARY KEY,
        user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        client_device_id   text NOT NULL,
        -- sha-256 of the device credential; the credential itself is shown once and never stored
        credential_hash    bytea NOT NULL UNIQUE,
        push_token         text,
        push_token_dead_at timestamptz,
        registered_at      timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, client_device_id)
      )`);
    await q.query(`
      ALTER TABLE attempts
        ADD CONSTRAINT attempts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        ADD CONSTRAINT attempts_device_fk FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE attempts DROP CONSTRAINT attempts_device_fk, DROP CONSTRAINT attempts_user_fk`,
    );
    await q.query(`DROP TABLE devices`);
    await q.query(`DROP TABLE users`);
  }
}
