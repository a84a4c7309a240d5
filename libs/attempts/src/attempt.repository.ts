import { Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { Actor, AttemptKind } from './attempt-kind';
import { AttemptRow } from './attempt';
import {
  ANNOTATE_SQL,
  BY_ID_SQL,
  BY_TOKEN_SQL,
  CLAIM_BY_TOKEN_SQL,
  CLAIM_SQL,
  CLOSE_CLAIMS_SQL,
  INSERT_SQL,
  LIVE_OF_SQL,
  transitionSql,
} from './attempt-sql';
import { AttemptMoveHook } from './attempt-move-hook';

interface InsertAttempt {
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
  /** The provider its first event names (see Transition.provider). */
  provider?: string;
  /** Someone will watch its moves from the start (see AttemptStateMachine.watch). */
  watched?: boolean;
}

interface UpdateAttempt {
  id: string;
  kind: AttemptKind;
  to: string;
  toIsFinal: boolean;
  allowedFrom: readonly string[];
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
  /** The event the move's flow names for it, handed to the AttemptMoveHook. */
  event?: string;
  /** The provider the move's audit event names. */
  provider?: string;
}

/**
 * The parameters of transitionSql for a move, then the hook's (`hooked`); the benches send the
 * same statement.
 */
export function transitionParameters(p: UpdateAttempt, hooked: unknown[] = []): unknown[] {
  return [
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
    p.provider ?? null,
    ...hooked,
  ];
}

/** The audit event of an annotation: who recorded the step, why, and the provider it names. */
/** The attempt a claim is for: its id, or its token's hash with what its context must hold. */
export type ClaimTarget = string | { tokenHash: Buffer; marker: { key: string; value: string } };

export interface AnnotationEvent {
  actor: Actor;
  reason: string;
  requestId?: string;
  provider?: string;
}

type TransitionRow = AttemptRow & {
  current_status: string;
  current_is_final: boolean;
  current_expires_at: Date;
  current_lease_until: Date | null;
  db_now: Date;
};

/** SQL for attempts and their audit trail. */
@Injectable()
export class AttemptRepository {
  /** The moves' statement, with the hook's writes when a module provides one. */
  private readonly transition: { name: string; sql: string };

  constructor(
    private readonly db: DataSource,
    @Optional() private readonly hook?: AttemptMoveHook,
  ) {
    // Named by its text: a prepared statement's name must always stand for the same text.
    this.transition = hook
      ? { name: 'simauth_attempt_transition', sql: transitionSql(hook.sql) }
      : { name: 'simauth_attempt_transition_unhooked', sql: transitionSql() };
  }

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
        p.provider ?? null,
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
      this.transition.name,
      this.transition.sql,
      transitionParameters(
        p,
        this.hook?.parameters({ kind: p.kind, to: p.to, event: p.event }) ?? [],
      ),
    );
    return rows[0];
  }

  /**
   * Sets provider_ref and merges context while the attempt is still at `version`, and ends the
   * lease on the step (its work is recorded); no status change. With `audit`, also an audit event
   * that keeps the status.
   */
  async annotate(
    kind: AttemptKind,
    id: string,
    version: number,
    providerRef: string | null,
    context: Record<string, unknown>,
    audit?: AnnotationEvent,
  ): Promise<AttemptRow | undefined> {
    const rows: AttemptRow[] = await preparedQuery(
      this.db,
      'simauth_attempt_annotate',
      ANNOTATE_SQL,
      [
        id,
        kind,
        version,
        providerRef,
        JSON.stringify(context),
        audit?.actor ?? null,
        audit?.reason ?? null,
        audit?.requestId ?? null,
        audit?.provider ?? null,
      ],
    );
    return rows[0];
  }

  /**
   * Marks `flag` in the context of an attempt in `status` unless already marked, with an audit
   * event; the claimed row for exactly one caller, undefined for the rest. The attempt is `target`:
   * its id, or the one whose token hashes to `tokenHash` while its context's `marker.key` is
   * `marker.value` (read and claimed in one statement by the token's holder).
   */
  async claimOnce(
    kind: AttemptKind,
    target: ClaimTarget,
    status: string,
    flag: string,
    actor: Actor,
    requestId?: string,
    whileUserActive = false,
  ): Promise<AttemptRow | undefined> {
    const values = [kind, status, flag, actor, requestId ?? null, whileUserActive];
    const rows: AttemptRow[] =
      typeof target === 'string'
        ? await preparedQuery(this.db, 'simauth_attempt_claim', CLAIM_SQL, [target, ...values])
        : await preparedQuery(this.db, 'simauth_attempt_claim_by_token', CLAIM_BY_TOKEN_SQL, [
            target.tokenHash,
            ...values,
            target.marker.key,
            target.marker.value,
          ]);
    return rows[0];
  }

  /** Closes `flag` on a user's attempts in `status` where nobody claimed it; their ids. */
  async closeClaims(
    p: {
      userId: string;
      kind: AttemptKind;
      status: string;
      flag: string;
      actor: Actor;
      reason: string;
      requestId?: string;
    },
    tx: EntityManager,
  ): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(CLOSE_CLAIMS_SQL, [
      p.userId,
      p.kind,
      p.status,
      p.flag,
      p.actor,
      p.reason,
      p.requestId ?? null,
    ]);
    return rows.map((r) => r.id);
  }

  /** Locks the live attempts of a user (of `userKinds`) and of a number (of `numberKinds`). */
  lockLiveOf(
    p: {
      userId: string;
      userKinds: AttemptKind[];
      phoneNumber: string;
      numberKinds: AttemptKind[];
    },
    tx: EntityManager,
  ): Promise<{ id: string; kind: AttemptKind }[]> {
    return tx.query(LIVE_OF_SQL, [p.userId, p.userKinds, p.phoneNumber, p.numberKinds]);
  }

  /**
   * Writes an event to an attempt still in `status` that moves nothing (from and to its status):
   * something learnt on the way, for its audit trail. Whether the attempt was in `status`.
   */
  async note(
    kind: AttemptKind,
    id: string,
    status: string,
    p: { actor: Actor; reason: string; requestId?: string },
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
       SELECT id, status, status, $4, $5, $6 FROM attempts WHERE id = $1 AND kind = $2 AND status = $3
       RETURNING id`,
      [id, kind, status, p.actor, p.reason, p.requestId ?? null],
    );
    return rows.length > 0;
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
    const rows: AttemptRow[] = await preparedQuery(this.db, 'simauth_attempt_by_id', BY_ID_SQL, [
      id,
      kind,
    ]);
    return rows[0];
  }

  async findByTokenHash(kind: AttemptKind, tokenHash: Buffer): Promise<AttemptRow | undefined> {
    const rows: AttemptRow[] = await preparedQuery(
      this.db,
      'simauth_attempt_by_token',
      BY_TOKEN_SQL,
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
