import { AsyncLocalStorage } from 'node:async_hooks';
import { errors } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { ASYNC_COMMIT, preparedQuery } from '@simauth/database';

/**
 * A write of the adapter: a model saved whole (its seven columns); a code's or refresh token's
 * consume, which marks it only if it is unused; or an interaction's destroy at the resume. A
 * consume or a destroy guards the writes sent after it in the same statement: they are stored only
 * if it marked or deleted its row (see statementOf).
 */
export type HeldWrite =
  | { kind: 'upsert'; model: string; id: string; values: unknown[] }
  | { kind: 'consume' | 'destroy'; model: string; id: string };

type Guard = Extract<HeldWrite, { kind: 'consume' | 'destroy' }>;

/** A model's columns, as every save of one lists them. */
export const MODEL_COLUMNS = 'model, id, payload, grant_id, uid, user_code, expires_at';
/** A model's `expires_at` from its lifetime in seconds, the seventh value (none: null). */
export const EXPIRES = (p: (i: number) => string) =>
  `CASE WHEN ${p(7)}::int IS NULL THEN NULL ELSE now() + make_interval(secs => ${p(7)}::int) END`;
// An upsert keeps nothing of the old row: oidc-provider always saves whole models.
const ON_CONFLICT = `ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
     uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`;
const upsert = (p: (i: number) => string) =>
  `INSERT INTO oidc_models (${MODEL_COLUMNS})
   VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${EXPIRES(p)})
   ${ON_CONFLICT}`;
/** The same as `INSERT … SELECT`, its one row selected under `clause` (a FROM or a WHERE). */
const upsertSelected = (p: (i: number) => string, clause: string) =>
  `INSERT INTO oidc_models (${MODEL_COLUMNS})
   SELECT ${p(1)}::text, ${p(2)}::text, ${p(3)}::jsonb, ${p(4)}::text, ${p(5)}::text, ${p(6)}::text, ${EXPIRES(p)}
    ${clause}
   ${ON_CONFLICT}`;
/**
 * An upsert committed without waiting for the disk (ASYNC_COMMIT): for a sign-in's interaction in
 * progress, sent alone. A crash of Postgres itself may forget the last fraction of a second's:
 * those people start their sign-in again, as when it expires. Nothing that a client or a person
 * holds is in it: the grant, the session, the code and the tokens are stored by statements that
 * wait, and every earlier commit is on disk once one of them is.
 */
const asyncUpsert = (p: (i: number) => string) => upsertSelected(p, `FROM ${ASYNC_COMMIT}`);
/** The models whose writes alone may commit without waiting (see asyncUpsert). */
const ASYNC_MODELS = new Set(['Interaction']);
/** An upsert stored only if the statement's consume (`c`) marked its row. */
const guardedUpsert = (p: (i: number) => string) =>
  upsertSelected(p, 'WHERE EXISTS (SELECT 1 FROM c)');
/** Marks a model consumed unless it already is (then no row comes back). */
const consume = (p: (i: number) => string) =>
  `UPDATE oidc_models SET consumed_at = now()
    WHERE model = ${p(1)} AND id = ${p(2)} AND consumed_at IS NULL RETURNING 1`;
/** Deletes a model unless another request has (then no row comes back). */
const destroy = (p: (i: number) => string) =>
  `DELETE FROM oidc_models WHERE model = ${p(1)} AND id = ${p(2)} RETURNING 1`;
const GUARDS = { consume, destroy };
/** Every model of the grant of the model `$1`/`$2`, and the grant itself. */
const REVOKE_REUSED = `WITH g AS (SELECT grant_id FROM oidc_models WHERE model = $1 AND id = $2)
  DELETE FROM oidc_models
   WHERE grant_id = (SELECT grant_id FROM g) OR (model = 'Grant' AND id = (SELECT grant_id FROM g))`;
/** The library's names for what it consumes, in its own error descriptions. */
const LABELS: Record<string, string> = {
  AuthorizationCode: 'authorization code',
  RefreshToken: 'refresh token',
};

/** At most this many writes in one statement (the statement shapes stay few). */
const MAX_HELD = 4;

/**
 * The writes, in order, as one statement: `WITH w0 AS (…), w1 AS (…) <last>`. They touch distinct
 * rows (RequestWrites sees to it), so their order within the statement does not matter, and they
 * are written together or not at all. With a consume (at most one): `WITH c AS (UPDATE … WHERE
 * consumed_at IS NULL RETURNING 1), w0 AS (INSERT … WHERE EXISTS (SELECT 1 FROM c)) … SELECT 1
 * FROM c`, so that a code or refresh token used meanwhile by another request (its row locked, then
 * found consumed) stores nothing of this one, and no row comes back.
 */
