import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig, checkWebhookEndpoint } from '@simauth/config';
import { ConflictError, NotFoundError, RequestValidationError, UUID_PATTERN } from '@simauth/http';
import { AttemptStateMachine } from '@simauth/attempts';
import { AttemptKind } from '../attempt-kind';
import { LoginStatus } from '../companion-login/companion-login.states';
import { ID_TOKEN_CLAIM } from '../../platform/tokens/id-token.service';
import { WebhookEndpointStore, newWebhookSecret } from '../../platform/webhooks/webhook-endpoints';
import { WebhookOutbox } from '../../platform/webhooks/webhook-outbox';
import { AttemptSearchQuery, CreateEndpointBody, DeliveriesQuery, Page } from './dto/admin.dto';

export interface AdminUser {
  user_id: string;
  phone_number: string;
  blocked: boolean;
  blocked_at: string | null;
  created_at: string;
}

const USER_COLUMNS = `id AS user_id, phone_number, blocked_at IS NOT NULL AS blocked, blocked_at, created_at`;

/** Who made an admin call, for the webhook events it causes. */
export interface AdminCall {
  clientId: string;
  requestId?: string;
}

/** The part of an admin action's webhook event that says who did it. */
const actorOf = (by: AdminCall) => ({
  actor: 'admin',
  client_id: by.clientId,
  request_id: by.requestId ?? null,
});

/**
 * What the admin API reads and changes, each change in one transaction with the webhook event it
 * causes, each call audited.
 */
