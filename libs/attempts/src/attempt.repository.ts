import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { Actor, AttemptKind } from './attempt-kind';
import { AttemptRow } from './attempt';

export interface InsertAttempt {
  id: string;
  kind: AttemptKind;
  status: string;
  ttlSeconds: number;
  phoneNumber?: string | null;
  userId?: string | null;
  deviceId?: string | null;
  providerRef?: string | null;
  tokenHash?: Buffer | null;
  context?: Record<string, unknown>;
  actor: Actor;
  reason?: string;
  requestId?: string;
  /** Someone will watch its moves from the start (see AttemptStateMachine.watch). */
  watched?: boolean;
}

export interface UpdateAttempt {
  id: string;
  kind: AttemptKind;
  to: string;
  toIsFinal: boolean;
  allowedFrom: string[];
  /** true when moving to EXPIRED: only overdue attempts may expire, only live ones may move. */
  expiring: boolean;
  providerRef?: string;
  /** Shallow-merged into `context`. */
  context?: Record<string, unknown>;
  result?: Record<string, unknown>;
  /** Resets the deadline to now + ttl. */
  ttlSeconds?: number;
  actor: Actor;
  reason?: string;
  requestId?: string;
  /** Holds a lease of this many seconds on the step that follows the move; otherwise cleared. */
  leaseSeconds?: number;
  /** Only moves an attempt whose lease has lapsed (taking over an interrupted step). */
  onlyIfLeaseLapsed?: boolean;
  /** A webhook event the move reports, written to the outbox by the same statement. */
  webhook?: { type: string; endpoints: string[] };
}

export type TransitionRow = AttemptRow & {
  current_status: string;
  current_is_final: boolean;
  current_expires_at: Date;
  current_lease_until: Date | null;
  db_now: Date;
};

const NOTIFY = `pg_notify('attempt_changed', json_build_object(
  'id', a.id, 'kind', a.kind, 'status', a.status, 'version', a.version, 'expires_at', a.expires_at)::text)`;

// Hand-written so that a creation and a transition each cost one round trip and one statement:
// the row, its audit event and the notification commit together or not at all. A creation
// notifies nobody: no one can be watching an id that did not exist (a watcher reads the row
// after it starts watching).
const INSERT_SQL = `
  WITH a AS (
    INSERT INTO attempts (id, kind, status, phone_number, user_id, device_id, provider_ref,
                          token_hash, context, expires_at, watched)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now() + make_interval(secs => $10), $14)
    RETURNING *
  ), event AS (
    INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
    SELECT id, NULL, status, $11, $12, $13 FROM a
  )
  SELECT a.* FROM a`;

// FOR UPDATE makes concurrent transitions of one attempt queue on its row; each then sees the
// status the previous one committed, so exactly one of N conflicting moves wins. The move
// notifies only a watched attempt: `watch` sets the flag under the same row lock, so a move
// either sees it (and notifies) or committed before it (and the watcher's read sees the move).
const TRANSITION_SQL = `
  WITH current AS (
    SELECT id, status, is_final, expires_at, lease_until FROM attempts
     WHERE id = $1 AND kind = $2 FOR UPDATE
  ), a AS (
    UPDATE attempts t
       SET status = $3, is_final = $4, version = t.version + 1, updated_at = now(),
           provider_ref = COALESCE($7, t.provider_ref),
           context = t.context || COALESCE($8::jsonb, '{}'::jsonb),
           result = COALESCE($9::jsonb, t.result),
           expires_at = CASE WHEN $10::float8 IS NULL THEN t.expires_at
                             ELSE now() + make_interval(secs => $10::float8) END,
           lease_until = CASE WHEN $14::float8 IS NULL THEN NULL
                              ELSE now() + make_interval(secs => $14::float8) END
      FROM current c
     WHERE t.id = c.id AND c.status = ANY($5::text[])
       AND CASE WHEN $6 THEN c.expires_at <= now() ELSE c.expires_at > now() END
       AND (NOT $15::boolean OR c.lease_until <= now())
    RETURNING t.*, c.status AS from_status
  ), event AS (
    INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
    SELECT id, from_status, status, $11, $12, $13 FROM a
  ), hooks AS (
    INSERT INTO webhook_outbox (endpoint, type, attempt_id, payload)
    SELECT e.url, $16, a.id, jsonb_build_object(
             'type', $16::text,
             'timestamp', now(),
             'data', jsonb_build_object(
               'attempt_id', a.id, 'kind', a.kind, 'status', a.status,
               'previous_status', a.from_status, 'user_id', a.user_id, 'actor', $11::text,
               'reason', $12::text, 'request_id', $13::text, 'result', a.result))
      FROM a CROSS JOIN unnest($17::text[]) AS e(url)
  )
  SELECT a.*, c.status AS current_status, c.is_final AS current_is_final,
         c.expires_at AS current_expires_at, c.lease_until AS current_lease_until,
         now() AS db_now,
         CASE WHEN a.watched THEN ${NOTIFY} END AS notified
    FROM current c LEFT JOIN a ON true`;

