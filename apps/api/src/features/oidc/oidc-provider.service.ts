import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider, { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, OidcClientMetadata } from '@simauth/config';
import { RateLimitedError } from '@simauth/http';
import { AccountsService } from '../../platform/identity/accounts.service';
import { IdTokenService } from '../../platform/tokens/id-token.service';
import { sharedSecret } from '../../platform/secrets/shared-secret';
import { OAuthClientLimits } from '../../platform/rate-limits/oauth-client-limits';
import { RateLimiterService } from '../../platform/rate-limits/rate-limiter.service';
import { CibaService } from './ciba.service';
import {
  DEMO_CIBA_CLIENT,
  DEMO_CLIENT,
  OIDC_ROUTES,
  oidcConfiguration,
} from './oidc-configuration';
import { accountReadAhead, oidcRequestScope, postgresOidcAdapter } from './oidc-postgres.adapter';
import { ProviderPages, translateFormPost } from './oidc-pages';

/** Thrown at start for a relying party oidc-provider refuses; main prints its one line. */
class InvalidOidcClientError extends Error {}

/**
 * Endpoints that start interactions or pushes: limited per client IP like every public POST. The
 * token, introspection and revocation endpoints are limited per client (OAuthClientLimits).
 */
const LIMITED_ROUTES = new Set([OIDC_ROUTES.authorization, OIDC_ROUTES.backchannel_authentication]);

// The library writes its own answers; these are the API headers that suit them all (its logout
// and error pages included, so no CSP beyond framing).
const OIDC_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/**
 * Makes a request the library reads say PUBLIC_URL's host and protocol, whatever the client or a
 * proxy sent in Host and X-Forwarded-*: the absolute URLs it builds (discovery, redirects, forms)
 * must not be the caller's to choose. X-Forwarded-For is left alone (rate limits read it).
 */
export function asPublicUrl(req: IncomingMessage, publicUrl: string): void {
  const url = new URL(publicUrl);
  req.headers.host = url.host;
  req.headers['x-forwarded-host'] = url.host;
  req.headers['x-forwarded-proto'] = url.protocol.slice(0, -1);
  delete req.headers.forwarded;
}

/**
 * simauth's OpenID Provider: panva's oidc-provider (certified) with our accounts, keys, storage
 * and login page, served by the api's own HTTP server.
 */
@Injectable()
export class OidcProviderService implements OnModuleInit {
  private readonly logger = new Logger('OpenIdProvider');
  provider!: Provider;
  private callback!: (req: IncomingMessage, res: ServerResponse) => void;
  private cookieKey!: string;
  /** The relying parties in force (configured, or the sandbox's demo client). */
  clients: OidcClientMetadata[] = [];