function statementOf(writes: HeldWrite[]) {
  const values: unknown[] = [];
  const next = () => {
    const base = values.length;
    return (i: number) => `$${base + i}`;
  };
  const guard = writes.find((w): w is Guard => w.kind !== 'upsert');
  if (writes.length === 1 && !guard && ASYNC_MODELS.has(writes[0].model)) {
    const [w] = writes as Extract<HeldWrite, { kind: 'upsert' }>[];
    return { name: 'simauth_oidc_write_a', text: asyncUpsert(next()), values: w.values };
  }
  const parts: string[] = [];
  if (guard) {
    const p = next();
    values.push(guard.model, guard.id);
    parts.push(GUARDS[guard.kind](p));
  }
  for (const w of writes) {
    if (w.kind !== 'upsert') continue;
    const p = next();
    values.push(...w.values);
    parts.push(guard ? guardedUpsert(p) : upsert(p));
  }
  const name = `simauth_oidc_write_${guard ? guard.kind[0] : ''}${'u'.repeat(parts.length - (guard ? 1 : 0))}`;
  if (parts.length === 1) return { name, text: parts[0], values, guard };
  const text = guard
    ? `WITH c AS (${parts[0]}), ${parts
        .slice(1)
        .map((sql, i) => `w${i} AS (${sql})`)
        .join(', ')} SELECT 1 FROM c`
    : `WITH ${parts
        .slice(0, -1)
        .map((sql, i) => `w${i} AS (${sql})`)
        .join(', ')} ${parts[parts.length - 1]}`;
  return { name, text, values, guard };
}

/**
 * Sends `writes` as one statement. When its guard finds its row used or deleted meanwhile by
 * another request, nothing else of it was stored: for a consume of a code or refresh token, as for
 * a replay, the whole grant goes (RFC 9700 4.14) and InvalidGrant is thrown (InvalidRequestUri for
 * a pushed authorization request's); for an interaction's destroy (two resumes of
 * one interaction at once), SessionNotFound, as the later of the two gets when it reads it.
 */
export async function writeNow(db: DataSource, writes: HeldWrite[]): Promise<void> {
  const { name, text, values, guard } = statementOf(writes);
  const rows = await preparedQuery(db, name, text, values);
  if (!guard || rows.length > 0) return;
  if (guard.kind === 'destroy') throw new errors.SessionNotFound('interaction session not found');
  // A pushed authorization request is consumed when its sign-in answers: of two at once, the
  // other gets the library's own answer for a used request_uri, and there is no grant to revoke.
  if (guard.model === 'PushedAuthorizationRequest')
    throw new errors.InvalidRequestUri('request_uri is invalid, expired, or was already used');
  await preparedQuery(db, 'simauth_oidc_revoke_reused', REVOKE_REUSED, [guard.model, guard.id]);
  throw new errors.InvalidGrant(`${LABELS[guard.model] ?? guard.model} already consumed`);
}

/**
 * The writes of one request of the provider, held and sent together: the library saves the
 * grant, the code and the session of a sign-in one after another, and consumes a rotated refresh
 * token, then saves its successor and the access token; each was a round trip and a commit of its
 * own. A held write is sent before any read or delete of the request that the request's reads
 * ahead cannot serve (so the request reads what it wrote), and before the answer (the request's
 * end; a failed write fails the request, so nothing is answered that is not stored, and a consume
 * that lost to another request's answers invalid_grant).
 */
class RequestWrites {
  private held: HeldWrite[] = [];
  /** Records read ahead with a token (its grant, its session), for this request's next read. */
  private readonly ahead = new Map<string, unknown>();
  /**
   * Accounts read with a token or an interaction: the user's phone number, or undefined when the
   * user is unknown or blocked, by user id. The request's writes (oidc_models) do not change them.
   */
  private readonly accounts = new Map<string, string | undefined>();
  /** Interactions as read (their JSON), by id: in finish's scope only (interactionFinishScope). */
  private readonly interactions = new Map<string, { json: string; servedAgain: boolean }>();
  private writing: Promise<unknown> = Promise.resolve();
  private ended = false;

  constructor(
    private readonly db: DataSource,
    /** Finish's scope: an interaction's second read is served from its first (see there). */
    private readonly finishing = false,
  ) {}

  /** Notes interaction `id` as read, in finish's scope. */
  interactionRead(id: string, payload: unknown): void {
    if (this.finishing)
      this.interactions.set(id, { json: JSON.stringify(payload), servedAgain: false });
  }

  /** Interaction `id` as this scope first read it, for its second read (once). */
  interactionAgain(id: string): unknown {
    const read = this.interactions.get(id);
    if (!read || read.servedAgain) return undefined;
    read.servedAgain = true;
    return JSON.parse(read.json);
  }

  /** Interaction `id` as this scope read it (JSON), which its save must still find stored. */
  interactionAsRead(id: string): string | undefined {
    return this.interactions.get(id)?.json;
  }

  /** Keeps a record read ahead (or its absence, undefined) under `key`. */
  readAhead(key: string, record: unknown): void {
    this.ahead.set(key, record);
  }

  /** The record read ahead under `key`, once; `{ found: false }` when there is none. */
  takeAhead(key: string): { found: true; record: unknown } | { found: false } {
    if (!this.ahead.has(key)) return { found: false };
    const record = this.ahead.get(key);
    this.ahead.delete(key);
    return { found: true, record };
  }

