/** The NOTIFY a move of a watched attempt sends inside its statement (libs/attempts/src/attempt.repository.ts). */
export const NOTIFY = `pg_notify('attempt_changed', json_build_object(
    'id', a.id, 'kind', a.kind, 'status', a.status, 'version', a.version,
    'expires_at', a.expires_at)::text)`;

/** simauth's statements of one companion login, word for word (see libs/attempts and apps/api/src/rate-limits). */
export const LOGIN_SQL = {
  rateLimit: `WITH first AS (
      INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
        window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
      RETURNING hits, extract(epoch FROM (window_start + make_interval(secs => $2) - now()))::float8 AS retry_after),
    second AS (
      INSERT INTO rate_limits AS r (key, window_start, hits) SELECT $4, now(), 1 FROM first WHERE first.hits <= $3
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.window_start <= now() - make_interval(secs => $5) THEN 1 ELSE r.hits + 1 END,
        window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $5) THEN now() ELSE r.window_start END
      RETURNING hits, extract(epoch FROM (window_start + make_interval(secs => $5) - now()))::float8 AS retry_after)
    SELECT first.hits, first.retry_after, second.hits AS second_hits, second.retry_after AS second_retry_after
      FROM first LEFT JOIN second ON true`,
  user: `SELECT id FROM users WHERE phone_number = $1 AND blocked_at IS NULL`,
  insert: `WITH a AS (
      INSERT INTO attempts (id, kind, status, phone_number, user_id, device_id, provider_ref,
                            token_hash, context, expires_at, watched)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now() + make_interval(secs => $10), $14)
      RETURNING *
    ), event AS (
      INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
      SELECT id, NULL, status, $11, $12, $13 FROM a
    )
    SELECT a.* FROM a`,
  pushable: `SELECT d.id, d.user_id, d.client_device_id, d.push_token, u.phone_number
      FROM devices d JOIN users u ON u.id = d.user_id
     WHERE d.user_id = $1 AND d.push_token IS NOT NULL`,
  device: `SELECT d.id, d.user_id, d.client_device_id, d.push_token, u.phone_number
      FROM devices d JOIN users u ON u.id = d.user_id WHERE d.credential_hash = $1`,
  attempt: `SELECT * FROM attempts WHERE id = $1 AND kind = $2`,
  byToken: `SELECT * FROM attempts WHERE token_hash = $1 AND kind = $2`,
  transition: `WITH current AS (
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
      INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
      SELECT id, from_status, status, $11, $12, $13 FROM a
    ), hooks AS (
      INSERT INTO webhook_outbox (endpoint, type, attempt_id, payload)
      SELECT e.url, $16, a.id, jsonb_build_object(
               'type', $16::text,
               'timestamp', now(),
               'data', jsonb_build_object(
                 'attempt_id', a.id, 'kind', a.kind, 'status', a.status,
                 'previous_status', a.from_status, 'user_id', a.user_id, 'actor', $11::text,
                 'reason', $12::text, 'request_id', $13::text, 'result', a.result))
        FROM a CROSS JOIN unnest($17::text[]) AS e(url)
    )
    SELECT a.*, c.status AS current_status, c.is_final AS current_is_final,
           c.expires_at AS current_expires_at, c.lease_until AS current_lease_until,
           now() AS db_now,
           CASE WHEN a.watched THEN ${NOTIFY} END AS notified
      FROM current c LEFT JOIN a ON true`,
  annotate: `WITH a AS (
      UPDATE attempts SET provider_ref = COALESCE($4, provider_ref), context = context || $5::jsonb,
                          lease_until = NULL, updated_at = now()
       WHERE id = $1 AND kind = $2 AND version = $3 RETURNING *
    ) SELECT * FROM a`,
  claim: `WITH claimed AS (
      UPDATE attempts SET context = context || jsonb_build_object($4::text, now()), updated_at = now()
       WHERE id = $1 AND kind = $2 AND status = $3 AND NOT context ? $4
      RETURNING *
    ), event AS (
      INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
      SELECT id, status, status, $5, $4, $6 FROM claimed
    ) SELECT * FROM claimed`,
};
