import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOidcModels1764489600000 implements MigrationInterface {
  name = 'CreateOidcModels1764489600000';

  async up(q: QueryRunner): Promise<void> {
    // The OpenID Provider's stored models (sessions, grants, codes, tokens, interactions, CIBA
    // requests), one generic table keyed by model name and id, so that any replica serves any step.
    await q.query(`
      CREATE TABLE oidc_models (
        model       text NOT NULL,
        id          text NOT NULL,
        payload     jsonb NOT NULL,
        grant_id    text,
        uid         text,
        user_code   text,
        expires_at  timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (model, id)
      )`);
    await q.query(
      `CREATE INDEX oidc_models_grant_idx ON oidc_models (grant_id) WHERE grant_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX oidc_models_uid_idx ON oidc_models (model, uid) WHERE uid IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX oidc_models_user_code_idx ON oidc_models (model, user_code) WHERE user_code IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX oidc_models_expiry_idx ON oidc_models (expires_at) WHERE expires_at IS NOT NULL`,
    );
    // CIBA logins whose outcome is not yet handed to the provider (see CibaService).
    await q.query(
      `CREATE INDEX attempts_ciba_undelivered_idx ON attempts (updated_at)
        WHERE is_final AND context ? 'ciba_request' AND NOT context ? 'ciba_result_delivered'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attempts_ciba_undelivered_idx`);
    await q.query(`DROP TABLE oidc_models`);
  }
}
