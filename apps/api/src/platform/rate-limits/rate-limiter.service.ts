import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@simauth/database';
import { RateLimitedError } from '@simauth/http';
import { MANY_SQL, ONE_SQL, TWO_SQL } from './rate-limit-sql';

/** One fixed-window counter: `limit` hits per `windowSeconds` on `key`. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
  /** How the refusal names it: "Too many requests <what>; …". */
  what: string;
}

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
      const { hits, retryAfterSeconds } = await this.count(first);
      return refuseOver(first, hits, retryAfterSeconds);
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

  /**
   * Counts one hit on `limit` (the same statement as hit) and says how many its window holds and
   * how long the window has left, without refusing: for callers that count after the fact.
   */
  async count(limit: RateLimit): Promise<{ hits: number; retryAfterSeconds: number }> {
    const [row] = await preparedQuery<{ hits: number; retry_after: number }>(
      this.db,
      'simauth_rate_limit_hit',
      ONE_SQL,
      [limit.key, limit.windowSeconds],
    );
    return { hits: row.hits, retryAfterSeconds: row.retry_after };
  }

  /**
   * Counts `hits` hits on each of the counters `keys` (distinct), whose windows all last
   * `windowSeconds`, in one statement, without refusing: what each window holds now, by key.
   */
  async countMany(
    windowSeconds: number,
    keys: string[],
    hits: number[],
  ): Promise<Map<string, { hits: number; retryAfterSeconds: number }>> {
    const rows = await preparedQuery<{ key: string; hits: number; retry_after: number }>(
      this.db,
      'simauth_rate_limit_hit_many',
      MANY_SQL,
      [keys, windowSeconds, hits],
    );
    return new Map(rows.map((r) => [r.key, { hits: r.hits, retryAfterSeconds: r.retry_after }]));
  }
}

function refuseOver(limit: RateLimit, hits: number, retryAfterSeconds: number): void {
  if (hits > limit.limit) throw rateLimitedError(limit, retryAfterSeconds);
}

/** The refusal of `limit` (429), its window ending in `retryAfterSeconds`. */
export function rateLimitedError(limit: RateLimit, retryAfterSeconds: number): RateLimitedError {
  const wait = Math.max(1, Math.ceil(retryAfterSeconds));
  return new RateLimitedError(
    `Too many requests ${limit.what} (at most ${limit.limit} in ${duration(limit.windowSeconds)}); try again in ${duration(wait)}.`,
    wait,
  );
}

/** "45 seconds", "1 minute", "10 minutes" (rounded up), for people. */
function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
