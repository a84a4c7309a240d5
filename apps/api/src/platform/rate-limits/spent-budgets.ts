import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { RateLimitedError } from '@simauth/http';
import { RateLimit, RateLimiterService, rateLimitedError } from './rate-limiter.service';

/** Past this many remembered budgets, closed windows are forgotten first, then unspent ones. */
const MAX_REMEMBERED = 10_000;

/** How long the hit of a successful answer may wait, to be sent with the others of that time. */
const BATCH_MS = 100;

/** A budget's open window as this process last counted it. */
interface Counted {
  limit: RateLimit;
  hits: number;
  endsAt: number;
}

/**
 * Limits counted after the fact, once a request shows whose budget it uses (the client that
 * authenticated, an address whose credentials failed), and refused before the next one is looked
 * at. Postgres holds the counts, shared by every replica; this process remembers what it last
 * counted in each budget's open window, so that the refusal of a budget it counted spent needs no
 * statement and can be decided synchronously (inside oidc-provider's client authentication).
 * Another replica learns of a spent budget when it counts its next hit there.
 *
 * The hit of a successful answer (a refresh token rotated, a grant issued) changes nothing of that
 * answer, only whether later requests are refused. While this process last counted its budget's
 * window at most half spent, such a hit waits up to BATCH_MS and is sent with the others of that
 * time, every budget's in one statement; past half, or when this process has not counted the open
 * window, it is counted at once, as every hit was before. So a budget near its limit is counted
 * exactly, and far from it a busy client costs Postgres one statement per 100 ms instead of one
 * per request. What that risks: a replica killed outright forgets the hits it had not sent (at
 * most 100 ms of successful answers), and replicas that each see less than half of a budget spent
 * may together serve past it by what they hold unsent.
 */
@Injectable()
export class SpentBudgets implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SpentBudgets.name);
  private readonly counted = new Map<string, Counted>();
  /** Hits of successful answers not sent yet, by budget. */
  private readonly unsent = new Map<string, { limit: RateLimit; hits: number }>();
  private timer?: NodeJS.Timeout;
  /** The batches sent so far, one after another. */
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly limiter: RateLimiterService) {}

  /** The refusal (429) while this process knows the budget of `key` spent; undefined otherwise. */
  refusal(key: string): RateLimitedError | undefined {
    const entry = this.counted.get(key);
    if (!entry || entry.hits < entry.limit.limit) return undefined;
    const left = (entry.endsAt - Date.now()) / 1000;
    if (left <= 0) {
      this.counted.delete(key);
      return undefined;
    }
    return rateLimitedError(entry.limit, left);
  }

  /**
   * Counts one hit on `limit` at once (with its unsent ones), and remembers its budget spent once
   * the hit uses its last unit. Returns the refusal when this hit is itself past the limit
   * (another replica served the rest).
   */
  async count(limit: RateLimit): Promise<RateLimitedError | undefined> {
    const hits = 1 + (this.unsent.get(limit.key)?.hits ?? 0);
    this.unsent.delete(limit.key);
    const now =
      hits === 1
        ? await this.limiter.count(limit)
        : (await this.limiter.countMany(limit.windowSeconds, [limit.key], [hits])).get(limit.key)!;
    return this.learn(limit, now.hits, now.retryAfterSeconds);
  }

  /**
   * Counts the hit of a successful answer on `limit`: within BATCH_MS with others while this
   * process last counted the budget's open window at most half spent, otherwise at once.
   */
  async countSucceeded(limit: RateLimit): Promise<void> {
    const unsent = this.unsent.get(limit.key)?.hits ?? 0;
    const counted = this.counted.get(limit.key);
    const open = counted !== undefined && counted.endsAt > Date.now();
    if (!open || counted.hits + unsent + 1 > limit.limit / 2) {
      await this.count(limit);
      return;
    }
    this.unsent.set(limit.key, { limit, hits: unsent + 1 });
    this.timer ??= setTimeout(() => void this.sendUnsent(), BATCH_MS).unref();
  }

  /** Sends what is unsent before the process stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sendUnsent();
  }

  /** Sends every unsent hit, one statement per window length (after the batches before). */
  private sendUnsent(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const byWindow = new Map<number, { limit: RateLimit; hits: number }[]>();
    for (const entry of this.unsent.values()) {
      const batch = byWindow.get(entry.limit.windowSeconds) ?? [];
      batch.push(entry);
      byWindow.set(entry.limit.windowSeconds, batch);
    }
    this.unsent.clear();
    for (const [windowSeconds, batch] of byWindow) {
      this.sending = this.sending.then(() => this.send(windowSeconds, batch));
    }
    return this.sending;
  }

  private async send(
    windowSeconds: number,
    batch: { limit: RateLimit; hits: number }[],
  ): Promise<void> {
    try {
      const counted = await this.limiter.countMany(
        windowSeconds,
        batch.map((b) => b.limit.key),
        batch.map((b) => b.hits),
      );
      for (const { limit } of batch) {
        const now = counted.get(limit.key);
        if (now) this.learn(limit, now.hits, now.retryAfterSeconds);
      }
    } catch (err) {
      // The answers they counted are given; a batch the database could not take is lost.
      const hits = batch.reduce((sum, b) => sum + b.hits, 0);
      this.logger.warn({ err: (err as Error).message, hits }, 'rate limit hits not counted');
    }
  }

  private learn(limit: RateLimit, hits: number, retryAfterSeconds: number) {
    const endsAt = Date.now() + retryAfterSeconds * 1000;
    this.remember({ limit, hits, endsAt });
    if (hits < limit.limit) return undefined;
    return hits > limit.limit ? rateLimitedError(limit, retryAfterSeconds) : undefined;
  }

  private remember(entry: Counted): void {
    this.counted.delete(entry.limit.key);
    this.counted.set(entry.limit.key, entry);
    if (this.counted.size <= MAX_REMEMBERED) return;
    const now = Date.now();
    for (const [key, e] of this.counted) if (e.endsAt <= now) this.counted.delete(key);
    // Then the budgets not spent (their next hit is counted at once), then spent ones, oldest
    // first (insertion order): forgetting one only lets Postgres decide its next request.
    for (const [key, e] of this.counted) {
      if (this.counted.size <= MAX_REMEMBERED) return;
      if (e.hits < e.limit.limit) this.counted.delete(key);
    }
    for (const key of this.counted.keys()) {
      if (this.counted.size <= MAX_REMEMBERED) break;
      this.counted.delete(key);
    }
  }
}
