import { MigrationInterface, QueryRunner } from 'typeorm';

export class SealJwtSigningKeys1796589813826 implements MigrationInterface {
  name = 'SealJwtSigningKeys1796589813826';

  async up(q: QueryRunner): Promise<void> {
    // Private keys are kept sealed with the data key (AES-256-GCM, as TOTP seeds and webhook
    // secrets): a copy of the database alone cannot sign a token. The keys stored in clear until
    // now are sealed by the api at its next start (sealClearSigningKeys): the data key is
    // TOTP_ENCRYPTION_KEY, which only its configuration holds, and SQL has no AES-GCM. Each key
    // also says its algorithm: an RS256 key joins the ES256 one in the rotation set.
    await q.query(`
      ALTER TABLE jwt_signing_keys
        ADD COLUMN alg text NOT NULL DEFAULT 'ES256' CHECK (alg IN ('ES256', 'RS256')),
        ADD COLUMN private_key_sealed bytea,
        ALTER COLUMN private_key_pem DROP NOT NULL,
        ADD CONSTRAINT jwt_signing_keys_one_private_key
          CHECK ((private_key_pem IS NULL) <> (private_key_sealed IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The previous code reads ES256 keys in clear only. Sealed keys cannot be opened in SQL, so
    // they are dropped with the RS256 ones; it then generates a new key at start (tokens signed
    // by the dropped keys no longer verify: sign in again).
    await q.query(`DELETE FROM jwt_signing_keys WHERE private_key_pem IS NULL OR alg <> 'ES256'`);
    await q.query(`
      ALTER TABLE jwt_signing_keys
        DROP CONSTRAINT jwt_signing_keys_one_private_key,
        DROP COLUMN private_key_sealed,
        DROP COLUMN alg,
        ALTER COLUMN private_key_pem SET NOT NULL`);
  }
}
