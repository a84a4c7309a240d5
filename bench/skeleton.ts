/**
 * The limit simauth is measured against: a skeleton of the companion login with no framework,
 * doing exactly the I/O one login needs as cheaply as Node can. The same four inbound requests
 * (bare node:http, JSON), the same provider calls to the same sandbox (undici, keep-alive: the
 * SIM-swap check, the PhoneCheck create and its code exchange, and the push), the same SQL
 * statements on the same Postgres (pg, named prepared statements, the same text as simauth's), one
 * ES256 signature (crypto.sign), the same security headers, request ids and token hashing.
 * What it leaves out is what no login needs: validation beyond the fields it reads, problem
 * documents, metrics, logs, OpenAPI. `node dist/bench/skeleton.js <port> <databaseUrl> <sandboxUrl>`
 */
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  randomInt,
  randomUUID,
  sign,
} from 'node:crypto';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { Pool as PgPool } from 'pg';
import { Pool as HttpPool } from 'undici';
import { API_SECURITY_HEADERS } from '../libs/http/src/security-headers';

const KIND = 'companion_login';
const LOGIN_TTL_SECONDS = 120;
const LEASE_SECONDS = 12;
const ID_TOKEN_TTL_SECONDS = 300;
const RATE = { ip: [1_000_000, 60], phone: [1_000_000, 60], attempt: [1_000_000, 60] } as const;

const NOTIFY = `pg_notify('attempt_changed', json_build_object(
    'id', a.id, 'kind', a.kind, 'status', a.status, 'version', a.version,
    'expires_at', a.expires_at)::text)`;

