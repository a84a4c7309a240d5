/**
 * The statements of attempts' moves, each one round trip: kept apart from the repository so that
 * the bench's skeleton (bench/skeleton.ts) sends exactly these.
 */
export const NOTIFY = `pg_notify('attempt_changed', json_build_object(
  'id', a.id, 'kind', a.kind, 'status', a.status, 'version', a.version, 'expires_at', a.expires_at)::text)`;

// Hand-written so that a creation and a transition each cost one round trip and one statement:
// the row, its audit event and the notification commit together or not at all. A creation
// notifies nobody: no one can be watching an id that did not exist (a watcher reads the row
// after it starts watching).
export const INSERT_SQL = `
  WITH a AS (
    INSERT INTO attempts (id, kind, status, phone_number, user_id, device_id, provider_ref,
                          token_hash, context, expires_at, watched)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now() + make_interval(secs => $10), $14)
    RETURNING *
  ), event AS (
    INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id,
                                provider)
    SELECT id, NULL, status, $11, $12, $13, $15 FROM a
  )
  SELECT a.* FROM a`;

/**
 * The statement of a move, with `alsoWrite` (an AttemptMoveHook's SQL) as one more of its
 * data-modifying CTEs: what the hook writes commits with the move or not at all. The hook reads
 * the moved row as `a` (with `a.from_status`; no row when the move lost), the move's actor,
 * reason and request id as $11, $12 and $13, the provider its event names as $16, and its own
 * parameters from $17 on.
 */
// FOR UPDATE makes concurrent transitions of one attempt queue on its row; each then sees the
// status the previous one committed, so exactly one of N conflicting moves wins. The move
// notifies only a watched attempt: `watch` sets the flag under the same row lock, so a move
// either sees it (and notifies) or committed before it (and the watcher's read sees the move).
export const transitionSql = (alsoWrite?: string): string => `
  WITH current AS (
    SELECT id, status, is_final, expires_at, lease_until FROM attempts
     WHERE id = $1 AND kind = $2 FOR UPDATE
  ), a AS (
    UPDATE attempts t
       SET status = $3, is_final = $4, version = t.version + 1, updated_at = now(),
           provider_ref = COALESCE($7, t.provider_ref),
           context = t.context || COALESCE($8::jsonb, '{}'::jsonb),
           result = COALESCE($9::jsonb, t.result),
           expires_at = CASE WHEN $10::float8 IS NULL THEN t.expires_at
                             ELSE now() + make_interval(secs => $10::float8) END,
           lease_until = CASE WHEN $14::float8 IS NULL THEN NULL
                              ELSE now() + make_interval(secs => $14::float8) END
      FROM current c
     WHERE t.id = c.id AND c.status = ANY($5::text[])
       AND CASE WHEN $6 THEN c.expires_at <= now() ELSE c.expires_at > now() END
       AND (NOT $15::boolean OR c.lease_until <= now())
    RETURNING t.*, c.status AS from_status
  ), event AS (
    INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id,
                                provider)
    SELECT id, from_status, status, $11, $12, $13, $16 FROM a
  )${alsoWrite ? `, hook AS (${alsoWrite})` : ''}
  SELECT a.*, c.status AS current_status, c.is_final AS current_is_final,
         c.expires_at AS current_expires_at, c.lease_until AS current_lease_until,
         now() AS db_now,
         CASE WHEN a.watched THEN ${NOTIFY} END AS notified
    FROM current c LEFT JOIN a ON true`;

/**
 * Records a step's provider reference and context while the attempt is still at `version`; with
 * an actor ($6), also an audit event that keeps the status (reason $7, request id $8, provider $9).
 */
export const ANNOTATE_SQL = `
  WITH a AS (
    UPDATE attempts SET provider_ref = COALESCE($4, provider_ref), context = context || $5::jsonb,
                        lease_until = NULL, updated_at = now()
     WHERE id = $1 AND kind = $2 AND version = $3 RETURNING *
  ), event AS (
    INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id,
                                provider)
    SELECT id, status, status, $6, $7, $8, $9 FROM a WHERE $6::text IS NOT NULL
  ) SELECT * FROM a`;

/**
 * Marks a flag in the context once (the id_token handed out), with an audit event, on the attempt
 * `row` selects (by `$1`). With $7, only while the attempt's user is not blocked: FOR SHARE waits
 * for a block being written and then sees it, so a claim either commits before the block or finds
 * the user blocked.
 */
const CLAIM = (row: string) => `
  WITH claimed AS (
    UPDATE attempts SET context = context || jsonb_build_object($4::text, now()), updated_at = now()
     WHERE ${row} AND kind = $2 AND status = $3 AND NOT context ? $4
       AND (NOT $7::boolean OR EXISTS (
             SELECT 1 FROM users u WHERE u.id = attempts.user_id AND u.blocked_at IS NULL
                FOR SHARE))
     RETURNING *
  ), event AS (
    INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
    SELECT id, status, status, $5, $4, $6 FROM claimed
  )
  SELECT * FROM claimed`;

/** The same on the attempt with id `$1`. */
export const CLAIM_SQL = CLAIM('id = $1');

/**
 * The same on the attempt whose token hashes to `$1`, only while its context's `$8` is `$9` (what
 * it is bound to): the caller that holds the token reads and claims it in one statement.
 */
export const CLAIM_BY_TOKEN_SQL = CLAIM('token_hash = $1 AND context ->> $8 = $9');

/**
 * Closes a flag nobody claimed yet on the attempts of a user in a status (the value null: taken,
 * by nobody), with an audit event each: what the flag guards is never handed out.
 */
export const CLOSE_CLAIMS_SQL = `
  WITH closed AS (
    UPDATE attempts SET context = context || jsonb_build_object($4::text, null), updated_at = now()
     WHERE user_id = $1 AND kind = $2 AND status = $3 AND NOT context ? $4
     RETURNING id, status
  ), event AS (
    INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
    SELECT id, status, status, $5, $6, $7 FROM closed
  )
  SELECT id FROM closed`;

/**
 * Live attempts of a user (kinds $2) or of a number (kinds $4), locked in id order so that two
 * callers queue instead of deadlocking; a move committed meanwhile is seen (FOR UPDATE re-reads).
 */
export const LIVE_OF_SQL = `
  SELECT id, kind FROM attempts
   WHERE NOT is_final AND expires_at > now()
     AND ((user_id = $1 AND kind = ANY($2::text[])) OR (phone_number = $3 AND kind = ANY($4::text[])))
   ORDER BY id FOR UPDATE`;

export const BY_ID_SQL = 'SELECT * FROM attempts WHERE id = $1 AND kind = $2';
export const BY_TOKEN_SQL = 'SELECT * FROM attempts WHERE token_hash = $1 AND kind = $2';
