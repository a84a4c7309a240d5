import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { deleteInBatches, preparedQuery, scheduleSweep } from '@simauth/database';
import { metrics } from '@simauth/observability';

const BATCH = 1000;

/**
 * Deletes rate-limit counters whose window has closed, in batches, on the attempts' sweep
 * interval: a closed window counts nothing (the next hit opens a new one), so the table holds
 * only the keys seen within the longest window. Every replica sweeps; deletes do not conflict.
 */
@Injectable()
export class RateLimitSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(RateLimitSweeper.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const { sweepIntervalMs } = this.config.attempts;
    scheduleSweep(
      this.scheduler,
      'rate-limit-sweep',
      sweepIntervalMs,
      () => this.sweep(),
      this.logger,
    );
  }

  /** Deletes every closed window; returns how many counters went. */
  async sweep(): Promise<number> {
    // A key's window length is not stored: whatever is older than the longest one is closed.
    const longest = Math.max(
      ...Object.values(this.config.rateLimits).map((rate) => rate.windowSeconds),
    );
    const deleted = await deleteInBatches(BATCH, async (size) => {
      const rows = await preparedQuery(
        this.db,
        'simauth_rate_limit_sweep',
        `DELETE FROM rate_limits WHERE ctid IN (
           SELECT ctid FROM rate_limits
            WHERE window_start <= now() - make_interval(secs => $1) LIMIT $2
         ) RETURNING 1`,
        [longest, size],
      );
      return rows.length;
    });
    metrics.rateLimitRowsSwept.inc(deleted);
    const [{ count }] = await preparedQuery<{ count: number }>(
      this.db,
      'simauth_rate_limit_count',
      'SELECT count(*)::int AS count FROM rate_limits',
      [],
    );
    metrics.rateLimitRows.set(count);
    return deleted;
  }
}
