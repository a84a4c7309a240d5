import { metrics } from '@simauth/observability';

/** Consecutive outage-like failures (timeouts, network errors, 5xx) that open the circuit. */
export const CIRCUIT_FAILURE_THRESHOLD = 5;
/** How long an open circuit refuses calls at once, unless the provider asked for longer. */
export const CIRCUIT_OPEN_MS = 10_000;
const CIRCUIT_MAX_OPEN_MS = 60_000;

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
}
