import { errors } from 'oidc-provider';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { ASYNC_COMMIT, preparedQuery } from '@simauth/database';
import { asFound, lookupKeysOf } from './oidc-provider-records';
import { EXPIRES, HeldWrite, MODEL_COLUMNS, currentWrites, writeNow } from './oidc-request-writes';
import { refuseNulCharacters, storableId } from './nul-characters';

export { interactionFinishScope, oidcRequestScope } from './oidc-request-writes';

/** `$1`, `$2`, …: the placeholders of a statement whose values are a model's, in order. */
const $ = (i: number) => `$${i}`;

/**
 * Saves an interaction only if it is stored as `$8` (as read): see interactionFinishScope. Its
 * commit does not wait for the disk, as no interaction's write alone does (see asyncUpsert).
 */
const UPDATE_AS_READ = `UPDATE oidc_models SET payload = $3, grant_id = $4, uid = $5, user_code = $6,
         expires_at = ${EXPIRES($)}
    FROM ${ASYNC_COMMIT}
   WHERE model = $1 AND id = $2 AND payload = $8::jsonb RETURNING 1`;

/**
 * The account `userId` as this provider request read it ahead (with a token or an interaction),
 * once: its phone number, undefined when the user is unknown or blocked; undefined when not read.
 */
export function accountReadAhead(userId: string): { phoneNumber?: string } | undefined {
  const ahead = currentWrites()?.takeAccount(userId);
  return ahead?.found ? ahead : undefined;
}

/** Held with the request's other writes (RequestWrites), or sent at once outside a request. */
const write = (db: DataSource, w: HeldWrite): Promise<unknown> => {
  const writes = currentWrites();
  return writes ? writes.hold(w) : writeNow(db, [w]);
};
/** Before a read or a delete: the request's held writes are sent first. */
const flushed = (): Promise<void> | undefined => currentWrites()?.flush();

