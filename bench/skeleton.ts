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
import { API_SECURITY_HEADERS } from '@simauth/http';
import { POOL_IDLE_MS } from '@simauth/database';
import { LOGIN_SQL as SQL } from './login-sql';

const KIND = 'companion_login';
const LOGIN_TTL_SECONDS = 120;
const LEASE_SECONDS = 12;
const ID_TOKEN_TTL_SECONDS = 300;
const RATE = { ip: [1_000_000, 60], phone: [1_000_000, 60], attempt: [1_000_000, 60] } as const;

const [port, databaseUrl, sandboxUrl] = process.argv.slice(2);
const db = new PgPool({ connectionString: databaseUrl, max: 20, idleTimeoutMillis: POOL_IDLE_MS });
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
  extra: { context?: Row; result?: Row; lease?: number; provider?: string } = {},
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
    // The provider the move's audit event names (the SIM proof's).
    extra.provider ?? null,
    // The webhooks' outbox write (WebhookMoveHook): no event, no endpoint.
    null,
    [],
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
    false,
    null,
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
    // Its audit event: the SIM check and the provider that took it.
    'system',
    'SIM check by truid',
    requestId,
    'truid',
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
      provider: 'truid',
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
      { provider: 'truid' },
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
      provider: 'truid',
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
      // Only while the user is not blocked, as simauth's poll claims it.
      true,
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
