import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Client, KoaContextWithOIDC } from 'oidc-provider';
import Provider, { errors } from 'oidc-provider';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { RateLimitedError } from '@simauth/http';
import { RateLimit } from './rate-limiter.service';
import { SpentBudgets } from './spent-budgets';

/** The endpoints where a relying party's server authenticates itself as a client. */
const CLIENT_ROUTES = new Set(['token', 'introspection', 'revocation']);

/** Their error events: a failed client authentication is told by its error. */
const ERROR_EVENTS = ['grant.error', 'introspection.error', 'revocation.error'] as const;

interface LimitState {
  clientAuthFailed?: boolean;
  refused?: boolean;
}

/** An OAuth error answer (not problem+json) for a spent budget: 429 with Retry-After. */
class TemporarilyUnavailable extends errors.OIDCProviderError {
  constructor(refusal: RateLimitedError) {
    super(429, 'temporarily_unavailable');
    Object.assign(this, { error_description: refusal.message });
  }
}

/**
 * Rate limits of the OpenID Provider's token, introspection and revocation endpoints, which
 * relying parties' servers call for all their users from one address:
 * - a confidential client that authenticates counts against its own budget (RATE_LIMIT_CLIENT);
 * - every other request (failed client authentication, a public client, no client at all) counts
 *   per address (RATE_LIMIT_IP), so guessing a client's secret is limited where it comes from and
 *   cannot use up that client's budget.
 * Only oidc-provider knows who authenticated, and only after reading the request: both are counted
 * once the library has answered. A spent budget is refused when the library names the client of
 * the next request (its `assign.client` event): a confidential client's own budget before its
 * credentials are checked; an address's budget for anything else, and for a confidential client's
 * failed authentication once it has failed (so guessing from an address stays limited, while the
 * clients that authenticate from that address are not locked out).
 */
@Injectable()
export class OAuthClientLimits {
  private readonly logger = new Logger(OAuthClientLimits.name);
  /** Fastify's client address (as TRUST_PROXY decides) of each request handed to the library. */
  private readonly addresses = new WeakMap<IncomingMessage, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly budgets: SpentBudgets,
  ) {}

  /** Notes the client address of a request before it is handed to the library. */
  handOver(req: FastifyRequest): void {
    this.addresses.set(req.raw, req.ip);
  }

  /** Registers the limits on `provider` (each build of it). */
  attach(provider: Provider): void {
    for (const event of ERROR_EVENTS) {
      (provider as unknown as EventEmitter).on(
        event,
        (ctx: KoaContextWithOIDC, err: errors.OIDCProviderError) => {
          if (err.error === 'invalid_client') state(ctx).clientAuthFailed = true;
        },
      );
    }
    provider.use((ctx, next) => this.limit(ctx as KoaContextWithOIDC, next));
  }

  private async limit(ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> {
    // The library's router runs synchronously up to its first wait (reading the body, finding the
    // client), and creates ctx.oidc on the way: a listener added now hears the client named first.
    const answered = next();
    const oidc = ctx.oidc as KoaContextWithOIDC['oidc'] | undefined;
    if (!oidc || !CLIENT_ROUTES.has(oidc.route)) {
      await answered;
      return;
    }
    const perAddress = this.perAddress(ctx);
    (oidc as unknown as EventEmitter).once('assign.client', (_ctx: unknown, client: Client) => {
      // A confidential client is refused only on its own budget: an address past its failures (a
      // shared NAT, a proxy without TRUST_PROXY) must not lock out the clients that authenticate
      // from it. Its failed authentications still become 429 once counted (below).
      const refusal = isConfidential(client)
        ? this.budgets.refusal(this.perClient(client).key)
        : this.budgets.refusal(perAddress.key);
      if (!refusal) return;
      state(ctx).refused = true;
      ctx.set('Retry-After', String(refusal.retryAfterSeconds));
      throw new TemporarilyUnavailable(refusal);
    });
    await answered;
    if (state(ctx).refused) return;
    const client = oidc.client;
    const authenticated = client && isConfidential(client) && !state(ctx).clientAuthFailed;
    const limit = authenticated ? this.perClient(client) : perAddress;
    // The work of a successful answer is done (a refresh token rotated): it stands, and its hit
    // only decides later requests (SpentBudgets may send it with others). A refused client
    // authentication, or any other error, did nothing and becomes the refusal.
    if (ctx.status < 400) {
      await this.count(() => this.budgets.countSucceeded(limit));
      return;
    }
    const refusal = await this.count(() => this.budgets.count(limit));
    if (refusal && !authenticated) {
      ctx.status = 429;
      ctx.remove('WWW-Authenticate');
      ctx.set('Retry-After', String(refusal.retryAfterSeconds));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { error: 'temporarily_unavailable', error_description: refusal.message };
    }
  }

  private async count<T>(counting: () => Promise<T>): Promise<T | undefined> {
    try {
      return await counting();
    } catch (err) {
      // The answer is written; a counter the database could not take must not turn it into a 500.
      this.logger.warn({ err: (err as Error).message }, 'OAuth endpoint rate limit not counted');
      return undefined;
    }
  }

  private perAddress(ctx: KoaContextWithOIDC): RateLimit {
    const ip = this.addresses.get(ctx.req) ?? ctx.req.socket.remoteAddress ?? 'unknown';
    return {
      key: `oauth-ip:${ip}`,
      ...this.config.rateLimits.ip,
      what: 'without client authentication from this address',
    };
  }

  private perClient(client: Client): RateLimit {
    return {
      key: `client:${client.clientId}`,
      ...this.config.rateLimits.client,
      what: 'for this client',
    };
  }
}

/** A client that proves who it is (a secret, a signed assertion): a public one only names itself. */
function isConfidential(client: Client): boolean {
  return client.clientAuthMethod !== undefined && client.clientAuthMethod !== 'none';
}

function state(ctx: KoaContextWithOIDC): LimitState {
  return ctx.state as LimitState;
}