/** SQL for attempts and their audit trail. */
@Injectable()
export class AttemptRepository {
  constructor(private readonly db: DataSource) {}

  async insert(p: InsertAttempt, tx?: EntityManager): Promise<AttemptRow> {
    const rows: AttemptRow[] = await preparedQuery(
      tx ?? this.db,
      'simauth_attempt_insert',
      INSERT_SQL,
      [
        p.id,
        p.kind,
        p.status,
        p.phoneNumber ?? null,
        p.userId ?? null,
        p.deviceId ?? null,
        p.providerRef ?? null,
        p.tokenHash ?? null,
        JSON.stringify(p.context ?? {}),
        p.ttlSeconds,
        p.actor,
        p.reason ?? null,
        p.requestId ?? null,
        p.watched ?? false,
      ],
    );
    return rows[0];
  }

  /**
   * Marks an attempt as watched: from now on its moves NOTIFY. Returns whether it exists. The
   * caller subscribes first and reads the attempt after this, so it misses no move.
   */
  async markWatched(kind: AttemptKind, id: string): Promise<boolean> {
    const rows: unknown[] = await preparedQuery(
      this.db,
      'simauth_attempt_watch',
      `WITH w AS (
         UPDATE attempts SET watched = true WHERE id = $1 AND kind = $2 AND NOT watched RETURNING 1
       ) SELECT 1 FROM w UNION ALL SELECT 1 FROM attempts WHERE id = $1 AND kind = $2 AND watched`,
      [id, kind],
    );
    return rows.length > 0;
  }

  /** Returns the row as it was before (`current_*`) and, when the move won, as it is now. */
  async update(p: UpdateAttempt, tx?: EntityManager): Promise<TransitionRow | undefined> {
    const rows: TransitionRow[] = await preparedQuery(
      tx ?? this.db,
      'simauth_attempt_transition',
      TRANSITION_SQL,
      [
        p.id,
        p.kind,
        p.to,
        p.toIsFinal,
        p.allowedFrom,
        p.expiring,
        p.providerRef ?? null,
        p.context ? JSON.stringify(p.context) : null,
        p.result ? JSON.stringify(p.result) : null,
        p.ttlSeconds ?? null,
        p.actor,
        p.reason ?? null,
        p.requestId ?? null,
        p.leaseSeconds ?? null,
        p.onlyIfLeaseLapsed ?? false,
        p.webhook?.type ?? null,
        p.webhook?.endpoints ?? [],
      ],
    );
    return rows[0];
  }

  /**
   * Sets provider_ref and merges context while the attempt is still at `version`, and ends the
   * lease on the step (its work is recorded); no status change.
   */
  async annotate(
    kind: AttemptKind,
    id: string,
    version: number,
    providerRef: string | null,
    context: Record<string, unknown>,
  ): Promise<AttemptRow | undefined> {
    const rows: AttemptRow[] = await preparedQuery(
      this.db,
      'simauth_attempt_annotate',
      `WITH a AS (
         UPDATE attempts SET provider_ref = COALESCE($4, provider_ref), context = context || $5::jsonb,
                            lease_until = NULL, updated_at = now()
          WHERE id = $1 AND kind = $2 AND version = $3 RETURNING *
       ) SELECT * FROM a`,
      [id, kind, version, providerRef, JSON.stringify(context)],
    );
    return rows[0];
  }