/** A user id as AccountsService takes one (anything else names no account). */
const UUID_SQL = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

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
 * A replay mark (a DPoP proof's or a client assertion's `jti`, the library's ReplayDetection) is
 * stored only if no live one is: the library finds none, then saves it, so two requests with one
 * `jti` at once would both pass that find. No row back: another request stored it first.
 */
const REPLAY_MARK = `INSERT INTO oidc_models (${MODEL_COLUMNS})
   VALUES ($1, $2, $3, $4, $5, $6, ${EXPIRES($)})
   ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, expires_at = EXCLUDED.expires_at,
          consumed_at = NULL
    WHERE oidc_models.expires_at <= now()
   RETURNING 1`;

/**
 * The account a model names (`accountId`), as AccountsService.findPhoneByUserId reads it: its
 * phone number if the user exists and is not blocked. Read with the token or the interaction the
 * library reads first, and served to the same request's findAccount (phoneOfAccountReadAhead):
 * one statement less for the code, the token endpoint, userinfo and a refresh. A user blocked
 * after this read and before the answer is refused from the next request on, as before.
 */
const ACCOUNT_JOIN = (accountId: string) => `LEFT JOIN users u
      ON u.id = CASE WHEN ${accountId} ~* '${UUID_SQL}' THEN (${accountId})::uuid END
     AND u.blocked_at IS NULL`;
/** An interaction whose login finished names the account its resume signs in. */
const FIND_INTERACTION = `SELECT m.payload, m.consumed_at, u.phone_number AS account_phone
    FROM oidc_models m
    ${ACCOUNT_JOIN("m.payload #>> '{result,login,accountId}'")}
   WHERE m.model = 'Interaction' AND m.id = $1`;
/**
 * A token with its grant and its session, in one statement: the library reads both next (the
 * token endpoint, userinfo, a refresh), each a round trip of its own. Read ahead in the same
 * snapshot as the token, and served to the same request's next read of them, unless the request
 * has written since (RequestWrites).
 */
const FIND_WITH_GRANT = `SELECT m.payload, m.consumed_at, m.grant_id,
         g.payload AS grant_payload, g.consumed_at AS grant_consumed_at,
         s.payload AS session_payload, s.consumed_at AS session_consumed_at,
         u.phone_number AS account_phone
    FROM oidc_models m
    LEFT JOIN oidc_models g ON g.model = 'Grant' AND g.id = m.grant_id
    LEFT JOIN oidc_models s ON s.model = 'Session' AND s.uid = m.payload ->> 'sessionUid'
    ${ACCOUNT_JOIN("m.payload ->> 'accountId'")}
   WHERE m.model = $1 AND m.id = $2`;
const WITH_GRANT = new Set(['AccessToken', 'RefreshToken', 'AuthorizationCode']);
interface TokenRow extends ModelRow {
  grant_id: string | null;
  grant_payload: AdapterPayload | null;
  grant_consumed_at: Date | null;
  session_payload: AdapterPayload | null;
  session_consumed_at: Date | null;
  account_phone: string | null;
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
      const replayMark = model === 'ReplayDetection';
      // A replay mark lives a second at least: an assertion at its exp, within the clock
      // tolerance, would be saved already expired, and so replaceable.
      const lifetime = replayMark
        ? Math.max(1, Math.ceil(expiresIn ?? 1))
        : expiresIn
          ? Math.ceil(expiresIn)
          : null;
      const values = [model, id, payload, grantId, uid, userCode, lifetime];
      if (replayMark) {
        // Stored at once (a replay meanwhile must find it), and only by the first of two at once.
        await flushed();
        const stored = await preparedQuery(db, 'simauth_oidc_replay_mark', REPLAY_MARK, values);
        if (stored.length === 0)
          throw new errors.InvalidRequest('this JWT was used already (its jti is not unique)');
        return;
      }
      const asRead = model === 'Interaction' && currentWrites()?.interactionAsRead(id);
      if (asRead) {
        // Finish's save (interactionFinishScope): only onto the interaction as it was read.
        const saved = await preparedQuery(db, 'simauth_oidc_update_as_read', UPDATE_AS_READ, [
          ...values,
          asRead,
        ]);
        if (saved.length === 0) throw new errors.SessionNotFound('interaction session not found');
        return;
      }
      await write(db, { kind: 'upsert', model, id, values });
    },
    async find(id) {
      if (!storableId(id)) return undefined;
      const scope = currentWrites();
      if (scope && WITH_GRANT.has(model)) {
        await scope.flush();
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
        const { sessionUid, accountId } = row.payload as {
          sessionUid?: unknown;
          accountId?: unknown;
        };
        if (typeof sessionUid === 'string') {
          const session = row.session_payload ?? undefined;
          scope.readAhead(
            `Session:uid:${sessionUid}`,
            session && asFound(session, row.session_consumed_at),
          );
        }
        if (typeof accountId === 'string') {
          scope.readAccountAhead(accountId, row.account_phone ?? undefined);
        }
        return asFound(row.payload, row.consumed_at);
      }
      if (scope && model === 'Interaction') {
        const again = scope.interactionAgain(id);
        if (again) return again as AdapterPayload;
        await scope.flush();
        const [row] = await preparedQuery<ModelRow & { account_phone: string | null }>(
          db,
          'simauth_oidc_find_interaction',
          FIND_INTERACTION,
          [id],
        );
        if (!row) return undefined;
        scope.interactionRead(id, row.payload);
        const { result } = row.payload as { result?: { login?: { accountId?: unknown } } };
        const accountId = result?.login?.accountId;
        if (typeof accountId === 'string') {
          scope.readAccountAhead(accountId, row.account_phone ?? undefined);
        }
        return asFound(row.payload, row.consumed_at);
      }
      // Served from what the request read ahead without sending what it holds: a held write
      // clears what it may change (RequestWrites.hold).
      const ahead = scope?.takeAhead(`${model}:${id}`);
      if (ahead?.found) return ahead.record as AdapterPayload | undefined;
      await flushed();
      return found(await preparedQuery(db, 'simauth_oidc_find', FIND, [model, id]));
    },
    async findByUid(uid) {
      if (!storableId(uid)) return undefined;
      const ahead = currentWrites()?.takeAhead(`${model}:uid:${uid}`);
      if (ahead?.found) return ahead.record as AdapterPayload | undefined;
      await flushed();
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
      // it is unused, then consumes it; two redemptions at once would both pass that check. The
      // consume marks the row only if it is unused, in one statement with the writes that follow
      // it (the new tokens), sent before the answer: only the request whose consume marks the row
      // stores them and answers with them; the other gets invalid_grant and the grant is revoked,
      // as for a replay (RequestWrites).
      await write(db, { kind: 'consume', model, id });
    },
    async destroy(id) {
      // The resume destroys the interaction, then saves the grant, the code and the session: the
      // destroy is sent with them, and guards them (only the resume that deletes the row stores
      // them, see RequestWrites). Other destroys are sent at once.
      const scope = currentWrites();
      if (scope && model === 'Interaction') return scope.hold({ kind: 'destroy', model, id });
      await flushed();
      scope?.forgetAhead();
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
