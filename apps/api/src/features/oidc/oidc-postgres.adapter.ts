import { errors } from 'oidc-provider';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { asFound, lookupKeysOf } from './oidc-provider-records';
import { HeldWrite, currentWrites, writeNow } from './oidc-request-writes';
import { refuseNulCharacters, storableId } from './nul-characters';

export { oidcRequestScope } from './oidc-request-writes';

/** Held with the request's other writes (RequestWrites), or sent at once outside a request. */
const write = (db: DataSource, w: HeldWrite): Promise<unknown> => {
  const writes = currentWrites();
  return writes ? writes.hold(w) : writeNow(db, [w]);
};
/** Before a read or a delete: the request's held writes are sent first. */
const flushed = (): Promise<void> | undefined => currentWrites()?.flush();

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
/**
 * A token with its grant and its session, in one statement: the library reads both next (the
 * token endpoint, userinfo, a refresh), each a round trip of its own. Read ahead in the same
 * snapshot as the token, and served to the same request's next read of them, unless the request
 * has written since (RequestWrites).
 */
const FIND_WITH_GRANT = `SELECT m.payload, m.consumed_at, m.grant_id,
         g.payload AS grant_payload, g.consumed_at AS grant_consumed_at,
         s.payload AS session_payload, s.consumed_at AS session_consumed_at
    FROM oidc_models m
    LEFT JOIN oidc_models g ON g.model = 'Grant' AND g.id = m.grant_id
    LEFT JOIN oidc_models s ON s.model = 'Session' AND s.uid = m.payload ->> 'sessionUid'
   WHERE m.model = $1 AND m.id = $2`;
const WITH_GRANT = new Set(['AccessToken', 'RefreshToken', 'AuthorizationCode']);
/** Marks a model consumed unless it already is (then no row comes back). */
const CONSUME = `UPDATE oidc_models SET consumed_at = now()
                  WHERE model = $1 AND id = $2 AND consumed_at IS NULL RETURNING 1`;
/** Every model of the grant of the model `$1`/`$2`, and the grant itself. */
const REVOKE_REUSED = `WITH g AS (SELECT grant_id FROM oidc_models WHERE model = $1 AND id = $2)
  DELETE FROM oidc_models
   WHERE grant_id = (SELECT grant_id FROM g) OR (model = 'Grant' AND id = (SELECT grant_id FROM g))`;
/** The library's names for what it consumes, in its own error descriptions. */
const LABELS: Record<string, string> = {
  AuthorizationCode: 'authorization code',
  RefreshToken: 'refresh token',
};

interface TokenRow extends ModelRow {
  grant_id: string | null;
  grant_payload: AdapterPayload | null;
  grant_consumed_at: Date | null;
  session_payload: AdapterPayload | null;
  session_consumed_at: Date | null;
}

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
      refuseNulCharacters(payload);
      const { grantId, uid, userCode } = lookupKeysOf(payload);
      const values = [model, id, payload, grantId, uid, userCode];
      await write(db, {
        kind: 'upsert',
        model,
        id,
        values: [...values, expiresIn ? Math.ceil(expiresIn) : null],
      });
    },
    async find(id) {
      if (!storableId(id)) return undefined;
      await flushed();
      const scope = currentWrites();
      if (scope && WITH_GRANT.has(model)) {
        const [row] = await preparedQuery<TokenRow>(
          db,
          'simauth_oidc_find_grant',
          FIND_WITH_GRANT,
          [model, id],
        );
        if (!row) return undefined;
        if (row.grant_id) {
          const grant = row.grant_payload ?? undefined;
          scope.readAhead(`Grant:${row.grant_id}`, grant && asFound(grant, row.grant_consumed_at));
        }
        const sessionUid = (row.payload as { sessionUid?: unknown }).sessionUid;
        if (typeof sessionUid === 'string') {
          const session = row.session_payload ?? undefined;
          scope.readAhead(
            `Session:uid:${sessionUid}`,
            session && asFound(session, row.session_consumed_at),
          );
        }
        return asFound(row.payload, row.consumed_at);
      }
      const ahead = scope?.takeAhead(`${model}:${id}`);
      if (ahead?.found) return ahead.record as AdapterPayload | undefined;
      return found(await preparedQuery(db, 'simauth_oidc_find', FIND, [model, id]));
    },
    async findByUid(uid) {
      if (!storableId(uid)) return undefined;
      await flushed();
      const ahead = currentWrites()?.takeAhead(`${model}:uid:${uid}`);
      if (ahead?.found) return ahead.record as AdapterPayload | undefined;
      return found(await preparedQuery(db, 'simauth_oidc_find_uid', FIND_BY_UID, [model, uid]));
    },
    async findByUserCode(userCode) {
      if (!storableId(userCode)) return undefined;
      await flushed();
      return found(
        await preparedQuery(db, 'simauth_oidc_find_user_code', FIND_BY_USER_CODE, [
          model,
          userCode,
        ]),
      );
    },
    async consume(id) {
      // Single use across requests and replicas: the library reads a code or refresh token, checks
      // it is unused, then consumes it; two redemptions at once would both pass that check. Only
      // the one whose UPDATE marks the row goes on.
      await flushed();
      const marked = await preparedQuery(db, 'simauth_oidc_consume', CONSUME, [model, id]);
      if (marked.length > 0) return;
      // Used meanwhile by another request: as for a replay, the whole grant goes (RFC 9700 4.14).
      currentWrites()?.forgetAhead();
      await preparedQuery(db, 'simauth_oidc_revoke_reused', REVOKE_REUSED, [model, id]);
      throw new errors.InvalidGrant(`${LABELS[model] ?? model} already consumed`);
    },
    async destroy(id) {
      await flushed();
      currentWrites()?.forgetAhead();
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
      await flushed();
      currentWrites()?.forgetAhead();
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
