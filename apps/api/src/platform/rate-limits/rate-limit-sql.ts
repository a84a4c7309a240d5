import { ASYNC_COMMIT } from '@simauth/database';

// The rate limiter's statements, kept apart so that the bench's skeleton sends exactly these.
//
// Each is sent on its own and commits without waiting for its WAL to reach the disk
// (ASYNC_COMMIT): a counter's commit is then about a quarter of the Postgres CPU (no flush of its
// own: the WAL writer flushes many at once), and holds the counter's row for less time, which
// every request of one client or address waits on. A crash of Postgres itself may forget the hits
// of the last fraction of a second; the requests those hits counted were within their limits.

/**
 * Opens a new window or counts in the current one, for the counter rows `source` gives (a key
 * with `now()` and its hits, `n`) and the window in seconds `w`; `key` adds the key to what comes
 * back.
 */
const COUNT = (source: string, w: string, n = '1', key = '') => `
  INSERT INTO rate_limits AS r (key, window_start, hits) ${source}
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_start <= now() - make_interval(secs => ${w}) THEN ${n} ELSE r.hits + ${n} END,
    window_start = CASE WHEN r.window_start <= now() - make_interval(secs => ${w}) THEN now() ELSE r.window_start END
  RETURNING ${key}hits, extract(epoch FROM (window_start + make_interval(secs => ${w}) - now()))::float8 AS retry_after`;

export const ONE_SQL = COUNT(`SELECT $1, now(), 1 FROM ${ASYNC_COMMIT}`, '$2');

// The second counter counts only when the first is within its limit ($3), as if it were asked
// after the first answered: a request refused per address does not use up a phone's budget.
export const TWO_SQL = `
  WITH first AS (${ONE_SQL}),
  second AS (${COUNT('SELECT $4, now(), 1 FROM first WHERE first.hits <= $3', '$5')})
  SELECT first.hits, first.retry_after, second.hits AS second_hits, second.retry_after AS second_retry_after
    FROM first LEFT JOIN second ON true`;

/**
 * Counts several hits on several counters of one window length (`$2` seconds) at once: the keys
 * `$1` with their hits `$3`. The rows are taken in key order, so that two replicas counting the same
 * keys at once lock them in the same order (one waits, neither deadlocks).
 */
export const MANY_SQL = COUNT(
  `SELECT k.key, now(), k.n FROM unnest($1::text[], $3::int[]) AS k(key, n), ${ASYNC_COMMIT} ORDER BY k.key`,
  '$2',
  'EXCLUDED.hits',
  'key, ',
);
