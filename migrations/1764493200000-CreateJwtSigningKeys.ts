import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJwtSigningKeys1764493200000 implements MigrationInterface {
  name = 'CreateJwtSigningKeys1764493200000';

  async up(q: QueryRunner): Promise<void> {
    // The keys that sign id_tokens (ours and the OpenID Provider's), several at a time for
    // rotation: each is published from its creation, signs from `signs_from`, and is dropped from
    // the JWKS at `retire_at`, once the tokens it signed have expired.
    await q.query(`
      CREATE TABLE jwt_signing_keys (
        kid             text PRIMARY KEY,
        private_key_pem text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        signs_from      timestamptz NOT NULL DEFAULT now(),
        retire_at       timestamptz
      )`);
    await q.query(`
      INSERT INTO jwt_signing_keys (kid, private_key_pem, created_at, signs_from)
      SELECT kid, private_key_pem, created_at, created_at FROM signing_keys WHERE kid = 'default'`);
    await q.query(`DELETE FROM signing_keys WHERE kid = 'default'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO signing_keys (kid, private_key_pem, created_at)
      SELECT 'default', private_key_pem, created_at FROM jwt_signing_keys
       ORDER BY signs_from DESC LIMIT 1`);
    await q.query(`DROP TABLE jwt_signing_keys`);
  }
}
