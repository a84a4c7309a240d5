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
export const ENDPOINTS_REFRESH_MS = 5000;

export interface RegisteredEndpoint {
  id: string;
  url: string;
  events: string[];
  created_by: string;
  created_at: Date;
}

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
}
