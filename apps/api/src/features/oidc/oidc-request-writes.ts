import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@simauth/database';

/**
 * A write of the adapter: a model saved whole (its seven columns). (A consume is not held: it
 * must know at once whether it marked the row, see the adapter's consume.)
 */
export type HeldWrite = { kind: 'upsert'; model: string; id: string; values: unknown[] };

// An upsert keeps nothing of the old row: oidc-provider always saves whole models.
const upsert = (p: (i: number) => string) =>
  `INSERT INTO oidc_models (model, id, payload, grant_id, uid, user_code, expires_at)
   VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, CASE WHEN ${p(7)}::int IS NULL THEN NULL ELSE now() + make_interval(secs => ${p(7)}::int) END)
   ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
     uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`;

/** The library's model of used JWT ids (ReplayDetection.unique: a find, then an upsert). */
const REPLAY_DETECTION = 'ReplayDetection';

/** At most this many writes in one statement (the statement shapes stay few). */
const MAX_HELD = 4;

/**
 * The writes, in order, as one statement: `WITH w0 AS (…), w1 AS (…) <last>`. They touch distinct
 * rows (RequestWrites sees to it), so their order within the statement does not matter, and they
 * are written together or not at all.
 */
function statementOf(writes: HeldWrite[]) {
  const values: unknown[] = [];
  const parts = writes.map((w) => {
    const base = values.length;
    const p = (i: number) => `$${base + i}`;
    values.push(...w.values);
    return upsert(p);
  });
  const last = parts.pop()!;
  const text = parts.length
    ? `WITH ${parts.map((sql, i) => `w${i} AS (${sql})`).join(', ')} ${last}`
    : last;
  return { name: `simauth_oidc_write_${writes.map((w) => w.kind[0]).join('')}`, text, values };
}

export const writeNow = (db: DataSource, writes: HeldWrite[]) => {
  const { name, text, values } = statementOf(writes);
  return preparedQuery(db, name, text, values);
};

/**
 * The writes of one request of the provider, held and sent together: the library saves the
 * grant, the code and the session of a sign-in one after another, and a rotated refresh token's
 * successor and the access token; each was a round trip and a commit of its own. A held write is
 * sent before any read, consume or delete of the request (so the request reads what it wrote), and
 * before the answer (the request's end; a failed write fails the request, so nothing is answered
 * that is not stored).
 */
class RequestWrites {
  private held: HeldWrite[] = [];
  /** Records read ahead with a token (its grant, its session), for this request's next read. */
  private readonly ahead = new Map<string, unknown>();
  private writing: Promise<unknown> = Promise.resolve();
  private ended = false;

  constructor(private readonly db: DataSource) {}

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

  /** A delete of the request: what was read ahead is read again. */
  forgetAhead(): void {
    this.ahead.clear();
  }

  async hold(write: HeldWrite): Promise<void> {
    // What was read ahead may be what this changes: from now on, read it again.
    this.ahead.clear();
    if (
      this.held.length >= MAX_HELD ||
      this.held.some((h) => h.model === write.model && h.id === write.id)
    ) {
      await this.flush();
    }
    this.held.push(write);
    // A replay mark (a DPoP proof's jti, a client assertion's) is stored as soon as it is checked,
    // not held over the rest of the request: a replay in the meantime must find it.
    if (this.ended || write.model === REPLAY_DETECTION) return this.flush();
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
    this.writing = this.writing.then(() => writeNow(this.db, writes));
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
 * with our headers, x-request-id among them), not the redirect or cookies that named it.
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
          onWriteError(err as Error);
          if (!ctx.res.headersSent) {
            ctx.remove('Location');
            ctx.remove('Set-Cookie');
            ctx.status = 500;
            ctx.body = {
              error: 'server_error',
              error_description: 'oops! something went wrong',
            };
          }
        }
      }
    });
  };
}
