import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomInt } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, WebhookEndpoint } from '@simauth/config';
import { deleteInBatches, scheduleSweep } from '@simauth/database';
import { metrics } from '@simauth/http';
import { WebhookEndpointStore } from './webhook-endpoints';

/** How often each process looks for due deliveries. */
export const WEBHOOK_POLL_MS = 250;
const BATCH = 20;
/** The longest wait between two tries of one delivery. */
const MAX_BACKOFF_MS = 10 * 60_000;
/** Delivered and dead rows are kept this long (for redelivery and inspection), then deleted. */
const KEEP_DONE_DAYS = 7;

interface OutboxRow {
  id: string;
  message_id: string;
  endpoint: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
  tries: number;
}

/**
 * Delivers the webhook outbox (written by the moves themselves, see AttemptStateMachine) as the
 * Standard Webhooks specification says: `webhook-id`, `webhook-timestamp` and an HMAC
 * `webhook-signature` made by the `standardwebhooks` package with the endpoint's secret. At least
 * once: a row is leased while one process delivers it (FOR UPDATE SKIP LOCKED, so replicas share
 * the work), marked delivered on a 2xx, tried again with exponential backoff and jitter otherwise,
 * and dead after WEBHOOK_MAX_ATTEMPTS. A process that dies mid-delivery leaves a lease that lapses;
 * another takes the row over. Per endpoint and attempt, events go out in the order of their moves.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly endpoints: Map<string, { endpoint: WebhookEndpoint; signer: Webhook }>;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly scheduler: SchedulerRegistry,
    private readonly registered: WebhookEndpointStore,
  ) {
    this.endpoints = new Map(
      config.webhooks.endpoints.map((e) => [e.url, { endpoint: e, signer: new Webhook(e.secret) }]),
    );
  }

  onApplicationBootstrap(): void {
    const endpoints = this.config.webhooks.endpoints;
    this.logger.log(
      endpoints.length
        ? `webhooks: ${endpoints.map((e) => `${e.url} (${e.events.join(', ')})`).join('; ')}`
        : 'webhooks: none (WEBHOOKS); to try them here, `npm run example:webhooks` prints the WEBHOOKS to start with',
    );
    scheduleSweep(
      this.scheduler,
      'webhook-dispatch',
      WEBHOOK_POLL_MS,
      () => this.dispatch(),
      this.logger,
    );
    scheduleSweep(
      this.scheduler,
      'webhook-outbox-sweep',
      this.config.attempts.sweepIntervalMs,
      () => this.sweep(),
      this.logger,
    );
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
  }

  /** One round: delivers what is due; returns how many deliveries it tried. */
  dispatch(): Promise<number> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<number> {
    if (this.stopped) return 0;
    // Without endpoints there is nothing to deliver (the registered ones are read every few
    // seconds, not every round).
    const registered = await this.registered.signers();
    if (this.endpoints.size === 0 && registered.size === 0) return 0;
    const targets = new Map([...registered, ...this.endpoints]);
    const due = await this.claim([...targets.keys()]);
    await Promise.all(due.map((row) => this.deliver(row, targets)));
    return due.length;
  }

  /**
   * Leases due rows of the endpoints this process knows (a replica configured without one, during
   * a rolling change, leaves its rows to the others): the oldest undelivered one of each endpoint
   * and attempt, one process each.
   */
  private claim(urls: string[]): Promise<OutboxRow[]> {
    // Long enough for the call (PROVIDER_TIMEOUT_MS) and the bookkeeping after it.
    const leaseSeconds = Math.ceil(this.config.providers.timeoutMs / 1000) + 5;
    // In a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    return this.db.query(
      `WITH claimed AS (
       UPDATE webhook_outbox o
          SET lease_until = now() + make_interval(secs => $2), tries = o.tries + 1
        WHERE o.id IN (
          SELECT w.id FROM webhook_outbox w
           WHERE w.delivered_at IS NULL AND w.dead_at IS NULL AND w.next_try_at <= now()
             AND w.endpoint = ANY($3::text[])
             AND (w.lease_until IS NULL OR w.lease_until <= now())
             AND NOT EXISTS (
               SELECT 1 FROM webhook_outbox p
                WHERE p.endpoint = w.endpoint AND p.attempt_id = w.attempt_id AND p.id < w.id
                  AND p.delivered_at IS NULL AND p.dead_at IS NULL)
           ORDER BY w.id LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.message_id, o.endpoint, o.type, o.payload, o.created_at, o.tries
       ) SELECT * FROM claimed ORDER BY id`,
      [BATCH, leaseSeconds, urls],
    );
  }

  private async deliver(
    row: OutboxRow,
    targets: Map<string, { endpoint: WebhookEndpoint; signer: Webhook }>,
  ): Promise<void> {
    const target = targets.get(row.endpoint);
    if (!target) {
      await this.settle(
        row,
        'dead',
        'the endpoint is no longer configured (WEBHOOKS or the admin API)',
      );
      return;
    }
    const body = JSON.stringify(row.payload);
    const at = new Date();
    const msgId = `msg_${row.message_id}`;
    let failure: string | undefined;
    try {
      const res = await fetch(row.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'simauth-webhooks',
          'webhook-id': msgId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': target.signer.sign(msgId, at, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.providers.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) failure = `HTTP ${res.status}`;
    } catch (err) {
      failure = (err as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
    }
    if (!failure) {
      await this.settle(row, 'delivered');
    } else if (row.tries >= this.config.webhooks.maxAttempts) {
      await this.settle(row, 'dead', failure);
      this.logger.warn(
        { webhook_id: msgId, endpoint: row.endpoint, type: row.type, tries: row.tries },
        `webhook delivery dead after ${row.tries} tries (${failure})`,
      );
    } else {
      await this.settle(row, 'retry', failure);
    }
  }

  private async settle(row: OutboxRow, outcome: 'delivered' | 'retry' | 'dead', error?: string) {
    metrics.webhookDeliveries.inc({ outcome });
    if (outcome === 'delivered') {
      await this.db.query(
        `UPDATE webhook_outbox SET delivered_at = now(), lease_until = NULL, last_error = NULL
          WHERE id = $1`,
        [row.id],
      );
    } else if (outcome === 'dead') {
      await this.db.query(
        `UPDATE webhook_outbox SET dead_at = now(), lease_until = NULL, last_error = $2 WHERE id = $1`,
        [row.id, error],
      );
    } else {
      // 1 s, 2 s, 4 s, … up to 10 minutes, each between half and all of it (full jitter).
      const step = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (row.tries - 1));
      const waitMs = randomInt(Math.floor(step / 2), step + 1);
      await this.db.query(
        `UPDATE webhook_outbox
            SET next_try_at = now() + make_interval(secs => $2), lease_until = NULL, last_error = $3
          WHERE id = $1`,
        [row.id, waitMs / 1000, error],
      );
    }
  }

  private async measureLag(): Promise<void> {
    const [row] = await this.db.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
         FROM webhook_outbox WHERE delivered_at IS NULL AND dead_at IS NULL`,
    );
    metrics.webhookLag.set(Number(row.lag));
  }

  /** Deletes delivered and dead rows older than a week, in batches, and measures the lag. */
  async sweep(): Promise<number> {
    // On the sweep interval, not every 250 ms round: a gauge scraped every few seconds.
    if (this.endpoints.size > 0 || (await this.registered.signers()).size > 0)
      await this.measureLag();
    return deleteInBatches(1000, async (size) => {
      const rows: unknown[] = await this.db.query(
        `WITH gone AS (
           DELETE FROM webhook_outbox WHERE id IN (
             SELECT id FROM webhook_outbox
              WHERE COALESCE(delivered_at, dead_at) <= now() - make_interval(days => $1) LIMIT $2
           ) RETURNING 1
         ) SELECT 1 FROM gone`,
        [KEEP_DONE_DAYS, size],
      );
      return rows.length;
    });
  }
}