  /**
   * Marks `flag` in the context of an attempt in `status` unless already marked, with an audit
   * event; the claimed row for exactly one caller, undefined for the rest.
   */
  async claimOnce(
    kind: AttemptKind,
    id: string,
    status: string,
    flag: string,
    actor: Actor,
    requestId?: string,
  ): Promise<AttemptRow | undefined> {
    const rows: AttemptRow[] = await preparedQuery(
      this.db,
      'simauth_attempt_claim',
      `WITH claimed AS (
         UPDATE attempts SET context = context || jsonb_build_object($4::text, now()), updated_at = now()
          WHERE id = $1 AND kind = $2 AND status = $3 AND NOT context ? $4
          RETURNING *
       ), event AS (
         INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
         SELECT id, status, status, $5, $4, $6 FROM claimed
       )
       SELECT * FROM claimed`,
      [id, kind, status, flag, actor, requestId ?? null],
    );
    return rows[0];
  }

  /** Removes `flag` from the context of an attempt still in `status` (a claim given back). */
  async releaseClaim(kind: AttemptKind, id: string, status: string, flag: string): Promise<void> {
    await this.db.query(
      `UPDATE attempts SET context = context - $4::text, updated_at = now()
        WHERE id = $1 AND kind = $2 AND status = $3`,
      [id, kind, status, flag],
    );
  }

  async findById(kind: AttemptKind, id: string): Promise<AttemptRow | undefined> {
    const rows: AttemptRow[] = await preparedQuery(
      this.db,
      'simauth_attempt_by_id',
      'SELECT * FROM attempts WHERE id = $1 AND kind = $2',
      [id, kind],
    );
    return rows[0];
  }

  async findByTokenHash(kind: AttemptKind, tokenHash: Buffer): Promise<AttemptRow | undefined> {
    const rows: AttemptRow[] = await preparedQuery(
      this.db,
      'simauth_attempt_by_token',
      'SELECT * FROM attempts WHERE token_hash = $1 AND kind = $2',
      [tokenHash, kind],
    );
    return rows[0];
  }

  async findByProviderRef(kind: AttemptKind, providerRef: string): Promise<AttemptRow | undefined> {
    const rows: AttemptRow[] = await this.db.query(
      'SELECT * FROM attempts WHERE kind = $1 AND provider_ref = $2',
      [kind, providerRef],
    );
    return rows[0];
  }

  /** Live attempts of a user in one of `statuses`, oldest first, at most 20 per status. */
  async findLiveByUser(
    kind: AttemptKind,
    userId: string,
    statuses: string[],
  ): Promise<AttemptRow[]> {
    return this.db.query(
      `SELECT * FROM attempts
        WHERE user_id = $1 AND kind = $2 AND NOT is_final AND status = ANY($3::text[])
          AND expires_at > now()
        ORDER BY created_at LIMIT $4`,
      [userId, kind, statuses, 20 * statuses.length],
    );
  }

  /**
   * Final attempts of `kind` whose context has `marker` but not `flag`: work that must follow a
   * final move (a result to hand on) and is not done yet. The keys are written into the statement
   * so that a partial index on the same two keys serves it.
   */
  async findFinalWithout(
    kind: AttemptKind,
    marker: string,
    flag: string,
    limit: number,
  ): Promise<AttemptRow[]> {
    for (const key of [marker, flag]) {
      if (!/^[a-z_]+$/.test(key)) throw new Error(`not a context key: ${key}`);
    }
    return this.db.query(
      `SELECT * FROM attempts
        WHERE kind = $1 AND is_final AND context ? '${marker}' AND NOT context ? '${flag}'
        ORDER BY updated_at LIMIT $2`,
      [kind, limit],
    );
  }

  /** Live attempts whose in-flight step's lease has lapsed, oldest lease first. */
  async findLapsedLeases(
    limit: number,
  ): Promise<{ id: string; kind: AttemptKind; status: string }[]> {
    return this.db.query(
      `SELECT id, kind, status FROM attempts
        WHERE lease_until IS NOT NULL AND lease_until <= now() AND NOT is_final
          AND expires_at > now()
        ORDER BY lease_until LIMIT $1`,
      [limit],
    );
  }

  /** Ids of live attempts past their deadline, oldest first. */
  async findOverdue(limit: number): Promise<{ id: string; kind: AttemptKind }[]> {
    return this.db.query(
      `SELECT id, kind FROM attempts WHERE NOT is_final AND expires_at <= now()
        ORDER BY expires_at LIMIT $1`,
      [limit],
    );
  }
}
