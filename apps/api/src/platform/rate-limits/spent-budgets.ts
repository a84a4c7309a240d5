import { Injectable } from '@nestjs/common';
import { RateLimitedError } from '@simauth/http';
import { RateLimit, RateLimiterService, rateLimitedError } from './rate-limiter.service';

/** Past this many remembered budgets, closed windows are forgotten first, then the oldest. */
const MAX_REMEMBERED = 10_000;

/**
 * Limits counted after the fact, once a request shows whose budget it uses (the client that
 * authenticated, an address whose credentials failed), and refused before the next one is looked
 * at. Postgres holds the counts, shared by every replica; this process remembers the budgets it
 * counted spent until their window ends, so that the refusal needs no statement and can be decided
 * synchronously (inside oidc-provider's client authentication). Another replica learns of a spent
 * budget when it counts its next hit there: it serves at most one request more per window.
 */
@Injectable()
export class SpentBudgets {
  private readonly spent = new Map<string, { limit: RateLimit; endsAt: number }>();

  constructor(private readonly limiter: RateLimiterService) {}

  /** The refusal (429) while this process knows the budget of `key` spent; undefined otherwise. */
  refusal(key: string): RateLimitedError | undefined {
    const entry = this.spent.get(key);
    if (!entry) return undefined;
    const left = (entry.endsAt - Date.now()) / 1000;
    if (left <= 0) {
      this.spent.delete(key);
      return undefined;
    }
    return rateLimitedError(entry.limit, left);
  }

  /**
   * Counts one hit on `limit` and remembers its budget spent once the hit uses its last unit.
   * Returns the refusal when this hit is itself past the limit (another replica served the rest).
   */
  async count(limit: RateLimit): Promise<RateLimitedError | undefined> {
    const { hits, retryAfterSeconds } = await this.limiter.count(limit);
    if (hits < limit.limit) return undefined;
    this.remember(limit, Date.now() + retryAfterSeconds * 1000);
    return hits > limit.limit ? rateLimitedError(limit, retryAfterSeconds) : undefined;
  }

  private remember(limit: RateLimit, endsAt: number): void {
    this.spent.delete(limit.key);
    this.spent.set(limit.key, { limit, endsAt });
    if (this.spent.size <= MAX_REMEMBERED) return;
    const now = Date.now();
    for (const [key, entry] of this.spent) if (entry.endsAt <= now) this.spent.delete(key);
    // Insertion order is oldest first: forgetting one only lets Postgres decide its next request.
    for (const key of this.spent.keys()) {
      if (this.spent.size <= MAX_REMEMBERED) break;
      this.spent.delete(key);
    }
  }
}
