import { readProviderCircuitsWith, metrics } from '@simauth/observability';

/** Consecutive outage-like failures (timeouts, network errors, 5xx) that open the circuit. */
export const CIRCUIT_FAILURE_THRESHOLD = 5;
/** How long an open circuit refuses calls at once, unless the provider asked for longer. */
export const CIRCUIT_OPEN_MS = 10_000;
const CIRCUIT_MAX_OPEN_MS = 60_000;

/**
 * closed: calls go out; open: they fail at once (503); half_open: the open time is over and one
 * trial call goes out (or is out), whose answer closes or opens the circuit again.
 */
type CircuitState = 'closed' | 'open' | 'half_open';

/** Who a circuit guards: the provider, and the features its client serves (for operators). */
export interface CircuitLabels {
  provider: string;
  feature: string;
}

/** A circuit as /metrics and the admin API show it. */
export interface CircuitView extends CircuitLabels {
  /** The client's name, as simauth_provider_call_duration_seconds labels its calls. */
  client: string;
  state: CircuitState;
  consecutiveFailures: number;
  /** While open: when the next (trial) call may go out. */
  openUntil?: Date;
}

/**
 * A circuit breaker for one provider in this process. After CIRCUIT_FAILURE_THRESHOLD outage-like
 * failures in a row it opens: calls fail at once (503 with Retry-After) instead of each waiting
 * for a timeout, sparing the provider and our requests. Once the open time is over, one call is
 * let through (half-open): its success closes the circuit, its failure opens it again.
 */
export class ProviderCircuit {
  private failures = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(
    private readonly provider: string,
    private readonly now: () => number = Date.now,
    readonly labels: CircuitLabels = { provider, feature: 'api' },
  ) {}

  /** Milliseconds until a call may go out, or 0 when this call may (taking the half-open trial). */
  admit(): number {
    if (this.failures < CIRCUIT_FAILURE_THRESHOLD) return 0;
    const wait = this.openUntil - this.now();
    if (wait > 0) return wait;
    if (this.trialInFlight) return 1000;
    this.trialInFlight = true;
    return 0;
  }

  succeeded(): void {
    if (this.failures >= CIRCUIT_FAILURE_THRESHOLD)
      metrics.providerCircuitOpen.set({ provider: this.provider }, 0);
    this.failures = 0;
    this.trialInFlight = false;
  }

  /** An outage-like failure; `retryAfterMs` when the provider said how long to stay away. */
  failed(retryAfterMs?: number): void {
    this.failures++;
    this.trialInFlight = false;
    if (this.failures >= CIRCUIT_FAILURE_THRESHOLD) {
      const openMs = Math.min(Math.max(CIRCUIT_OPEN_MS, retryAfterMs ?? 0), CIRCUIT_MAX_OPEN_MS);
      this.openUntil = this.now() + openMs;
      metrics.providerCircuitOpen.set({ provider: this.provider }, 1);
    }
  }

  /** The circuit as it stands now. */
  view(): CircuitView {
    const open = this.failures >= CIRCUIT_FAILURE_THRESHOLD;
    const waiting = open && !this.trialInFlight && this.openUntil > this.now();
    return {
      ...this.labels,
      client: this.provider,
      state: !open ? 'closed' : waiting ? 'open' : 'half_open',
      consecutiveFailures: this.failures,
      ...(waiting ? { openUntil: new Date(this.openUntil) } : {}),
    };
  }
}

/**
 * The circuits of one api's provider clients (each client registers its own when it is built):
 * what simauth_provider_circuit_state and the admin API's GET /admin/v1/providers show. They are
 * this process's: each replica keeps its own, and none of them bears on readiness.
 */
export class ProviderCircuits {
  private readonly circuits: ProviderCircuit[] = [];
  private readonly stopMetrics = readProviderCircuitsWith(() => this.views());

  add(circuit: ProviderCircuit): void {
    this.circuits.push(circuit);
  }

  /** Every circuit, by provider and client. */
  views(): CircuitView[] {
    return this.circuits
      .map((c) => c.view())
      .sort((a, b) => a.provider.localeCompare(b.provider) || a.client.localeCompare(b.client));
  }

  /** Stops /metrics reading these circuits (the api is closing). */
  onModuleDestroy(): void {
    this.stopMetrics();
  }
}
