import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { deleteInBatches, scheduleSweep } from '@simauth/database';

const BATCH = 1000;
/**
 * A callback's Date may be 5 minutes off either way, so a signed callback verifies for at most
 * 10 minutes after it was first received; its receipt is kept a little longer, then deleted.
 */
export const RECEIPT_RETENTION_SECONDS = 15 * 60;

/** Deletes receipts of tru.ID callbacks that could no longer verify anyway, in batches. */
@Injectable()
export class CallbackReceiptsSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(CallbackReceiptsSweeper.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    scheduleSweep(
      this.scheduler,
      'callback-receipts-sweep',
      this.config.attempts.sweepIntervalMs,
      () => this.sweep(),
      this.logger,
    );
  }

  /** Returns how many receipts went. */
  sweep(): Promise<number> {
    return deleteInBatches(BATCH, async (size) => {
      const rows: unknown[] = await this.db.query(
        // In a CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count].
        `WITH gone AS (
           DELETE FROM callback_receipts WHERE ctid IN (
             SELECT ctid FROM callback_receipts
              WHERE received_at <= now() - make_interval(secs => $1) LIMIT $2
           ) RETURNING 1
         ) SELECT 1 FROM gone`,
        [RECEIPT_RETENTION_SECONDS, size],
      );
      return rows.length;
    });
  }
}
