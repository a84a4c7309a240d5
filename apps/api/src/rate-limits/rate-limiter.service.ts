import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { RateLimitedError } from '@simauth/http';

/**
 * Fixed-window counters in Postgres, so a limit holds across every api replica. One statement per
 * hit: it opens a new window or counts in the current one, and says how full it is.
 */
@Injectable()
export class RateLimiterService {
  constructor(private readonly db: DataSource) {}

  /** Counts one hit on `key`; throws RateLimitedError (429, Retry-After) past `limit` per window. */
  async hit(key: string, limit: number, windowSeconds: number, what: string): Promise<void> {
    const rows: { hits: number; retry_after: number }[] = await preparedQuery(
      this.db,
      'simauth_rate_limit_hit',
      `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
         window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
       RETURNING hits, extract(epoch FROM (window_start + make_interval(secs => $2) - now()))::float8 AS retry_after`,
      [key, windowSeconds],
    );
    if (rows[0].hits > limit) {
      throw new RateLimitedError(
        `Too many requests ${what}; try again later.`,
        rows[0].retry_after,
      );
    }
  }
}
