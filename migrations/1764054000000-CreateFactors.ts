import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFactors1764054000000 implements MigrationInterface {
  name = 'CreateFactors1764054000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE factors (
        id                 uuid PRIMARY KEY,
        user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type               text NOT NULL CHECK (type IN ('truid', 'totp')),
        status             text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'INACTIVE')),
        -- tru.ID's factor_id for truid factors
        provider_factor_id text UNIQUE,
        -- TOTP secret of local factors, AES-256-GCM (iv | tag | ciphertext)
        secret_ciphertext  bytea,
        -- the newest TOTP time step accepted: a code is single use within its window
        last_time_step     bigint,
        failed_codes       integer NOT NULL DEFAULT 0,
        locked_until       timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX factors_user_idx ON factors (user_id)`);
    // Each signed provider callback is accepted once; a replay finds its signature here.
    await q.query(`
      CREATE TABLE callback_receipts (
        signature_hash bytea PRIMARY KEY,
        received_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE callback_receipts`);
    await q.query(`DROP TABLE factors`);
  }
}
