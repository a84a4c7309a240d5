/**
 * A FROM item that makes the statement it is in commit without waiting for its WAL to reach the
 * disk: `set_config('synchronous_commit', 'off', true)`, read in the statement, lasts until the end
 * of that statement's transaction only (each such statement is sent on its own, never inside
 * another's transaction), and the pooled connection's later writes wait as the server says.
 *
 * What it risks: a crash of Postgres itself (not of an api process), or a failover to a standby
 * (the commit does not wait for a synchronous one either), may forget such commits of the last
 * fraction of a second, at most three times wal_writer_delay (200 ms by default); never a later
 * commit that waited, since the WAL is flushed in order. What it saves: the commit's own flush,
 * about three quarters of a small write's Postgres CPU. For writes whose loss costs only a retry:
 * rate-limit counters, a sign-in's interaction in progress.
 */
export const ASYNC_COMMIT = `(SELECT set_config('synchronous_commit', 'off', true)) AS async_commit`;