// simauth's statements, word for word (see libs/attempts and apps/api/src/rate-limits).
const SQL = {
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
                            token_hash, context, expires_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now() + make_interval(secs => $10))
      RETURNING *
    ), event AS (
      INSERT INTO attempt_events (attempt_id, from_status, to_status, actor, reason, request_id)
      SELECT id, NULL, status, $11, $12, $13 FROM a
    )
    SELECT a.*, ${NOTIFY} AS notified FROM a`,
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
           CASE WHEN a.id IS NOT NULL THEN ${NOTIFY} END AS notified
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

const [port, databaseUrl, sandboxUrl] = process.argv.slice(2);
const db = new PgPool({ connectionString: databaseUrl, max: 20 });
const provider = new HttpPool(sandboxUrl, { connections: 64, keepAliveTimeout: 30_000 });
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const kid = randomUUID();

type Row = Record<string, any>;
const query = async (name: keyof typeof SQL, values: unknown[]): Promise<Row[]> =>
  (await db.query({ name: `skeleton_${name}`, text: SQL[name], values })).rows;

const hash = (secret: string) => createHash('sha256').update(secret).digest();
const secret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

class HttpError extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

async function providerCall(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Row> {
  const res = await provider.request({
    method,
    path,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headersTimeout: 5000,
    bodyTimeout: 5000,
  });
  const answer = (await res.body.json()) as Row;
  if (res.statusCode >= 300) throw new HttpError(502);
  return answer;
}

let credentials: { truId: { clientId: string; clientSecret: string }; fcm: Row };
let truIdToken: { value: string; until: number } | undefined;
async function truIdBearer(): Promise<string> {
  if (truIdToken && truIdToken.until > Date.now()) return truIdToken.value;
  const basic = Buffer.from(
    `${credentials.truId.clientId}:${credentials.truId.clientSecret}`,
  ).toString('base64');
  const token = await providerCall(
    'POST',
    '/oauth2/v1/token',
    new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'phone_check sim_check',
    }).toString(),
    { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
  );
  truIdToken = { value: token.access_token, until: Date.now() + (token.expires_in - 60) * 1000 };
  return truIdToken.value;
}
const truId = async (
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  type = 'application/json',
) =>
  providerCall(method, path, body, {
    authorization: `Bearer ${await truIdBearer()}`,
    'content-type': type,
  });

function move(
  id: string,
  to: string,
  from: string[],
  final: boolean,
  actor: string,
  reason: string,
  requestId: string,
  extra: { context?: Row; result?: Row; lease?: number } = {},
) {
  return query('transition', [
    id,
    KIND,
    to,
    final,
    from,
    false,
    null,
    extra.context ? JSON.stringify(extra.context) : null,
    extra.result ? JSON.stringify(extra.result) : null,
    null,
    actor,
    reason,
    requestId,
    extra.lease ?? null,
    false,
    null,
    [],
  ]);
}

async function limited(
  first: string,
  second: string,
  limits: readonly (readonly [number, number])[],
) {
  const [row] = await query('rateLimit', [first, limits[0][1], limits[0][0], second, limits[1][1]]);
  if (row.hits > limits[0][0] || (row.second_hits ?? 0) > limits[1][0]) throw new HttpError(429);
}

async function device(req: IncomingMessage): Promise<Row> {
  const token = /^Bearer (simauth_dt_[A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '')?.[1];
  const [row] = token ? await query('device', [hash(token)]) : [];
  if (!row) throw new HttpError(401);
  return row;
}

async function liveLogin(id: string, owner: Row, status: string): Promise<Row> {
  const [login] = await query('attempt', [id, KIND]);
  if (!login) throw new HttpError(404);
  if (login.user_id !== owner.user_id) throw new HttpError(403);
  if (login.status !== status || login.expires_at <= new Date()) throw new HttpError(409);
  return login;
}

async function start(body: Row, ip: string, requestId: string) {
  const phone = body.phone_number;
  if (typeof phone !== 'string' || !/^\+[1-9][0-9]{7,14}$/.test(phone)) throw new HttpError(400);
  await limited(`ip:${ip}`, `phone:${phone}`, [RATE.ip, RATE.phone]);
  const [user] = await query('user', [phone]);
  const pollToken = secret('simauth_pt');
  const candidates = new Set<number>();
  while (candidates.size < 3) candidates.add(randomInt(10, 100));
  const shown = [...candidates].sort((a, b) => a - b);
  const matchNumber = shown[randomInt(0, 3)];
  const [login] = await query('insert', [
    randomUUID(),
    KIND,
    'PENDING',
    phone,
    user?.id ?? null,
    null,
    null,
    hash(pollToken),
    JSON.stringify({ match_number: matchNumber, candidates: shown }),
    LOGIN_TTL_SECONDS,
    'web',
    null,
    requestId,
  ]);
  if (user) void push(login, user.id, shown).catch(() => undefined);
  return {
    status: 201,
    body: {
      login_id: login.id,
      poll_token: pollToken,
      status: login.status,
      match_number: matchNumber,
      expires_at: login.expires_at.toISOString(),
    },
  };
}

async function push(login: Row, userId: string, shown: number[]) {
  for (const d of await query('pushable', [userId])) {
    await providerCall(
      'POST',
      `/v1/projects/${encodeURIComponent(credentials.fcm.projectId)}/messages:send`,
      {
        message: {
          token: d.push_token,
          data: {
            type: 'login_request',
            login_id: login.id,
            match_numbers: shown.join(','),
            expires_at: login.expires_at.toISOString(),
          },
          notification: {
            title: 'Sign-in request',
            body: 'Someone is signing in with your number. Approve only if it is you.',
          },
          android: { priority: 'high' },
          apns: { headers: { 'apns-priority': '10' } },
        },
      },
      {
        authorization: `Bearer ${credentials.fcm.accessToken}`,
        'content-type': 'application/json',
      },
    );
  }
}

async function approve(id: string, body: Row, req: IncomingMessage, ip: string, requestId: string) {
  const owner = await device(req);
  await limited(`ip:${ip}`, `attempt:${id}`, [RATE.ip, RATE.attempt]);
  const login = await liveLogin(id, owner, 'PENDING');
  if (body.match_number !== login.context.match_number) throw new HttpError(422);
  const [approved] = await move(
    id,
    'APPROVED',
    ['PENDING'],
    false,
    'device',
    'approved on the phone',
    requestId,
    {
      context: { approved_by_device: owner.id },
      lease: LEASE_SECONDS,
    },
  );
  if (!approved?.id) throw new HttpError(409);
  const swap = await truId('POST', '/sim_check/v0.1/checks', {
    phone_number: login.phone_number,
    period: 72 * 60,
  });
  if (swap.no_sim_change === false) throw new HttpError(403);
  const check = await truId('POST', '/phone_check/v0.2/checks', {
    phone_number: login.phone_number,
  });
  const checkUrl = check._links.check_url.href;
  await query('annotate', [
    id,
    KIND,
    approved.version,
    check.check_id,
    JSON.stringify({ check_url: checkUrl }),
  ]);
  return { status: 200, body: { status: 'APPROVED', check_url: checkUrl } };
}

async function code(id: string, body: Row, req: IncomingMessage, ip: string, requestId: string) {
  const owner = await device(req);
  await limited(`ip:${ip}`, `attempt:${id}`, [RATE.ip, RATE.attempt]);
  const login = await liveLogin(id, owner, 'APPROVED');
  if (body.check_id !== login.provider_ref || typeof body.code !== 'string')
    throw new HttpError(400);
  const [pending] = await move(
    id,
    'MATCH_PENDING',
    ['APPROVED'],
    false,
    'device',
    'code received',
    requestId,
    {
      lease: LEASE_SECONDS,
    },
  );
  if (!pending?.id) throw new HttpError(409);
  const check = await truId(
    'PATCH',
    `/phone_check/v0.2/checks/${encodeURIComponent(body.check_id)}`,
    [{ op: 'add', path: '/code', value: body.code }],
    'application/json-patch+json',
  );
  const match = check.status === 'COMPLETED' && check.match === true;
  if (!match) {
    await move(
      id,
      'MATCH_FAILED',
      ['MATCH_PENDING'],
      true,
      'provider',
      'SIM does not match',
      requestId,
    );
    return { status: 200, body: { status: 'MATCH_FAILED' } };
  }
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'ES256', kid, typ: 'JWT' })}.${b64({
    phone_number: login.phone_number,
    amr: ['sim'],
    auth_time: now,
    sid: id,
    iss: issuer,
    aud: 'simauth',
    sub: login.user_id,
    iat: now,
    exp: now + ID_TOKEN_TTL_SECONDS,
    jti: id,
  })}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  const idToken = `${input}.${signature.toString('base64url')}`;
  await move(
    id,
    'MATCH_SUCCESS',
    ['MATCH_PENDING'],
    true,
    'provider',
    'SIM matches the number',
    requestId,
    {
      result: { id_token: idToken },
    },
  );
  return { status: 200, body: { status: 'MATCH_SUCCESS' } };
}

async function poll(id: string, req: IncomingMessage, requestId: string) {
  const token = /^Bearer (simauth_pt_[A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '')?.[1];
  const [login] = token ? await query('byToken', [hash(token), KIND]) : [];
  if (!login || login.id !== id) throw new HttpError(401);
  const view: Row = {
    login_id: id,
    status: login.status,
    expires_at: login.expires_at.toISOString(),
  };
  if (login.status === 'MATCH_SUCCESS' && !('id_token_issued' in login.context)) {
    const [claimed] = await query('claim', [
      id,
      KIND,
      'MATCH_SUCCESS',
      'id_token_issued',
      'web',
      requestId,
    ]);
    if (claimed) view.id_token = claimed.result.id_token;
  }
  return { status: 200, body: view };
}

const LOGIN_PATH = /^\/v1\/logins\/([0-9a-f-]{36})(\/approve|\/code)?$/;

async function route(req: IncomingMessage, body: Row, requestId: string) {
  const ip = req.socket.remoteAddress ?? '';
  if (req.method === 'POST' && req.url === '/v1/logins') return start(body, ip, requestId);
  const m = LOGIN_PATH.exec(req.url ?? '');
  if (!m) throw new HttpError(404);
  if (req.method === 'POST' && m[2] === '/approve') return approve(m[1], body, req, ip, requestId);
  if (req.method === 'POST' && m[2] === '/code') return code(m[1], body, req, ip, requestId);
  if (req.method === 'GET' && !m[2]) return poll(m[1], req, requestId);
  throw new HttpError(404);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const requestId = randomUUID();
    let body: Row = {};
    try {
      if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = {};
    }
    route(req, body, requestId).then(
      (answer) => send(res, answer.status, answer.body, requestId),
      (err) =>
        send(res, err instanceof HttpError ? err.status : 500, { status: 'error' }, requestId),
    );
  });
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...API_SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-request-id': requestId,
  });
  res.end(text);
}

async function main() {
  const res = await provider.request({ method: 'GET', path: '/sandbox/credentials' });
  credentials = (await res.body.json()) as typeof credentials;
  createServer({ keepAliveTimeout: 30_000 }, handle).listen(Number(port), '127.0.0.1', () =>
    process.stdout.write(`skeleton on ${issuer}\n`),
  );
}

// Exits normally on SIGTERM, so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
void main();