@Injectable()
export class AdminService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registered: WebhookEndpointStore,
    private readonly attempts: AttemptStateMachine,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Records an admin call: which client, what, on what, for which request. */
  async audit(clientId: string, action: string, target: string | null, requestId?: string) {
    await this.db.query(
      `INSERT INTO admin_actions (client_id, action, target, request_id) VALUES ($1, $2, $3, $4)`,
      [clientId, action, target, requestId ?? null],
    );
  }

  async userByPhone(phoneNumber: string): Promise<AdminUser> {
    const [user] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE phone_number = $1`,
      [phoneNumber],
    );
    if (!user) throw new NotFoundError('No user has this phone number.');
    return user;
  }

  async user(userId: string): Promise<AdminUser> {
    const [user] = await this.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [userId]);
    if (!user) throw new NotFoundError('No such user.');
    return user;
  }

  /**
   * Blocks (or unblocks) a user, in one transaction with all that follows from it. A blocked
   * user's new logins are answered like an unknown number's; their live logins and the live
   * number verifications of their number end at once in EXPIRED (reason `user-blocked` in the
   * audit trail only), and a login that succeeded but whose id_token was not yet handed out never
   * hands it out. A change of state writes `user.blocked` / `user.unblocked` to the webhook outbox.
   */
  async setBlocked(userId: string, blocked: boolean, by: AdminCall): Promise<AdminUser> {
    return this.db.transaction(async (tx) => {
      // The user's row first (locked by the update), then the attempts': the order in which a
      // sign-in that checks the user takes them, so the two queue instead of deadlocking.
      const rows: (AdminUser & { was_blocked: boolean })[] = await tx.query(
        `WITH u AS (
           UPDATE users u
              SET blocked_at = CASE WHEN $2 THEN COALESCE(u.blocked_at, now()) ELSE NULL END,
                  updated_at = now()
             FROM (SELECT id, blocked_at FROM users WHERE id = $1 FOR UPDATE) before
            WHERE u.id = before.id
           RETURNING u.*, before.blocked_at IS NOT NULL AS was_blocked
         ) SELECT ${USER_COLUMNS}, was_blocked FROM u`,
        [userId, blocked],
      );
      if (!rows[0]) throw new NotFoundError('No such user.');
      const { was_blocked: wasBlocked, ...user } = rows[0];
      if (wasBlocked === blocked) return user;
      if (blocked) {
        await this.attempts.endLiveOf(
          {
            userId,
            phoneNumber: user.phone_number,
            userKinds: [AttemptKind.CompanionLogin],
            // A number verification names the number only.
            numberKinds: [AttemptKind.NumberVerification],
            actor: 'admin',
            reason: 'user-blocked',
            requestId: by.requestId,
            closeClaim: {
              kind: AttemptKind.CompanionLogin,
              status: LoginStatus.MatchSuccess,
              flag: ID_TOKEN_CLAIM,
            },
          },
          tx,
        );
      }
      await this.outbox.write(tx, blocked ? 'user.blocked' : 'user.unblocked', {
        user_id: userId,
        blocked_at: user.blocked_at,
        ...actorOf(by),
      });
      return user;
    });
  }

  devices(userId: string) {
    return this.db.query(
      `SELECT id AS device_id, client_device_id, proven_by, registered_at,
              push_token IS NOT NULL AS has_push_token
         FROM devices WHERE user_id = $1 ORDER BY registered_at`,
      [userId],
    );
  }

  /**
   * Revokes a device: its row goes, so its credential is refused at once by every replica (each
   * request reads it from Postgres) and its push token is forgotten.
   */
  async revokeDevice(deviceId: string, by: AdminCall): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [device]: { user_id: string; client_device_id: string }[] = await tx.query(
        `WITH d AS (DELETE FROM devices WHERE id = $1 RETURNING user_id, client_device_id)
         SELECT * FROM d`,
        [deviceId],
      );
      if (!device) throw new NotFoundError('No such device.');
      await this.outbox.write(tx, 'device.revoked', {
        device_id: deviceId,
        user_id: device.user_id,
        client_device_id: device.client_device_id,
        ...actorOf(by),
      });
    });
  }

  factors(userId: string) {
    return this.db.query(
      `SELECT id AS factor_id, type, status, created_at FROM factors
        WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  /** Deletes a factor (the account-recovery path: the person enrols a new one). */
  async deleteFactor(factorId: string, by: AdminCall): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [factor]: { user_id: string; type: string; status: string }[] = await tx.query(
        `WITH f AS (DELETE FROM factors WHERE id = $1 RETURNING user_id, type, status)
         SELECT * FROM f`,
        [factorId],
      );
      if (!factor) throw new NotFoundError('No such factor.');
      await this.outbox.write(tx, 'factor.deleted', {
        factor_id: factorId,
        user_id: factor.user_id,
        type: factor.type,
        status: factor.status,
        ...actorOf(by),
      });
    });
  }

  recentAttempts(userId: string) {
    return this.db.query(
      // Registrations name the number, not the user (who may not exist yet).
      `SELECT id AS attempt_id, kind, status, created_at, updated_at FROM attempts
        WHERE user_id = $1 OR phone_number = (SELECT phone_number FROM users WHERE id = $1)
        ORDER BY created_at DESC LIMIT 20`,
      [userId],
    );
  }

  /** One attempt with every move it made (its audit trail). */
  async attempt(attemptId: string) {
    const [attempt] = await this.db.query(
      `SELECT id AS attempt_id, kind, status, user_id, phone_number, result, created_at, updated_at,
              expires_at
         FROM attempts WHERE id = $1`,
      [attemptId],
    );
    if (!attempt) throw new NotFoundError('No such attempt.');
    const events = await this.db.query(
      `SELECT from_status, to_status, actor, reason, request_id, created_at FROM attempt_events
        WHERE attempt_id = $1 ORDER BY id`,
      [attemptId],
    );
    return { ...attempt, events };
  }

  /**
   * Attempts matching every filter given, newest first, a page at a time (keyset on created_at
   * and id, so a page holds still while new attempts arrive).
   */
  async searchAttempts(q: AttemptSearchQuery): Promise<Page<Record<string, unknown>>> {
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodePageCursor(q.cursor, [PG_TIMESTAMP, UUID_PATTERN]) : undefined;
    const rows: (Record<string, unknown> & { cursor_at: string })[] = await this.db.query(
      `SELECT id AS attempt_id, kind, status, user_id, phone_number, created_at, updated_at,
              created_at::text AS cursor_at
         FROM attempts
        WHERE ($1::text IS NULL OR phone_number = $1)
          AND ($2::uuid IS NULL OR user_id = $2)
          AND ($3::text IS NULL OR kind = $3)
          AND ($4::text IS NULL OR status = $4)
          AND ($5::timestamptz IS NULL OR created_at >= $5)
          AND ($6::timestamptz IS NULL OR created_at < $6)
          AND ($7::timestamptz IS NULL OR (created_at, id) < ($7::timestamptz, $8::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $9`,
      [
        q.phone_number ?? null,
        q.user_id ?? null,
        q.kind ?? null,
        q.status ?? null,
        q.since ?? null,
        q.until ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
      ],
    );
    return pageOf(rows, limit, (row) => [row.cursor_at, String(row.attempt_id)]);
  }

  /** A user's browser sessions at the OpenID Provider and the apps signed in through each. */
  async sessions(userId: string) {
    const rows: { payload: OidcSession; expires_at: Date | null }[] = await this.db.query(
      `SELECT payload, expires_at FROM oidc_models
        WHERE model = 'Session' AND payload ->> 'accountId' = $1 ORDER BY payload ->> 'iat'`,
      [userId],
    );
    return rows.map(({ payload, expires_at }) => ({
      // The session's uid: its id is the browser's cookie, and is never shown.
      session_id: payload.uid,
      signed_in_at: epochToIso(payload.loginTs),
      expires_at,
      acr: payload.acr ?? null,
      amr: payload.amr ?? null,
      clients: Object.keys(payload.authorizations ?? {}),
    }));
  }

  /** A user's grants: what each app may do on their behalf, and whether it holds a refresh token. */
  async grants(userId: string) {
    const rows: { id: string; payload: OidcGrant; expires_at: Date | null; refresh: boolean }[] =
      await this.db.query(
        `SELECT g.id, g.payload, g.expires_at,
                EXISTS (SELECT 1 FROM oidc_models r
                         WHERE r.grant_id = g.id AND r.model = 'RefreshToken') AS refresh
           FROM oidc_models g
          WHERE g.model = 'Grant' AND g.payload ->> 'accountId' = $1 ORDER BY g.payload ->> 'iat'`,
        [userId],
      );
    return rows.map(({ id, payload, expires_at, refresh }) => ({
      grant_id: id,
      client_id: payload.clientId,
      scope: payload.openid?.scope ?? null,
      granted_at: epochToIso(payload.iat),
      expires_at,
      has_refresh_token: refresh,
    }));
  }

  /**
   * Ends a browser session and revokes the grants given through it: the person signs in again,
   * and the apps' refresh and access tokens of those grants stop working at once.
   */
  async revokeSession(sessionUid: string): Promise<void> {
    const [row]: { sessions: number }[] = await this.db.query(
      `WITH s AS (
         DELETE FROM oidc_models WHERE model = 'Session' AND uid = $1 RETURNING payload
       ), g AS (
         SELECT a.value ->> 'grantId' AS grant_id
           FROM s, jsonb_each(COALESCE(s.payload -> 'authorizations', '{}'::jsonb)) AS a
       ), revoked AS (
         DELETE FROM oidc_models m USING g
          WHERE m.grant_id = g.grant_id OR (m.model = 'Grant' AND m.id = g.grant_id)
         RETURNING 1
       ) SELECT count(*)::int AS sessions FROM s`,
      [sessionUid],
    );
    if (!row.sessions) throw new NotFoundError('No such session.');
  }

  /** Revokes a grant with every token issued under it (refresh tokens included), at once. */
  async revokeGrant(grantId: string): Promise<void> {
    const [row]: { grants: number }[] = await this.db.query(
      `WITH d AS (
         DELETE FROM oidc_models
          WHERE (model = 'Grant' AND id = $1) OR grant_id = $1
         RETURNING model
       ) SELECT count(*) FILTER (WHERE model = 'Grant')::int AS grants FROM d`,
      [grantId],
    );
    if (!row.grants) throw new NotFoundError('No such grant.');
  }

  /**
   * Every endpoint, those of WEBHOOKS and those registered through this API, with what each takes
   * and how its deliveries stand. Secrets are never shown.
   */
  async endpoints() {
    const registered = await this.registered.list();
    const all = [
      ...this.config.webhooks.endpoints.map((e) => ({
        id: null as string | null,
        source: 'config' as const,
        url: e.url,
        events: e.events,
      })),
      ...registered.map((e) => ({
        id: e.id as string | null,
        source: 'admin' as const,
        url: e.url,
        events: e.events,
      })),
    ];
    const rows: {
      endpoint: string;
      pending: number;
      dead: number;
      last_delivered_at: Date | null;
    }[] = await this.db.query(
      `SELECT endpoint,
                count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL)::int AS pending,
                count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead,
                max(delivered_at) AS last_delivered_at
           FROM webhook_outbox WHERE endpoint = ANY($1::text[]) GROUP BY endpoint`,
      [all.map((e) => e.url)],
    );
    const stats = new Map(rows.map((r) => [r.endpoint, r]));
    return all.map((e) => ({
      ...e,
      pending: stats.get(e.url)?.pending ?? 0,
      dead: stats.get(e.url)?.dead ?? 0,
      last_delivered_at: stats.get(e.url)?.last_delivered_at ?? null,
    }));
  }

  /** Registers an endpoint; the answer carries its secret, shown this once. */
  async createEndpoint(body: CreateEndpointBody, clientId: string) {
    const checked = checkWebhookEndpoint({
      url: body.url,
      events: body.events,
      // A generated key always passes; a given one is checked.
      secret: body.secret ?? newWebhookSecret(randomBytes),
    });
    if ('problem' in checked) throw new RequestValidationError([checked.problem]);
    if (this.config.webhooks.endpoints.some((e) => e.url === checked.endpoint.url))
      throw new ConflictError('This URL is an endpoint of WEBHOOKS already.');
    const created = await this.registered.create(checked.endpoint, clientId);
    if (!created) throw new ConflictError('This URL is registered already.');
    return created;
  }

  async deleteEndpoint(id: string): Promise<void> {
    if (!(await this.registered.delete(id)))
      throw new NotFoundError(
        'No such endpoint (those of WEBHOOKS change with the configuration).',
      );
  }

  /** Webhook deliveries, newest first, a page at a time. */
  async deliveries(q: DeliveriesQuery): Promise<Page<Record<string, unknown>>> {
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodePageCursor(q.cursor, [/^\d{1,19}$/]) : undefined;
    const rows: (Record<string, unknown> & { seq: string })[] = await this.db.query(
      `SELECT id::text AS seq, ${DELIVERY_COLUMNS} FROM webhook_outbox
        WHERE ($1::text IS NULL
               OR ($1 = 'pending' AND delivered_at IS NULL AND dead_at IS NULL)
               OR ($1 = 'delivered' AND delivered_at IS NOT NULL)
               OR ($1 = 'dead' AND dead_at IS NOT NULL))
          AND ($2::bigint IS NULL OR id < $2::bigint)
          AND ($4::text IS NULL OR endpoint = $4)
        ORDER BY id DESC LIMIT $3`,
      [q.state ?? null, after?.[0] ?? null, limit + 1, q.endpoint ?? null],
    );
    return pageOf(rows, limit, (row) => [row.seq]);
  }

  /**
   * Sends a delivery again from its first try, with the same webhook-id (receivers deduplicate on
   * it): the way back for dead deliveries once the receiver is fixed. `deliveryId` is the
   * webhook-id, `msg_<uuid>`.
   */
  async redeliver(deliveryId: string) {
    const messageId = deliveryId.slice('msg_'.length);
    const [current]: { endpoint: string }[] = await this.db.query(
      `SELECT endpoint FROM webhook_outbox WHERE message_id = $1`,
      [messageId],
    );
    if (!current) throw new NotFoundError('No such delivery.');
    const known =
      this.config.webhooks.endpoints.some((e) => e.url === current.endpoint) ||
      (await this.registered.list()).some((e) => e.url === current.endpoint);
    if (!known)
      throw new ConflictError(
        "This delivery's endpoint is no longer configured or registered; nothing would deliver it.",
      );
    const [row] = await this.db.query(
      `WITH r AS (
         UPDATE webhook_outbox
            SET delivered_at = NULL, dead_at = NULL, tries = 0, next_try_at = now(),
                lease_until = NULL, last_error = NULL
          WHERE message_id = $1 AND (lease_until IS NULL OR lease_until <= now())
         RETURNING *
       ) SELECT ${DELIVERY_COLUMNS} FROM r`,
      [messageId],
    );
    if (!row) throw new ConflictError('This delivery is being tried right now.');
    return row;
  }
}

