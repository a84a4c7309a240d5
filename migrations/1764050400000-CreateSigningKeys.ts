import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSigningKeys1764050400000 implements MigrationInterface {
  name = 'CreateSigningKeys1764050400000';

  async up(q: QueryRunner): Promise<void> {
    // The id_token signing key generated on first start, shared by every replica. Operators who
    // keep keys out of the database set JWT_SIGNING_KEY instead.
    await q.query(`
      CREATE TABLE signing_keys (
        kid             text PRIMARY KEY,
        private_key_pem text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE signing_keys`);
  }
}
