import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttemptKind } from './attempt-kind';

/**
 * Every move of every attempt as one relation, for a statement that reads the audit trail in
 * commit order: tx (the writing transaction, xid8), id, at, attempt_id, kind, from_status,
 * to_status, actor, reason, request_id, provider, user_id, phone_number. Used as a subquery, which Postgres
 * flattens: conditions on (tx, id) use attempt_events' (tx, id) index.
 */
export const ATTEMPT_MOVES_SQL = `
  SELECT e.tx, e.id, e.created_at AS at, e.attempt_id, a.kind, e.from_status, e.to_status,
         e.actor, e.reason, e.request_id, e.provider, a.user_id, a.phone_number
    FROM attempt_events e JOIN attempts a ON a.id = e.attempt_id`;

/** An attempt as the operators list it. */
export interface AttemptSummary {
  id: string;
  kind: AttemptKind;
  status: string;
  userId: string | null;
  phoneNumber: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One move of an attempt, from its audit trail (`attempt_events`). */
interface AttemptMove {
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  reason: string | null;
  requestId: string | null;
  /** The provider whose SIM proof (or call) the move records, if any. */
  provider: string | null;
  createdAt: Date;
}

/** An attempt with its outcome and every move it made. */
export interface AttemptRecord extends AttemptSummary {
  result: Record<string, unknown> | null;
  expiresAt: Date;
  moves: AttemptMove[];
}

/** Filters of `search`; each one given must hold. */
interface AttemptSearch {
  phoneNumber?: string;
  userId?: string;
  kind?: string;
  status?: string;
  /** Created at or after (ISO 8601). */
  since?: string;
  /** Created before (ISO 8601). */
  until?: string;
  /** Only attempts before this one in the order (the `position` of the last one seen). */
  after?: { createdAt: string; id: string };
  limit: number;
}

interface SummaryRow {
  id: string;
  kind: AttemptKind;
  status: string;
  user_id: string | null;
  phone_number: string | null;
  created_at: Date;
  updated_at: Date;
}

const toSummary = (r: SummaryRow): AttemptSummary => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  userId: r.user_id,
  phoneNumber: r.phone_number,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Attempts as history: what the operators read, never what a flow moves (that is
 * AttemptStateMachine's).
 */
@Injectable()
export class AttemptHistory {
  constructor(private readonly db: DataSource) {}

  /**
   * The latest attempts of a user, newest first: theirs, and those naming their number
   * (registrations name the number, not the user, who may not exist yet).
   */
  async recentOf(userId: string, phoneNumber: string, limit: number): Promise<AttemptSummary[]> {
    const rows: SummaryRow[] = await this.db.query(
      `SELECT id, kind, status, user_id, phone_number, created_at, updated_at FROM attempts
        WHERE user_id = $1 OR phone_number = $2
        ORDER BY created_at DESC LIMIT $3`,
      [userId, phoneNumber, limit],
    );
    return rows.map(toSummary);
  }

  /** One attempt with every move it made, or undefined. */
  async find(id: string): Promise<AttemptRecord | undefined> {
    const [row]: (SummaryRow & {
      result: Record<string, unknown> | null;
      expires_at: Date;
    })[] = await this.db.query(
      `SELECT id, kind, status, user_id, phone_number, result, created_at, updated_at, expires_at
         FROM attempts WHERE id = $1`,
      [id],
    );
    if (!row) return undefined;
    const moves: {
      from_status: string | null;
      to_status: string;
      actor: string;
      reason: string | null;
      request_id: string | null;
      provider: string | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT from_status, to_status, actor, reason, request_id, provider, created_at
         FROM attempt_events
        WHERE attempt_id = $1 ORDER BY id`,
      [id],
    );
    return {
      ...toSummary(row),
      result: row.result,
      expiresAt: row.expires_at,
      moves: moves.map((m) => ({
        fromStatus: m.from_status,
        toStatus: m.to_status,
        actor: m.actor,
        reason: m.reason,
        requestId: m.request_id,
        provider: m.provider,
        createdAt: m.created_at,
      })),
    };
  }

  /**
   * Attempts matching every filter given, newest first (keyset on created_at and id, so a page
   * holds still while new attempts arrive). Each with its `position`: created_at as Postgres
   * writes it (to the microsecond) and the id, where the next page starts.
   */
  async search(
    q: AttemptSearch,
  ): Promise<(AttemptSummary & { position: { createdAt: string; id: string } })[]> {
    const rows: (SummaryRow & { created_at_text: string })[] = await this.db.query(
      `SELECT id, kind, status, user_id, phone_number, created_at, updated_at,
              created_at::text AS created_at_text
         FROM attempts
        WHERE ($1::text IS NULL OR phone_number = $1)
          AND ($2::uuid IS NULL OR user_id = $2)
          AND ($3::text IS NULL OR kind = $3)
          AND ($4::text IS NULL OR status = $4)
          AND ($5::timestamptz IS NULL OR created_at >= $5)
          AND ($6::timestamptz IS NULL OR created_at < $6)
          AND ($7::timestamptz IS NULL OR (created_at, id) < ($7::timestamptz, $8::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $9`,
      [
        q.phoneNumber ?? null,
        q.userId ?? null,
        q.kind ?? null,
        q.status ?? null,
        q.since ?? null,
        q.until ?? null,
        q.after?.createdAt ?? null,
        q.after?.id ?? null,
        q.limit,
      ],
    );
    return rows.map((r) => ({
      ...toSummary(r),
      position: { createdAt: r.created_at_text, id: r.id },
    }));
  }

  /**
   * Deletes up to `limit` attempts (their moves go with them) created more than `days` ago and
   * final by now; returns how many. An attempt lives minutes, so one that old has long been final.
   */
  async deleteFinalOlderThan(days: number, limit: number): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `WITH d AS (
         DELETE FROM attempts WHERE id IN (
           SELECT id FROM attempts
            WHERE created_at < now() - make_interval(days => $1) AND is_final LIMIT $2)
         RETURNING 1
       ) SELECT 1 FROM d`,
      [days, limit],
    );
    return rows.length;
  }
}
