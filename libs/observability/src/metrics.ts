import { Counter, Gauge, Metric, register } from 'prom-client';
import { FastHistogram } from './fast-histogram';

/** A FastHistogram in prom-client's default registry. */
function fastHistogram(
  name: string,
  help: string,
  labelNames: readonly string[],
  buckets: readonly number[],
): FastHistogram {
  const histogram = new FastHistogram(name, help, labelNames, buckets);
  register.registerMetric(histogram as unknown as Metric);
  return histogram;
}

/** The pending webhook deliveries and the oldest one's age in seconds (one query). */
type WebhookOutboxSampler = () => Promise<{ pending: number; oldestSeconds: number }>;

let webhookOutboxSampler: WebhookOutboxSampler | undefined;
let webhookOutboxSample: Promise<void> | undefined;

/**
 * Sets what the webhook gauges read at each scrape; returns what removes it (unless another has
 * replaced it since: several apps share the registry in tests).
 */
export function sampleWebhookOutboxWith(sampler: WebhookOutboxSampler): () => void {
  webhookOutboxSampler = sampler;
  return () => {
    if (webhookOutboxSampler === sampler) webhookOutboxSampler = undefined;
  };
}

/**
 * Both webhook gauges from one query per scrape: the registry collects its metrics together, so
 * the second gauge joins the query the first started. A failed query keeps the last values.
 */
function sampleWebhookOutbox(): Promise<void> {
  if (!webhookOutboxSampler) return Promise.resolve();
  webhookOutboxSample ??= webhookOutboxSampler()
    .then(({ pending, oldestSeconds }) => {
      metrics.webhookBacklog.set(pending);
      metrics.webhookLag.set(oldestSeconds);
    })
    .catch(() => undefined)
    .finally(() => (webhookOutboxSample = undefined));
  return webhookOutboxSample;
}

/** A provider client's circuit breaker as the gauge shows it (0 closed, 1 open, 2 half-open). */
interface CircuitSample {
  provider: string;
  feature: string;
  state: 'closed' | 'open' | 'half_open';
}

let circuitReader: (() => CircuitSample[]) | undefined;

/**
 * Sets what simauth_provider_circuit_state reads at each scrape (the api's provider circuits);
 * returns what removes it (unless another has replaced it since: several apps share the registry
 * in tests).
 */
export function readProviderCircuitsWith(reader: () => CircuitSample[]): () => void {
  circuitReader = reader;
  return () => {
    if (circuitReader === reader) circuitReader = undefined;
  };
}

const CIRCUIT_STATE_VALUE = { closed: 0, open: 1, half_open: 2 } as const;

/** Prometheus metrics of the process, in prom-client's default registry (served at /metrics). */
export const metrics = {
  registry: register,
  /** Observed with [method, route, status]. */
  httpRequests: fastHistogram(
    'simauth_http_request_duration_seconds',
    'HTTP requests by method, route and status',
    ['method', 'route', 'status'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  ),
  attemptMoves: new Counter({
    name: 'simauth_attempt_moves_total',
    help: 'Attempts created (to = initial status) and moved, by kind, new status and actor',
    labelNames: ['kind', 'to', 'actor'] as const,
  }),
  /** Observed with [provider, outcome]. */
  providerCalls: fastHistogram(
    'simauth_provider_call_duration_seconds',
    'Provider HTTP calls by provider and outcome (HTTP status, or timeout/network)',
    ['provider', 'outcome'],
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ),
  simProofs: new Counter({
    name: 'simauth_sim_proofs_total',
    help: 'SIM proofs by provider (truid, vonage) and outcome: at the start created, not_supported, unavailable or failed; at the code proven, no_match, expired or error',
    labelNames: ['provider', 'outcome'] as const,
  }),
  simSwapChecks: new Counter({
    name: 'simauth_sim_swap_checks_total',
    help: 'SIM-swap checks by provider (truid, vonage, twilio) and outcome: swapped, not_swapped, or not_supported, unavailable (each handed on to the next provider) or failed',
    labelNames: ['provider', 'outcome'] as const,
  }),
  webhookDeliveries: new Counter({
    name: 'simauth_webhook_deliveries_total',
    help: 'Webhook delivery tries by outcome (delivered, retry, dead)',
    labelNames: ['outcome'] as const,
  }),
  webhookLag: new Gauge({
    name: 'simauth_webhook_lag_seconds',
    help: 'Age of the oldest pending webhook delivery (neither delivered nor dead), read at scrape',
    collect: () => sampleWebhookOutbox(),
  }),
  webhookBacklog: new Gauge({
    name: 'simauth_webhook_backlog',
    help: 'Pending webhook deliveries (neither delivered nor dead), read at scrape',
    collect: () => sampleWebhookOutbox(),
  }),
  providerCircuitOpen: new Gauge({
    name: 'simauth_provider_circuit_open',
    help: '1 while calls to a provider fail at once after repeated outages (this process)',
    labelNames: ['provider'] as const,
  }),
  providerCircuitState: new Gauge({
    name: 'simauth_provider_circuit_state',
    help: "Each provider client's circuit breaker in this process, by provider and the features it serves: 0 closed, 1 open (calls fail at once), 2 half-open (one trial call goes out); read at scrape",
    labelNames: ['provider', 'feature'] as const,
    collect() {
      if (!circuitReader) return;
      this.reset();
      for (const c of circuitReader())
        this.set({ provider: c.provider, feature: c.feature }, CIRCUIT_STATE_VALUE[c.state]);
    },
  }),
  sseConnections: new Gauge({ name: 'simauth_sse_connections', help: 'Open live status streams' }),
  rateLimitRows: new Gauge({
    name: 'simauth_rate_limit_rows',
    help: 'Rate-limit counters kept in Postgres after the last sweep (closed windows are deleted)',
  }),
  rateLimitRowsSwept: new Counter({
    name: 'simauth_rate_limit_rows_swept_total',
    help: 'Rate-limit counters of closed windows deleted by this process',
  }),
};
