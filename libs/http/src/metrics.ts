import { Counter, Gauge, Histogram, Metric, register } from 'prom-client';
import { RequestDurations } from './request-durations';

const httpRequests = new RequestDurations(
  'simauth_http_request_duration_seconds',
  'HTTP requests by method, route and status',
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
);
register.registerMetric(httpRequests as unknown as Metric);

/** Prometheus metrics of the process, in prom-client's default registry (served at /metrics). */
export const metrics = {
  registry: register,
  httpRequests,
  attemptMoves: new Counter({
    name: 'simauth_attempt_moves_total',
    help: 'Attempts created (to = initial status) and moved, by kind, new status and actor',
    labelNames: ['kind', 'to', 'actor'] as const,
  }),
  providerCalls: new Histogram({
    name: 'simauth_provider_call_duration_seconds',
    help: 'Provider HTTP calls by provider and outcome (HTTP status, or timeout/network)',
    labelNames: ['provider', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  webhookDeliveries: new Counter({
    name: 'simauth_webhook_deliveries_total',
    help: 'Webhook delivery tries by outcome (delivered, retry, dead)',
    labelNames: ['outcome'] as const,
  }),
  webhookLag: new Gauge({
    name: 'simauth_webhook_lag_seconds',
    help: 'Age of the oldest undelivered webhook event',
  }),
  providerCircuitOpen: new Gauge({
    name: 'simauth_provider_circuit_open',
    help: '1 while calls to a provider fail at once after repeated outages (this process)',
    labelNames: ['provider'] as const,
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
