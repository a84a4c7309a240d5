import { AsyncLocalStorage } from 'node:async_hooks';
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
const CONSUME = 'UPDATE oidc_models SET consumed_at = now() WHERE model = $1 AND id = $2';
// The same upsert, with the consume of another model in the same statement (and transaction).
const CONSUME_AND_UPSERT = `WITH consumed AS (
  UPDATE oidc_models SET consumed_at = now() WHERE model = $8 AND id = $9
) ${UPSERT}`;

type Consume = { model: string; id: string };
const consumeNow = (db: DataSource, { model, id }: Consume) =>
  preparedQuery(db, 'simauth_oidc_consume', CONSUME, [model, id]);

/**
 * The consume of one request of the provider, written with the model it saves next: a rotated
 * refresh token is consumed in the statement that saves its successor, one round trip and one
 * commit instead of two. It waits for nothing else: any other statement of the adapter in the
 * request writes it first, and so does the next turn of the event loop (setImmediate), so it is
 * never held over a query or an answer; the request's end writes it at the latest (before the
 * answer is sent), and fails the request if it fails.
 */
class RequestConsume {
  private pending?: Consume;
  private writing?: Promise<unknown>;

  constructor(private readonly db: DataSource) {}

  async hold(consume: Consume): Promise<void> {
    await this.flush();
    this.pending = consume;
    setImmediate(() => this.start());
  }

  /** The pending consume, for an upsert of another model to carry. */
  take(model: string, id: string): Consume | undefined {
    const pending = this.pending;
    if (!pending || (pending.model === model && pending.id === id)) return undefined;
    this.pending = undefined;
    return pending;
  }

  /** Writes the pending consume (if any) and waits for it. */
  async flush(): Promise<void> {
    this.start();
    await this.writing;
  }

  private start(): void {
    if (!this.pending) return;
    const consume = this.pending;
    this.pending = undefined;
    this.writing = consumeNow(this.db, consume);
    // Awaited by flush(); a failure meanwhile is not an unhandled rejection.
    this.writing.catch(() => undefined);
  }
}

const requests = new AsyncLocalStorage<RequestConsume>();

/**
 * Runs one request of the provider (a provider.use middleware): its adapter calls share a
 * RequestConsume, written out before the answer.
 */
export function oidcRequestScope(db: DataSource) {
  return (_ctx: unknown, next: () => Promise<unknown>): Promise<void> => {
    const scope = new RequestConsume(db);
    return requests.run(scope, async () => {
      try {
        await next();
      } finally {
        await scope.flush();
      }
    });
  };
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
      const { grantId, uid, userCode } = lookupKeysOf(payload);
      const scope = requests.getStore();
      const consume = scope?.take(model, id);
      if (!consume) await scope?.flush();
      const values = [
        model,
        id,
        payload,
        grantId,
        uid,
        userCode,
        expiresIn ? Math.ceil(expiresIn) : null,
      ];
      await (consume
        ? preparedQuery(db, 'simauth_oidc_consume_upsert', CONSUME_AND_UPSERT, [
            ...values,
            consume.model,
            consume.id,
          ])
        : preparedQuery(db, 'simauth_oidc_upsert', UPSERT, values));
    },
    async find(id) {
      await requests.getStore()?.flush();
      return found(await preparedQuery(db, 'simauth_oidc_find', FIND, [model, id]));
    },
    async findByUid(uid) {
      await requests.getStore()?.flush();
      return found(await preparedQuery(db, 'simauth_oidc_find_uid', FIND_BY_UID, [model, uid]));
    },
    async findByUserCode(userCode) {
      await requests.getStore()?.flush();
      return found(
        await preparedQuery(db, 'simauth_oidc_find_user_code', FIND_BY_USER_CODE, [
          model,
          userCode,
        ]),
      );
    },
    async consume(id) {
      const scope = requests.getStore();
      await (scope ? scope.hold({ model, id }) : consumeNow(db, { model, id }));
    },
    async destroy(id) {
      await requests.getStore()?.flush();
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
      await requests.getStore()?.flush();
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
