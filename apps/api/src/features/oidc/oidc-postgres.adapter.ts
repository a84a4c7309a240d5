import type { Adapter, AdapterPayload } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { asFound, lookupKeysOf } from './oidc-provider-records';

interface ModelRow {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

// An expired model is still found until the sweep deletes it: the library checks `exp` itself,
// and tells an expired one from an unknown one (a CIBA client polling late gets expired_token).
const FIND = `SELECT payload, consumed_at FROM oidc_models WHERE model = $1 AND id = $2`;
const FIND_BY_UID = `SELECT payload, consumed_at FROM oidc_models WHERE model = $1 AND uid = $2`;
const FIND_BY_USER_CODE = `SELECT payload, consumed_at FROM oidc_models
                            WHERE model = $1 AND user_code = $2`;
// An upsert keeps nothing of the old row: oidc-provider always saves whole models.
const UPSERT = `INSERT INTO oidc_models (model, id, payload, grant_id, uid, user_code, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
                ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
                  uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`;

/**
 * oidc-provider's storage on Postgres: every model in `oidc_models`, expiry by the database clock,
 * so a code issued by one replica is redeemed at another and nothing lives in process memory.
 */
export function postgresOidcAdapter(db: DataSource): (model: string) => Adapter {
  const found = (rows: ModelRow[]): AdapterPayload | undefined => {
    const row = rows[0];
    return row && asFound(row.payload, row.consumed_at);
  };
  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      const { grantId, uid, userCode } = lookupKeysOf(payload);
      await preparedQuery(db, 'simauth_oidc_upsert', UPSERT, [
        model,
        id,
        payload,
        grantId,
        uid,
        userCode,
        expiresIn ? Math.ceil(expiresIn) : null,
      ]);
    },
    async find(id) {
      return found(await preparedQuery(db, 'simauth_oidc_find', FIND, [model, id]));
    },
    async findByUid(uid) {
      return found(await preparedQuery(db, 'simauth_oidc_find_uid', FIND_BY_UID, [model, uid]));
    },
    async findByUserCode(userCode) {
      return found(
        await preparedQuery(db, 'simauth_oidc_find_user_code', FIND_BY_USER_CODE, [
          model,
          userCode,
        ]),
      );
    },
    async consume(id) {
      await preparedQuery(
        db,
        'simauth_oidc_consume',
        'UPDATE oidc_models SET consumed_at = now() WHERE model = $1 AND id = $2',
        [model, id],
      );
    },
    async destroy(id) {
      await preparedQuery(
        db,
        'simauth_oidc_destroy',
        'DELETE FROM oidc_models WHERE model = $1 AND id = $2',
        [model, id],
      );
    },
    async revokeByGrantId(grantId) {
      // oidc-provider calls this on each token model of the grant (a replayed code, a revoked
      // refresh token, a logout); each call deletes that model's tokens.
      await preparedQuery(
        db,
        'simauth_oidc_revoke_grant',
        'DELETE FROM oidc_models WHERE model = $1 AND grant_id = $2',
        [model, grantId],
      );
    },
  });
}

/** How long an expired model stays, so that the library can still call it expired. */
const EXPIRED_MODEL_GRACE_SECONDS = 3600;

/** Deletes up to `limit` models expired over the grace period; the sweeper calls it until none are left. */
export async function deleteExpiredOidcModels(db: DataSource, limit: number): Promise<number> {
  const rows = await preparedQuery(
    db,
    'simauth_oidc_sweep',
    `DELETE FROM oidc_models WHERE ctid IN (
       SELECT ctid FROM oidc_models WHERE expires_at <= now() - make_interval(secs => $2) LIMIT $1
     ) RETURNING 1`,
    [limit, EXPIRED_MODEL_GRACE_SECONDS],
  );
  return rows.length;
}