/** A timestamptz as Postgres writes it as text (UTC sessions). */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

const DELIVERY_COLUMNS = `'msg_' || message_id AS delivery_id, endpoint, type, attempt_id, created_at, tries,
  CASE WHEN delivered_at IS NOT NULL THEN 'delivered' WHEN dead_at IS NOT NULL THEN 'dead'
       ELSE 'pending' END AS state,
  next_try_at, delivered_at, dead_at, last_error`;

interface OidcSession {
  uid: string;
  loginTs?: number;
  acr?: string;
  amr?: string[];
  authorizations?: Record<string, { grantId?: string }>;
}

interface OidcGrant {
  clientId: string;
  iat?: number;
  openid?: { scope?: string };
}

const epochToIso = (seconds?: number) =>
  seconds === undefined ? null : new Date(seconds * 1000).toISOString();

/** The page of `rows` (fetched one over `limit`) and the cursor to the next, if there is one. */
function pageOf<T extends Record<string, unknown>>(
  rows: T[],
  limit: number,
  key: (row: T) => string[],
): Page<Omit<T, 'cursor_at' | 'seq'>> {
  const items = rows.slice(0, limit);
  const next =
    rows.length > limit
      ? Buffer.from(key(items[items.length - 1]).join('|')).toString('base64url')
      : null;
  return {
    items: items.map(({ cursor_at: _c, seq: _s, ...item }) => item),
    next_cursor: next,
  };
}

/** The parts of a `next_cursor`, each matching its pattern, or a 400 naming `cursor`. */
function decodePageCursor(cursor: string, parts: RegExp[]): string[] {
  const values = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (values.length !== parts.length || values.some((v, i) => !parts[i].test(v)))
    throw new RequestValidationError([
      { field: 'cursor', message: 'must be a next_cursor from an earlier page' },
    ]);
  return values;
}
