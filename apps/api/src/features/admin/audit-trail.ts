import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { deleteInBatches, scheduleSweep } from '@simauth/database';
import { ATTEMPT_MOVES_SQL, AttemptHistory } from '@simauth/attempts';
import { maskPhoneNumber } from './phone-number-mask';

/** Where an export starts when no cursor is given: before the first event. */
const FIRST_CURSOR = '0-0-0';
/** A cursor: the writing transaction, the source (0 attempt moves, 1 admin actions), the row id. */
export const CURSOR_PATTERN = /^(\d{1,20})-([01])-(\d{1,19})$/;
/** Events read per query while a response streams. */
const BATCH = 500;
/** How often each process deletes what is older than AUDIT_RETENTION_DAYS. */
const AUDIT_SWEEP_INTERVAL_MS = 10 * 60_000;

/** One line of the audit export (see docs/operations/operators.md, the audit trail). */
type AuditEvent =
  | {
      cursor: string;
      type: 'attempt.moved';
      at: string;
      attempt_id: string;
      kind: string;
      from_status: string | null;
      to_status: string;
      actor: string;
      reason: string | null;
      request_id: string | null;
      /** The provider whose SIM proof (or call) the move records; null when none. */
      provider: string | null;
      user_id: string | null;
      phone_number: string | null;
    }
  | {
      cursor: string;
      type: 'admin.action';
      at: string;
      client_id: string;
      action: string;
      target: string | null;
      request_id: string | null;
    };

interface EventRow {
  tx: string;
  src: number;
  id: string;
  at: Date;
  attempt_id: string | null;
  kind: string | null;
  from_status: string | null;
  to_status: string | null;
  actor: string | null;
  reason: string | null;
  request_id: string | null;
  provider: string | null;
  user_id: string | null;
  phone_number: string | null;
  client_id: string | null;
  action: string | null;
  target: string | null;
}

/**
 * Both sources in the order of the transactions that wrote them, after the cursor, and only from
 * transactions older than every one still running (`pg_snapshot_xmin`): a row such a transaction
 * writes later can only carry a larger `tx`, so a cursor never passes over an event that commits
 * late. For each source the row comparison `(tx, id) > (…)` uses its (tx, id) index. The moves
 * come from libs/attempts (ATTEMPT_MOVES_SQL); admin_actions is this module's own table.
 */
const EVENTS_SQL = `
  WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
  SELECT * FROM (
    (SELECT m.tx::text AS tx, 0 AS src, m.id, m.at, m.attempt_id, m.kind, m.from_status,
            m.to_status, m.actor, m.reason, m.request_id, m.provider, m.user_id, m.phone_number,
            NULL AS client_id, NULL AS action, NULL AS target
       FROM (${ATTEMPT_MOVES_SQL}) m, horizon h
      WHERE (m.tx, m.id) > ($1::xid8, CASE WHEN $2::int < 0 THEN -1 WHEN $2::int = 0 THEN $3::bigint
                                           ELSE 9223372036854775807 END)
        AND m.tx < h.xmin AND ($4::timestamptz IS NULL OR m.at >= $4::timestamptz)
      ORDER BY m.tx, m.id LIMIT $5)
    UNION ALL
    (SELECT x.tx::text, 1, x.id, x.at, NULL, NULL, NULL, NULL, NULL, NULL, x.request_id, NULL,
            NULL, NULL, x.client_id, x.action, x.target
       FROM admin_actions x, horizon h
      WHERE (x.tx, x.id) > ($1::xid8, CASE WHEN $2::int < 1 THEN -1 ELSE $3::bigint END)
        AND x.tx < h.xmin AND ($4::timestamptz IS NULL OR x.at >= $4::timestamptz)
      ORDER BY x.tx, x.id LIMIT $5)
  ) events
  ORDER BY tx::xid8, src, id LIMIT $5`;

/**
 * The audit trail: every move of every attempt (`attempt_events`) and every admin API call
 * (`admin_actions`), exported in commit order from a cursor, and deleted after
 * AUDIT_RETENTION_DAYS by the sweeper.
 */
