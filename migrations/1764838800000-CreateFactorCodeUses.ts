import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFactorCodeUses1764838800000 implements MigrationInterface {
  name = 'CreateFactorCodeUses1764838800000';

  async up(q: QueryRunner): Promise<void> {
    // Codes tru.ID accepted for a factor, kept (hashed) while they could still be valid: tru.ID
    // holds the seed, so we cannot keep a time step as for local TOTP, and a code accepted once
    // must not be accepted again for another challenge. Each insert prunes its factor's expired
    // rows, so the table holds at most the codes of the last minutes.
    await q.query(`
      CREATE TABLE factor_code_uses (
        factor_id  uuid NOT NULL REFERENCES factors (id) ON DELETE CASCADE,
        code_hash  bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (factor_id, code_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE factor_code_uses`);
  }
}
