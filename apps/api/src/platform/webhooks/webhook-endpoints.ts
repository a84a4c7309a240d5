import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, WebhookEndpoint } from '@simauth/config';
import { SecretBox } from '@simauth/credentials';
import { RequestValidationError } from '@simauth/http';
import { dataKey } from '../secrets/shared-secret';
import { endpointUrlProblem } from './webhook-addresses';

/** A new Standard Webhooks key: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(random: (n: number) => Buffer): string {
  return `whsec_${random(32).toString('base64')}`;
}

/** How long a process trusts its copy of the registered endpoints (another replica may change them). */
const ENDPOINTS_REFRESH_MS = 5000;

interface RegisteredEndpoint {
  id: string;
  url: string;
  events: string[];
  created_by: string;
  created_at: Date;
}

/** How an endpoint's deliveries stand. */
interface EndpointDeliveryStats {
  endpoint: string;
  pending: number;
  dead: number;
  last_delivered_at: Date | null;
}

/** One delivery of the outbox, as the operators see it; `delivery_id` is its webhook-id. */
export interface WebhookDelivery {
  delivery_id: string;
  endpoint: string;
  type: string;
  attempt_id: string | null;
  created_at: Date;
  tries: number;
  state: 'pending' | 'delivered' | 'dead';
  next_try_at: Date;
  delivered_at: Date | null;
  dead_at: Date | null;
  last_error: string | null;
}

const DELIVERY_COLUMNS = `'msg_' || message_id AS delivery_id, endpoint, type, attempt_id, created_at, tries,
  CASE WHEN delivered_at IS NOT NULL THEN 'delivered' WHEN dead_at IS NOT NULL THEN 'dead'
       ELSE 'pending' END AS state,
  next_try_at, delivered_at, dead_at, last_error`;

interface Row extends RegisteredEndpoint {
  secret_sealed: Buffer;
}

/**
 * Webhook endpoints registered through the admin API, beside those of WEBHOOKS. Their signing
 * secrets are sealed (AES-256-GCM) with the data key, TOTP_ENCRYPTION_KEY (or, unset, the key
 * generated once and kept in the database, as for TOTP seeds). Each process keeps a copy of them
 * with their signers, read again every ENDPOINTS_REFRESH_MS and after its own changes.
 */
@Injectable()
export class WebhookEndpointStore {
  private readonly logger = new Logger(WebhookEndpointStore.name);
  /** Endpoints whose secret did not open, already reported. */
  private readonly unopened = new Set<string>();
  private box?: Promise<SecretBox>;
  private copy?: {
    at: number;
    endpoints: Map<string, { endpoint: WebhookEndpoint; signer: Webhook }>;
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
  ) {}

  private sealer(): Promise<SecretBox> {
    this.box ??= dataKey(this.db, this.config.factors.encryptionKey).then(
      (key) => new SecretBox(key),
    );
    return this.box;
  }

  list(): Promise<RegisteredEndpoint[]> {
    return this.db.query(
      `SELECT id, url, events, created_by, created_at FROM webhook_endpoints ORDER BY created_at`,
    );
  }

  /**
   * Registers a checked endpoint (see checkWebhookEndpoint); returns it with its secret, which is
   * never shown again. Undefined when the URL is already registered. Refuses (400, `url`) a URL
   * on a loopback, link-local or private address unless WEBHOOK_ALLOW_PRIVATE_URLS, and one
   * without https in production: unlike WEBHOOKS, this is not the operator's reviewed configuration.
   */
  async create(
    endpoint: WebhookEndpoint,
    createdBy: string,
  ): Promise<(RegisteredEndpoint & { secret: string }) | undefined> {
    const problem = await endpointUrlProblem(endpoint.url, {
      requireHttps: this.config.mode === 'production',
      allowPrivate: this.config.webhooks.allowPrivateUrls,
    });
    if (problem) throw new RequestValidationError([{ field: 'url', message: problem }]);
    const { secret } = endpoint;
    const sealed = (await this.sealer()).seal(secret);
    const rows: RegisteredEndpoint[] = await this.db.query(
      `WITH e AS (
         INSERT INTO webhook_endpoints (id, url, events, secret_sealed, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO NOTHING
         RETURNING id, url, events, created_by, created_at
       ) SELECT * FROM e`,
      [randomUUID(), endpoint.url, endpoint.events, sealed, createdBy],
    );
    this.copy = undefined;
    return rows[0] && { ...rows[0], secret };
  }

