import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { RateLimitedError } from '@simauth/http';
import { RateLimit, RateLimiterService, rateLimitedError } from './rate-limiter.service';

/** Past this many remembered budgets, closed windows are forgotten first, then unspent ones. */
const MAX_REMEMBERED = 10_000;

/** Two counts of one budget whose windows end this close (ms) are of the same window. */
const SAME_WINDOW_MS = 1_000;

/** A budget's open window as this process last counted it. */
interface Counted {
  limit: RateLimit;
  hits: number;
  endsAt: number;
}

type Hits = { limit: RateLimit; hits: number };

/**
 * Limits counted after the fact, once a request shows whose budget it uses (the client that
 * authenticated, an address whose credentials failed), and refused before the next one is looked
 * at. Postgres holds the counts, shared by every replica; this process remembers what it last
 * counted in each budget's open window, so that the refusal of a budget it counted spent needs no
 * statement and can be decided synchronously (inside oidc-provider's client authentication).
 * Another replica learns of a spent budget when it counts its next hit there.
 *
 * The hit of a successful answer (a refresh token rotated, a grant issued) changes nothing of that
 * answer, only whether later requests are refused. While this process's last count of the
 * budget's open window, with the hits it has sent since and those waiting, stays at most half the
 * budget, such a hit waits up to `batchMs` and is sent with the others of that time, every
 * budget's in one statement, one batch at a time; past half, or when this process has not counted
 * the open window, or once it stops, it is counted at once, as every hit was before. So a budget
 * near its limit is counted exactly, and far from it a busy client costs Postgres one statement
 * per 100 ms instead of one per request. What that risks: a replica killed outright forgets the
 * hits it had not sent (at most 100 ms of successful answers), and replicas that each see less
 * than half of a budget spent may together serve past it by what they hold unsent (each at most
 * 100 ms of successful answers, and at most half the budget).
 */
@Injectable()
export class SpentBudgets implements BeforeApplicationShutdown {
  /** How long the hit of a successful answer may wait, to be sent with the others of that time. */
  batchMs = 100;
  private readonly logger = new Logger(SpentBudgets.name);
  private readonly counted = new Map<string, Counted>();
  /** Hits of successful answers not sent yet, by budget. */
  private readonly unsent = new Map<string, Hits>();
  /** Hits sent in a batch whose answer has not come back, by budget. */
  private readonly inFlight = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  /** The batches, one after another; `queued` while one more is to follow the one under way. */
  private sending: Promise<void> = Promise.resolve();
  private queued = false;
  private stopping = false;

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
   * Counts the hit of a successful answer on `limit`: within `batchMs` with others while this
   * process's view of the budget's open window stays at most half spent, otherwise at once.
   */
  async countSucceeded(limit: RateLimit): Promise<void> {
    const unsent = this.unsent.get(limit.key)?.hits ?? 0;
    const seen = this.counted.get(limit.key);
    const open = seen !== undefined && seen.endsAt > Date.now();
    const held = unsent + (this.inFlight.get(limit.key) ?? 0);
    if (this.stopping || !open || seen.hits + held + 1 > limit.limit / 2) {
      await this.count(limit);
      return;
    }
    this.unsent.set(limit.key, { limit, hits: unsent + 1 });
    this.timer ??= setTimeout(() => void this.flush(), this.batchMs).unref();
  }

  /** Sends what waits, and counts every later hit at once, before the process stops. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.flush();
  }

  /**
   * Sends every unsent hit once the batch under way (if any) is answered, one statement per
   * window length; resolves when they are counted.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queued) return this.sending;
    this.queued = true;
    this.sending = this.sending.then(() => {
      this.queued = false;
      return this.sendUnsent();
    });
    return this.sending;
  }

  private async sendUnsent(): Promise<void> {
    const byWindow = new Map<number, Hits[]>();
    for (const entry of this.unsent.values()) {
      const batch = byWindow.get(entry.limit.windowSeconds) ?? [];
      batch.push(entry);
      byWindow.set(entry.limit.windowSeconds, batch);
      this.inFlight.set(entry.limit.key, (this.inFlight.get(entry.limit.key) ?? 0) + entry.hits);
    }
    this.unsent.clear();
    for (const [windowSeconds, batch] of byWindow) await this.send(windowSeconds, batch);
  }

  private async send(windowSeconds: number, batch: Hits[]): Promise<void> {
    let counted: Awaited<ReturnType<RateLimiterService['countMany']>> | undefined;
    try {
      counted = await this.limiter.countMany(
        windowSeconds,
        batch.map((b) => b.limit.key),
        batch.map((b) => b.hits),
      );
    } catch (err) {
      // The answers they counted are given; a batch the database could not take is lost, and
      // what this process knew of those budgets is forgotten: their next hits are counted at once.
      const hits = batch.reduce((sum, b) => sum + b.hits, 0);
      this.logger.warn({ err: (err as Error).message, hits }, 'rate limit hits not counted');
    }
    for (const { limit, hits } of batch) {
      const left = (this.inFlight.get(limit.key) ?? 0) - hits;
      if (left > 0) this.inFlight.set(limit.key, left);
      else this.inFlight.delete(limit.key);
      const now = counted?.get(limit.key);
      if (now) this.learn(limit, now.hits, now.retryAfterSeconds);
      else this.counted.delete(limit.key);
    }
  }

  private learn(limit: RateLimit, hits: number, retryAfterSeconds: number) {
    const endsAt = Date.now() + retryAfterSeconds * 1000;
    // Counts of one window may come back out of order (a batch and an at-once count on two
    // connections): the larger is the later.
    const before = this.counted.get(limit.key);
    const sameWindow = before !== undefined && Math.abs(before.endsAt - endsAt) < SAME_WINDOW_MS;
    this.remember({ limit, hits: sameWindow ? Math.max(before.hits, hits) : hits, endsAt });
    if (hits < limit.limit) return undefined;
    return hits > limit.limit ? rateLimitedError(limit, retryAfterSeconds) : undefined;
  }

  private remember(entry: Counted): void {
    this.counted.delete(entry.limit.key);
    this.counted.set(entry.limit.key, entry);
    if (this.counted.size <= MAX_REMEMBERED) return;
    // A tenth goes at once, so that the pass is made once per thousand new budgets: closed
    // windows, then budgets not spent (their next hit is counted at once), then spent ones, oldest
    // first (insertion order): forgetting one only lets Postgres decide its next request.
    const keep = MAX_REMEMBERED * 0.9;
    const now = Date.now();
    for (const [key, e] of this.counted) if (e.endsAt <= now) this.counted.delete(key);
    for (const [key, e] of this.counted) {
      if (this.counted.size <= keep) return;
      if (e.hits < e.limit.limit) this.counted.delete(key);
    }
    for (const key of this.counted.keys()) {
      if (this.counted.size <= keep) return;
      this.counted.delete(key);
    }
  }
}
