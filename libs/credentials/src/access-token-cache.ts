import { Clock, SystemClock } from './clock';

export interface FetchedToken {
  accessToken: string;
  expiresInSeconds: number;
}

interface CachedToken {
  accessToken: string;
  /** When we stop using it: before the provider's expiry, so a request never carries a dying token. */
  refreshAt: number;
}

/**
 * OAuth2 client-credentials tokens cached per scope. Concurrent callers of a scope share one
 * in-flight request; a token is replaced once 90% of its life (at most its life less 60 s) is used.
 */
export class AccessTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly fetchToken: (scope: string) => Promise<FetchedToken>,
    private readonly clock: Clock = new SystemClock(),
  ) {}

  /** A valid access token for `scope`, fetching one only when none is cached or it is due. */
  get(scope: string): Promise<string> {
    const cached = this.tokens.get(scope);
    if (cached && this.clock.now() < cached.refreshAt) return Promise.resolve(cached.accessToken);
    let pending = this.inFlight.get(scope);
    if (!pending) {
      pending = this.fetch(scope).finally(() => this.inFlight.delete(scope));
      this.inFlight.set(scope, pending);
    }
    return pending;
  }

  /** Drops `accessToken` (e.g. after a 401) unless a newer one already replaced it. */
  invalidate(scope: string, accessToken: string): void {
    if (this.tokens.get(scope)?.accessToken === accessToken) this.tokens.delete(scope);
  }

  private async fetch(scope: string): Promise<string> {
    const fetchedAt = this.clock.now();
    const token = await this.fetchToken(scope);
    const lifeMs = token.expiresInSeconds * 1000;
    const margin = Math.max(lifeMs * 0.1, Math.min(60_000, lifeMs * 0.5));
    this.tokens.set(scope, {
      accessToken: token.accessToken,
      refreshAt: fetchedAt + lifeMs - margin,
    });
    return token.accessToken;
  }
}
