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
import { metrics, sampleWebhookOutboxWith } from '@simauth/observability';
import { Agent, request } from 'undici';
import { PRIVATE_ADDRESS, isPrivateLiteral, publicOnlyAgent } from './webhook-addresses';
import { WebhookEndpointStore } from './webhook-endpoints';

/** How often each process looks for due deliveries (and sooner when a slot frees on a backlog). */
const WEBHOOK_POLL_MS = 250;
/**
 * Deliveries one process keeps in flight to one endpoint: enough that a few hung ones (each held
 * up to WEBHOOK_TIMEOUT_MS) leave room for the rest, few enough not to flood a receiver.
 */
const IN_FLIGHT_PER_ENDPOINT = 16;
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

interface Target {
  endpoint: WebhookEndpoint;
  signer: Webhook;
  /** Registered through the admin API while private URLs are refused: public addresses only. */
  publicOnly: boolean;
}

/**
 * Delivers the webhook outbox (written by the moves themselves, see WebhookMoveHook) as the
 * Standard Webhooks specification says: `webhook-id`, `webhook-timestamp` and an HMAC
 * `webhook-signature` made by the `standardwebhooks` package with the endpoint's secret. At least
 * once: a row is leased while one process delivers it (FOR UPDATE SKIP LOCKED, so replicas share
 * the work), marked delivered on a 2xx, tried again with exponential backoff and jitter otherwise,
 * and dead after WEBHOOK_MAX_ATTEMPTS. A process that dies mid-delivery leaves a lease that lapses;
 * another takes the row over.
 *
 * Each row is delivered on its own, under its own timeout (WEBHOOK_TIMEOUT_MS), with at most
 * IN_FLIGHT_PER_ENDPOINT in flight per endpoint: a hung or failing delivery holds up nothing but
 * itself. Per endpoint and attempt, events go out in the order of their moves: only the oldest
 * undelivered row of an endpoint and attempt can be claimed, so the next is claimed only once
 * it is delivered (or dead).
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly endpoints: Map<string, Target>;
  /** Deliveries in flight, by endpoint URL. */
  private readonly inFlight = new Map<string, Set<AbortController>>();
  private readonly settling = new Set<Promise<void>>();
  /** Endpoints whose last claim filled every free slot: more may be due. */
  private readonly backlogged = new Set<string>();
  private claiming?: Promise<number>;
  private claimAgain = false;
  private stopped = false;
  private stopSampling?: () => void;
  /** Connections to the endpoints of WEBHOOKS (trusted configuration: any address). */
  private readonly trustedAgent: Agent;
  /** Connections to registered endpoints: resolved once, refused unless public. */
  private readonly publicAgent: Agent;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly scheduler: SchedulerRegistry,
    private readonly registered: WebhookEndpointStore,
  ) {
    this.endpoints = new Map(
      config.webhooks.endpoints.map((e) => [
        e.url,
        { endpoint: e, signer: new Webhook(e.secret), publicOnly: false },
      ]),
    );
    this.trustedAgent = new Agent({ keepAliveTimeout: 30_000 });
    this.publicAgent = publicOnlyAgent({ keepAliveTimeout: 30_000 });
  }

  onApplicationBootstrap(): void {
    const endpoints = this.config.webhooks.endpoints;
    this.logger.log(
      endpoints.length
        ? `webhooks: ${endpoints.map((e) => `${e.url} (${e.events.join(', ')})`).join('; ')}`
        : 'webhooks: none (WEBHOOKS); to try them here, `npm run example:webhooks` prints the WEBHOOKS to start with',
    );
    this.stopSampling = sampleWebhookOutboxWith(this.sampleOutbox);
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

  /**
   * Stops claiming, and hands the deliveries in flight back at once (their tries not counted) so
   * that another replica takes them over without waiting for the lease.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopSampling?.();
    // A claim under way starts its deliveries first; then every one in flight is cut short.
    await this.claiming?.catch(() => undefined);
    for (const deliveries of this.inFlight.values())
      for (const abort of deliveries) abort.abort('shutdown');
    await Promise.allSettled([...this.settling]);
    await Promise.allSettled([this.trustedAgent.close(), this.publicAgent.close()]);
  }

  /** The backlog for /metrics: one query, on the partial index of pending rows. */
  private readonly sampleOutbox = async () => {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS pending,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM webhook_outbox WHERE delivered_at IS NULL AND dead_at IS NULL`,
    );
    return { pending: Number(row.pending), oldestSeconds: Number(row.oldest) };
  };

  /**
   * Claims what is due for the free slots of each endpoint and starts those deliveries (without
   * waiting for them); returns how many it claimed. Calls made while a claim runs share it, and
   * one more claim follows.
   */
  dispatch(): Promise<number> {
    if (this.claiming) {
      this.claimAgain = true;
      return this.claiming;
    }
    this.claiming = (async () => {
      let claimed = 0;
      do {
        this.claimAgain = false;
        claimed += await this.claimAndStart();
      } while (this.claimAgain && !this.stopped);
      return claimed;
    })().finally(() => (this.claiming = undefined));
    return this.claiming;
  }

  private async claimAndStart(): Promise<number> {
    if (this.stopped) return 0;
    // Without endpoints there is nothing to deliver (the registered ones are read every few
    // seconds, not every round).
    const registered = await this.registered.signers();
    if (this.endpoints.size === 0 && registered.size === 0) return 0;
    const publicOnly = !this.config.webhooks.allowPrivateUrls;
    const targets = new Map<string, Target>([
      ...[...registered].map(([url, t]) => [url, { ...t, publicOnly }] as const),
      ...this.endpoints,
    ]);
    const free = [...targets.keys()]
      .map((url) => ({ url, slots: IN_FLIGHT_PER_ENDPOINT - (this.inFlight.get(url)?.size ?? 0) }))
      .filter((e) => e.slots > 0);
    if (free.length === 0) return 0;
    const due = await this.claim(free);
    for (const { url, slots } of free) {
      if (due.filter((row) => row.endpoint === url).length >= slots) this.backlogged.add(url);
      else this.backlogged.delete(url);
    }
    for (const row of due) this.start(row, targets.get(row.endpoint));
    return due.length;
  }

  /** Delivers one claimed row in the background, in one of its endpoint's slots. */
  private start(row: OutboxRow, target: Target | undefined): void {
    const abort = new AbortController();
    let slots = this.inFlight.get(row.endpoint);
    if (!slots) this.inFlight.set(row.endpoint, (slots = new Set()));
    slots.add(abort);
    const delivery = this.deliver(row, target, abort)
      .catch((err: Error) =>
        // The row stays leased; once the lease lapses it is tried again.
        this.logger.warn(`webhook delivery ${row.id} not recorded: ${err.message}`),
      )
      .finally(() => {
        slots.delete(abort);
        this.settling.delete(delivery);
        // A slot is free: if more rows of this endpoint were waiting, claim them now.
        if (!this.stopped && this.backlogged.has(row.endpoint))
          this.dispatch().catch(() => undefined);
      });
    this.settling.add(delivery);
  }

  /**
   * Leases due rows of the endpoints this process knows (a replica configured without one, during
   * a rolling change, leaves its rows to the others), up to each endpoint's free slots, longest
   * due first: the oldest undelivered one of each endpoint and attempt only, one process each.
   * The walk touches due rows only (an index on endpoint and next_try_at), and the rows waiting
   * behind one in backoff are not due (see settle), so a large backlog after an outage does not
   * make each claim read all of it.
   */
  private claim(free: { url: string; slots: number }[]): Promise<OutboxRow[]> {
    // Long enough for the delivery (WEBHOOK_TIMEOUT_MS) and the bookkeeping after it.
    const leaseSeconds = Math.ceil(this.config.webhooks.timeoutMs / 1000) + 5;
    // In a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    return this.db.query(
      `WITH due AS (
         SELECT d.id
           FROM unnest($1::text[], $2::int[]) AS e(endpoint, slots)
           CROSS JOIN LATERAL (
             SELECT w.id FROM webhook_outbox w
              WHERE w.endpoint = e.endpoint
                AND w.delivered_at IS NULL AND w.dead_at IS NULL AND w.next_try_at <= now()
                AND (w.lease_until IS NULL OR w.lease_until <= now())
                AND NOT EXISTS (
                  SELECT 1 FROM webhook_outbox p
                   WHERE p.endpoint = w.endpoint AND p.attempt_id = w.attempt_id AND p.id < w.id
                     AND p.delivered_at IS NULL AND p.dead_at IS NULL)
              ORDER BY w.next_try_at, w.id LIMIT e.slots
              FOR UPDATE SKIP LOCKED
           ) d
       ), claimed AS (
         UPDATE webhook_outbox o
            SET lease_until = now() + make_interval(secs => $3), tries = o.tries + 1
           WHERE o.id = ANY (ARRAY(SELECT id FROM due))
         RETURNING o.id, o.message_id, o.endpoint, o.type, o.payload, o.created_at, o.tries
       ) SELECT * FROM claimed ORDER BY id`,
      [free.map((e) => e.url), free.map((e) => e.slots), leaseSeconds],
    );
  }

  private async deliver(
    row: OutboxRow,
    target: Target | undefined,
    abort: AbortController,
  ): Promise<void> {
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
    const timer = setTimeout(() => abort.abort('timeout'), this.config.webhooks.timeoutMs);
    try {
      // An IP literal is connected to without a lookup: checked here.
      if (target.publicOnly && isPrivateLiteral(row.endpoint)) {
        failure = 'refused: not a public address';
      } else {
        const res = await request(row.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'simauth-webhooks',
            'webhook-id': msgId,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': target.signer.sign(msgId, at, body),
          },
          body,
          signal: abort.signal,
          dispatcher: target.publicOnly ? this.publicAgent : this.trustedAgent,
        });
        await res.body.dump().catch(() => undefined);
        if (res.statusCode < 200 || res.statusCode >= 300) failure = `HTTP ${res.statusCode}`;
      }
    } catch (err) {
      if (abort.signal.aborted && abort.signal.reason === 'shutdown') {
        await this.release(row);
        return;
      }
      failure = abort.signal.aborted
        ? 'timeout'
        : (err as NodeJS.ErrnoException).code === PRIVATE_ADDRESS
          ? 'refused: not a public address'
          : 'unreachable';
    } finally {
      clearTimeout(timer);
    }
    if (failure?.startsWith('refused'))
      this.logger.warn(
        { webhook_id: msgId, endpoint: row.endpoint },
        'webhook delivery refused: the endpoint is, or resolves to, a non-public address (WEBHOOK_ALLOW_PRIVATE_URLS)',
      );
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

  /** A delivery cut short by this process's shutdown: due again at once, the try not counted. */
  private async release(row: OutboxRow): Promise<void> {
    await this.db.query(
      `UPDATE webhook_outbox SET lease_until = NULL, tries = tries - 1, next_try_at = now()
        WHERE id = $1`,
      [row.id],
    );
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
      // 1 s, 2 s, 4 s, … up to 10 minutes, each between half and all of it (full jitter). The
      // later events of its attempt wait for it anyway: they are due no sooner (so a claim does
      // not walk them while it is in backoff).
      const step = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (row.tries - 1));
      const waitMs = randomInt(Math.floor(step / 2), step + 1);
      await this.db.query(
        `WITH head AS (
           UPDATE webhook_outbox
              SET next_try_at = now() + make_interval(secs => $2), lease_until = NULL, last_error = $3
            WHERE id = $1
           RETURNING endpoint, attempt_id, next_try_at
         )
         UPDATE webhook_outbox s SET next_try_at = head.next_try_at FROM head
          WHERE s.endpoint = head.endpoint AND s.attempt_id = head.attempt_id AND s.id > $1
            AND s.delivered_at IS NULL AND s.dead_at IS NULL AND s.next_try_at < head.next_try_at`,
        [row.id, waitMs / 1000, error],
      );
    }
  }

  /** Deletes delivered and dead rows older than a week, in batches. */
  async sweep(): Promise<number> {
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
