import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { RateLimitedError } from '@simauth/http';

/** One fixed-window counter: `limit` hits per `windowSeconds` on `key`. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
  /** How the refusal names it: "Too many requests <what>; …". */
  what: string;
}

/**
 * Opens a new window or counts in the current one, for the counter row `source` gives (a key
 * with `now()` and 1) and the window in seconds `w`.
 */
const COUNT = (source: string, w: string) => `
  INSERT INTO rate_limits AS r (key, window_start, hits) ${source}
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_start <= now() - make_interval(secs => ${w}) THEN 1 ELSE r.hits + 1 END,
    window_start = CASE WHEN r.window_start <= now() - make_interval(secs => ${w}) THEN now() ELSE r.window_start END
  RETURNING hits, extract(epoch FROM (window_start + make_interval(secs => ${w}) - now()))::float8 AS retry_after`;

const ONE_SQL = COUNT('VALUES ($1, now(), 1)', '$2');

// The second counter counts only when the first is within its limit ($3), as if it were asked
// after the first answered: a request refused per address does not use up a phone's budget.
const TWO_SQL = `
  WITH first AS (${COUNT('VALUES ($1, now(), 1)', '$2')}),
  second AS (${COUNT('SELECT $4, now(), 1 FROM first WHERE first.hits <= $3', '$5')})
  SELECT first.hits, first.retry_after, second.hits AS second_hits, second.retry_after AS second_retry_after
    FROM first LEFT JOIN second ON true`;

/**
 * Fixed-window counters in Postgres, so a limit holds across every api replica. One statement per
 * request: it opens a new window or counts in the current one, for one counter or two, and says
 * how full each is.
 */
@Injectable()
export class RateLimiterService {
  constructor(private readonly db: DataSource) {}

  /**
   * Counts one hit on `first`, then on `second` if `first` is within its limit; throws
   * RateLimitedError (429, Retry-After) for the first counter past its limit.
   */
  async hit(first: RateLimit, second?: RateLimit): Promise<void> {
    if (!second) {
      const [row] = await preparedQuery<{ hits: number; retry_after: number }>(
        this.db,
        'simauth_rate_limit_hit',
        ONE_SQL,
        [first.key, first.windowSeconds],
      );
      return refuseOver(first, row.hits, row.retry_after);
    }
    const [row] = await preparedQuery<{
      hits: number;
      retry_after: number;
      second_hits: number | null;
      second_retry_after: number | null;
    }>(this.db, 'simauth_rate_limit_hit_two', TWO_SQL, [
      first.key,
      first.windowSeconds,
      first.limit,
      second.key,
      second.windowSeconds,
    ]);
    refuseOver(first, row.hits, row.retry_after);
    refuseOver(second, row.second_hits!, row.second_retry_after!);
  }
}

function refuseOver(limit: RateLimit, hits: number, retryAfterSeconds: number): void {
  if (hits > limit.limit) {
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    throw new RateLimitedError(
      `Too many requests ${limit.what} (at most ${limit.limit} in ${duration(limit.windowSeconds)}); try again in ${duration(wait)}.`,
      wait,
    );
  }
}

/** "45 seconds", "1 minute", "10 minutes" (rounded up), for people. */
export function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