  /** Keeps the account `userId` read ahead: its phone number, undefined if unknown or blocked. */
  readAccountAhead(userId: string, phoneNumber: string | undefined): void {
    this.accounts.set(userId, phoneNumber);
  }

  /** The account `userId` read ahead, once; `{ found: false }` when it was not. */
  takeAccount(userId: string): { found: true; phoneNumber?: string } | { found: false } {
    if (!this.accounts.has(userId)) return { found: false };
    const phoneNumber = this.accounts.get(userId);
    this.accounts.delete(userId);
    return { found: true, phoneNumber };
  }

  /** A delete of the request: what was read ahead is read again. */
  forgetAhead(): void {
    this.ahead.clear();
  }

  async hold(write: HeldWrite): Promise<void> {
    if (write.kind !== 'upsert') {
      // A guard guards the writes held after it (and only those): one per statement. A consume
      // changes only its own row's consumed mark, which nothing read ahead holds.
      if (write.kind === 'consume') this.ahead.delete(`${write.model}:${write.id}`);
      else this.ahead.clear();
      if (this.held.length > 0) await this.flush();
    } else {
      // What was read ahead may be what this changes: from now on, read it again.
      this.ahead.clear();
      if (
        this.held.length >= MAX_HELD ||
        this.held.some((h) => h.model === write.model && h.id === write.id)
      ) {
        await this.flush();
      }
    }
    this.held.push(write);
    // (A replay mark, a DPoP proof's or a client assertion's jti, is never held: the adapter stores
    // it at once, see REPLAY_MARK.)
    if (this.ended) return this.flush();
  }

  /** Sends what is held (if anything) and waits for every write sent so far. */
  async flush(): Promise<void> {
    this.start();
    await this.writing;
  }

  /** The request has been handled: what is held is sent now, and later writes at once. */
  end(): Promise<void> {
    this.ended = true;
    return this.flush();
  }

  private start(): void {
    if (this.held.length === 0) return;
    const writes = this.held;
    this.held = [];
    this.writing = this.writing.then(() =>
      writeNow(this.db, writes).catch((err: unknown) => {
        // A lost consume revoked the grant: nothing read ahead stands.
        this.ahead.clear();
        throw err;
      }),
    );
    // Awaited by flush(); a failure meanwhile is not an unhandled rejection.
    this.writing.catch(() => undefined);
  }
}

const requests = new AsyncLocalStorage<RequestWrites>();

/** The writes of the provider request under way, if any. */
export const currentWrites = () => requests.getStore();

/** The parts of the provider's Koa context a failed write answers through. */
interface ScopeContext {
  status: number;
  body: unknown;
  res: { headersSent: boolean };
  remove(field: string): void;
}

/**
 * Runs one request of the provider (a provider.use middleware, the first): its adapter writes
 * are held in one RequestWrites and sent before the answer. When they fail, nothing the request
 * answered is stored: `onWriteError` logs it, and the client gets OAuth's server_error (a 500
 * with our headers, x-request-id among them), not the redirect or cookies that named it. When a
 * consume lost to another request's (its writes were not stored, the grant is revoked), the client
 * gets invalid_grant, as for a replay; when an interaction's destroy did (another resume of it),
 * invalid_request "interaction session not found", without the redirect or cookies.
 */
export function oidcRequestScope(db: DataSource, onWriteError: (err: Error) => void) {
  return (ctx: ScopeContext, next: () => Promise<unknown>): Promise<void> => {
    const writes = new RequestWrites(db);
    return requests.run(writes, async () => {
      try {
        await next();
      } finally {
        try {
          await writes.end();
        } catch (err) {
          // A guard that lost to another request's (a consume: as the library answers a replay).
          const lost = err instanceof errors.InvalidGrant || err instanceof errors.SessionNotFound;
          if (!lost) onWriteError(err as Error);
          if (!ctx.res.headersSent) {
            ctx.remove('Location');
            ctx.remove('Set-Cookie');
            ctx.status = lost ? 400 : 500;
            ctx.body = lost
              ? { error: err.error, error_description: err.error_description }
              : { error: 'server_error', error_description: 'oops! something went wrong' };
          }
        }
      }
    });
  };
}

/**
 * Runs `work`, the end of an interaction by the login page's finish, in a scope of its own: finish
 * reads the interaction (our check), claims the login, then the library's interactionResult reads
 * it again and saves its result. The second read is served from the first, and the save is an
 * update of the row only if it is still as read (unchanged, not destroyed by a resume meanwhile),
 * else SessionNotFound, as the second read would have thrown: one statement less, and a destroyed
 * interaction is still never brought back (nor one changed meanwhile overwritten).
 */
export function interactionFinishScope<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const writes = new RequestWrites(db, true);
  return requests.run(writes, async () => {
    const out = await work();
    await writes.end();
    return out;
  });
}