@Injectable()
export class AuditTrail implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly scheduler: SchedulerRegistry,
    private readonly history: AttemptHistory,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.audit.retentionDays === 0) return;
    scheduleSweep(
      this.scheduler,
      'audit-retention-sweep',
      AUDIT_SWEEP_INTERVAL_MS,
      () => this.sweep(),
      this.logger,
    );
  }

  /** Records an admin call: which client, what, on what, for which request. */
  async record(
    clientId: string,
    action: string,
    target: string | null,
    requestId?: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO admin_actions (client_id, action, target, request_id) VALUES ($1, $2, $3, $4)`,
      [clientId, action, target, requestId ?? null],
    );
  }

  /**
   * Up to `limit` events after `cursor` (and at or after `since`), read in batches as the caller
   * consumes them. Phone numbers are masked unless `phoneNumbers` is true.
   */
  async *events(options: {
    after?: string;
    since?: Date;
    limit: number;
    phoneNumbers: boolean;
  }): AsyncGenerator<AuditEvent> {
    let cursor = options.after ?? FIRST_CURSOR;
    let left = options.limit;
    while (left > 0) {
      const [, tx, src, id] = CURSOR_PATTERN.exec(cursor)!;
      const size = Math.min(BATCH, left);
      const rows: EventRow[] = await this.db.query(EVENTS_SQL, [
        tx,
        Number(src),
        id,
        options.since ?? null,
        size,
      ]);
      for (const row of rows) yield this.toEvent(row, options.phoneNumbers);
      if (rows.length < size) return;
      const last = rows[rows.length - 1];
      cursor = `${last.tx}-${last.src}-${last.id}`;
      left -= rows.length;
    }
  }

  /** The events of `events(options)` as JSON lines, read from the database as the stream is. */
  exportLines(options: Parameters<AuditTrail['events']>[0]): Readable {
    const events = this.events(options);
    return Readable.from(
      (async function* () {
        for await (const event of events) yield `${JSON.stringify(event)}\n`;
      })(),
    );
  }

  private toEvent(row: EventRow, phoneNumbers: boolean): AuditEvent {
    const cursor = `${row.tx}-${row.src}-${row.id}`;
    const at = row.at.toISOString();
    if (row.src === 1)
      return {
        cursor,
        type: 'admin.action',
        at,
        client_id: row.client_id!,
        action: row.action!,
        // A search by number records the number as its target.
        target:
          row.target && !phoneNumbers && /^\+\d+$/.test(row.target)
            ? maskPhoneNumber(row.target)
            : row.target,
        request_id: row.request_id,
      };
    return {
      cursor,
      type: 'attempt.moved',
      at,
      attempt_id: row.attempt_id!,
      kind: row.kind!,
      from_status: row.from_status,
      to_status: row.to_status!,
      actor: row.actor!,
      reason: row.reason,
      request_id: row.request_id,
      provider: row.provider,
      user_id: row.user_id,
      phone_number:
        row.phone_number && !phoneNumbers ? maskPhoneNumber(row.phone_number) : row.phone_number,
    };
  }

  /**
   * Deletes attempts (their events go with them) and admin actions created more than
   * AUDIT_RETENTION_DAYS ago. An attempt lives minutes, so one that old has long been final.
   */
  async sweep(): Promise<number> {
    const days = this.config.audit.retentionDays;
    const attempts = await deleteInBatches(1000, (size) =>
      this.history.deleteFinalOlderThan(days, size),
    );
    const actions = await deleteInBatches(1000, async (size) => {
      const rows: unknown[] = await this.db.query(
        `WITH d AS (
           DELETE FROM admin_actions WHERE id IN (
             SELECT id FROM admin_actions WHERE at < now() - make_interval(days => $1) LIMIT $2)
           RETURNING 1
         ) SELECT 1 FROM d`,
        [days, size],
      );
      return rows.length;
    });
    return attempts + actions;
  }
}