  /** Where the provider is reached: the origin of every absolute URL it writes. */
  get publicUrl(): string {
    return this.config.http.publicUrl;
  }

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly idTokens: IdTokenService,
    private readonly limiter: RateLimiterService,
    private readonly http: HttpAdapterHost,
    private readonly ciba: CibaService,
    private readonly clientLimits: OAuthClientLimits,
    private readonly pages: ProviderPages,
  ) {}

  async onModuleInit(): Promise<void> {
    this.clients =
      this.config.oidc.clients.length > 0 || !this.config.sandbox.url
        ? this.config.oidc.clients
        : [DEMO_CLIENT, DEMO_CIBA_CLIENT];
    // Cookies signed with the same key by every replica: an interaction may move between them.
    this.cookieKey = await sharedSecret(this.db, 'oidc-cookies', () =>
      randomBytes(32).toString('base64url'),
    );
    this.build();
    await this.validateClients();
    // A rotated key set means a new keystore: the library's is fixed, so the provider is rebuilt
    // (cheap; everything it keeps is in Postgres).
    this.idTokens.onKeysChanged(() => this.build());
    this.mount(this.http.httpAdapter.getInstance<FastifyInstance>());
    if (this.clients[0] === DEMO_CLIENT) {
      this.logger.log(
        `OpenID Provider: sandbox demo clients "${DEMO_CLIENT.client_id}" (public, PKCE, for ${(DEMO_CLIENT.redirect_uris as string[]).join(', ')}) and "${DEMO_CIBA_CLIENT.client_id}" (CIBA, poll)`,
      );
    }
  }

  private build(): void {
    const provider = new Provider(
      this.config.tokens.issuer,
      oidcConfiguration(this.config, {
        adapter: postgresOidcAdapter(this.db),
        clients: this.clients,
        signingKeys: this.idTokens.signingJwks(),
        cookieKeys: [this.cookieKey],
        // The account read with the token or interaction the request read first, else its own read.
        phoneOf: async (userId) => {
          const ahead = accountReadAhead(userId);
          return ahead ? ahead.phoneNumber : this.accounts.findPhoneByUserId(userId);
        },
        ciba: this.ciba.feature(),
        unknownAccount: (ctx, id) => CibaService.unknownAccount(ctx, id),
        pages: this.pages,
      }),
    );
    // The library builds its absolute URLs from the request's host and protocol; every request
    // it sees says PUBLIC_URL's (see asPublicUrl), read from the forwarded headers we set. (Its
    // ctx.ip, which this would also take from X-Forwarded-For, serves the device flow only, which
    // is off; our rate limits read Fastify's req.ip, which honours TRUST_PROXY.)
    provider.proxy = true;
    // First: each request's adapter calls share one scope (a consume rides with the next save).
    provider.use(
      oidcRequestScope(this.db, (err) =>
        this.logger.error({ err: err.message }, 'OpenID Provider error: a write failed'),
      ),
    );
    // Discovery: `user_code` is refused (CibaService), so it is not advertised (the library
    // always says true).
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.oidc?.route === 'discovery' && ctx.body && typeof ctx.body === 'object') {
        delete (ctx.body as Record<string, unknown>).backchannel_user_code_parameter_supported;
      }
      translateFormPost(ctx as KoaContextWithOIDC);
    });
    provider.on('server_error', (_ctx, err: Error) =>
      this.logger.error({ err: err.message }, 'OpenID Provider error'),
    );
    this.clientLimits.attach(provider);
    this.callback = provider.callback() as typeof this.callback;
    this.provider = provider;
    this.ciba.attach(provider);
  }

  /** A client oidc-provider would refuse stops the process at start, with one line naming it. */
  private async validateClients(): Promise<void> {
    for (const client of this.clients) {
      try {
        await this.provider.Client.validate(client as never);
      } catch (err) {
        const detail =
          err instanceof errors.OIDCProviderError ? err.error_description : (err as Error).message;
        throw new InvalidOidcClientError(`OIDC client "${client.client_id}": ${detail}`);
      }
    }
  }

  /**
   * Hands the library's routes to it untouched: in a scope of their own whose body parser leaves
   * the request stream to the library (it reads forms and JSON itself).
   */
  private mount(fastify: FastifyInstance): void {
    const handle = async (req: FastifyRequest, reply: FastifyReply) => {
      if (LIMITED_ROUTES.has(req.url.split('?')[0].replace(/\/+$/, ''))) {
        const refused = await this.limitPerAddress(req);
        if (refused) {
          return reply
            .code(429)
            .header('Retry-After', String(refused.retryAfterSeconds))
            .header('Cache-Control', 'no-store')
            .send({ error: 'temporarily_unavailable', error_description: refused.message });
        }
      }
      this.clientLimits.handOver(req);
      reply.hijack();
      asPublicUrl(req.raw, this.config.http.publicUrl);
      const res = reply.raw;
      res.setHeader('x-request-id', req.id);
      for (const [name, value] of Object.entries(OIDC_HEADERS)) res.setHeader(name, value);
      this.callback(req.raw, res);
    };
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
      // Each endpoint on a route of its own, so /metrics tells them apart; the rest (e.g. the
      // authorization endpoint's resume path) under one pattern.
      for (const path of [
        ...Object.values(OIDC_ROUTES),
        `${OIDC_ROUTES.authorization}/:uid`,
        `${OIDC_ROUTES.end_session}/confirm`,
        `${OIDC_ROUTES.end_session}/success`,
      ]) {
        scope.all(path, handle);
      }
      scope.all('/oidc/*', handle);
      scope.get('/.well-known/openid-configuration', handle);
      scope.get('/.well-known/oauth-authorization-server', handle);
    });
  }

  private async limitPerAddress(req: FastifyRequest): Promise<RateLimitedError | undefined> {
    try {
      await this.limiter.hit({
        key: `ip:${req.ip}`,
        ...this.config.rateLimits.ip,
        what: 'from this address',
      });
      return undefined;
    } catch (err) {
      if (err instanceof RateLimitedError) return err;
      throw err;
    }
  }
}