  /**
   * Removes an endpoint, and marks its undelivered events dead (kept a week for inspection, as
   * every dead delivery). Whether it existed.
   */
  async delete(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH e AS (DELETE FROM webhook_endpoints WHERE id = $1 RETURNING url),
       dead AS (
         UPDATE webhook_outbox o SET dead_at = now(), lease_until = NULL,
                last_error = 'the endpoint was deleted (admin API)'
           FROM e WHERE o.endpoint = e.url AND o.delivered_at IS NULL AND o.dead_at IS NULL
       ) SELECT url FROM e`,
      [id],
    );
    this.copy = undefined;
    return rows.length > 0;
  }

  /** The registered endpoints by URL, with their signers: this process's copy, read again when stale. */
  async signers(): Promise<Map<string, { endpoint: WebhookEndpoint; signer: Webhook }>> {
    if (this.copy && Date.now() - this.copy.at < ENDPOINTS_REFRESH_MS) return this.copy.endpoints;
    const rows: Row[] = await this.db.query(
      `SELECT id, url, events, secret_sealed, created_by, created_at FROM webhook_endpoints`,
    );
    const box = rows.length ? await this.sealer() : undefined;
    const endpoints = new Map<string, { endpoint: WebhookEndpoint; signer: Webhook }>();
    for (const r of rows) {
      let secret: string;
      try {
        secret = box!.open(r.secret_sealed);
      } catch {
        // Sealed with a key this process does not have: the others are still served, and this
        // one's events stay pending for a replica that opens it.
        // One line per endpoint and process, not one every refresh.
        if (!this.unopened.has(r.id)) {
          this.unopened.add(r.id);
          this.logger.warn(
            { endpoint_id: r.id },
            'webhook endpoint skipped: its secret does not open with the data key (TOTP_ENCRYPTION_KEY)',
          );
        }
        continue;
      }
      endpoints.set(r.url, {
        endpoint: { url: r.url, events: r.events, secret },
        signer: new Webhook(secret),
      });
    }
    this.copy = { at: Date.now(), endpoints };
    return endpoints;
  }

  /** How the deliveries to each of `urls` stand (endpoints without any are left out). */
  deliveryStats(urls: string[]): Promise<EndpointDeliveryStats[]> {
    return this.db.query(
      `SELECT endpoint,
                count(*) FILTER (WHERE delivered_at IS NULL AND dead_at IS NULL)::int AS pending,
                count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead,
                max(delivered_at) AS last_delivered_at
           FROM webhook_outbox WHERE endpoint = ANY($1::text[]) GROUP BY endpoint`,
      [urls],
    );
  }

  /**
   * Deliveries in `state` (any if absent) to `endpoint` (any if absent), newest first, each with
   * its `seq` (the outbox row's id, as text): up to `limit` of those before `beforeSeq`.
   */
  deliveries(q: {
    state?: WebhookDelivery['state'];
    endpoint?: string;
    beforeSeq?: string;
    limit: number;
  }): Promise<(WebhookDelivery & { seq: string })[]> {
    return this.db.query(
      `SELECT id::text AS seq, ${DELIVERY_COLUMNS} FROM webhook_outbox
        WHERE ($1::text IS NULL
               OR ($1 = 'pending' AND delivered_at IS NULL AND dead_at IS NULL)
               OR ($1 = 'delivered' AND delivered_at IS NOT NULL)
               OR ($1 = 'dead' AND dead_at IS NOT NULL))
          AND ($2::bigint IS NULL OR id < $2::bigint)
          AND ($4::text IS NULL OR endpoint = $4)
        ORDER BY id DESC LIMIT $3`,
      [q.state ?? null, q.beforeSeq ?? null, q.limit, q.endpoint ?? null],
    );
  }

  /** The endpoint of the delivery whose webhook-id is `msg_<messageId>`, or undefined. */
  async deliveryEndpoint(messageId: string): Promise<string | undefined> {
    const rows: { endpoint: string }[] = await this.db.query(
      `SELECT endpoint FROM webhook_outbox WHERE message_id = $1`,
      [messageId],
    );
    return rows[0]?.endpoint;
  }

  /**
   * Queues a delivery again from its first try, with the same webhook-id (receivers deduplicate
   * on it). The delivery as it is now; undefined while a process is trying it (its lease holds).
   */
  async redeliver(messageId: string): Promise<WebhookDelivery | undefined> {
    const rows: WebhookDelivery[] = await this.db.query(
      `WITH r AS (
         UPDATE webhook_outbox
            SET delivered_at = NULL, dead_at = NULL, tries = 0, next_try_at = now(),
                lease_until = NULL, last_error = NULL
          WHERE message_id = $1 AND (lease_until IS NULL OR lease_until <= now())
         RETURNING *
       ) SELECT ${DELIVERY_COLUMNS} FROM r`,
      [messageId],
    );
    return rows[0];
  }
}
