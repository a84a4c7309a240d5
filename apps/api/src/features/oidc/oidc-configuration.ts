import type { Account, Configuration, JWK, KoaContextWithOIDC } from 'oidc-provider';
import { AppConfig, OidcClientMetadata } from '@simauth/config';
import { Adapter, errors } from 'oidc-provider';
import type { ProviderPages } from './oidc-pages';
import {
  ADMIN_PHONE_NUMBERS_SCOPE,
  ADMIN_SCOPE,
  adminAudience,
} from '../../platform/operator-access/admin-tokens';
import { CookieKeys } from './cookie-keys';

/** `acr` of a sign-in whose SIM was proven by the mobile network (PhoneCheck). */
const ACR_SIM = 'urn:simauth:acr:sim';
/** `acr` of a sign-in approved on the registered phone with an authenticator code instead. */
const ACR_OTP = 'urn:simauth:acr:otp';
/** `acr` of a sign-in proven by a code sent by SMS (the fallback where no PhoneCheck can run). */
const ACR_SMS = 'urn:simauth:acr:sms';

/** Where each endpoint of the library is served; the issuer stays the bare PUBLIC_URL. */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  backchannel_authentication: '/oidc/backchannel',
  code_verification: '/oidc/device',
  device_authorization: '/oidc/device/auth',
  end_session: '/oidc/session/end',
  introspection: '/oidc/token/introspection',
  jwks: '/oidc/jwks',
  pushed_authorization_request: '/oidc/request',
  registration: '/oidc/reg',
  revocation: '/oidc/token/revocation',
  token: '/oidc/token',
  userinfo: '/oidc/me',
};

/** The interaction (our login page) of an authorization request. */
const interactionPath = (uid: string) => `/oidc/interaction/${uid}`;

/** Registered in sandbox mode when no client is configured: the example app signs in with it. */
export const DEMO_CLIENT: OidcClientMetadata = {
  client_id: 'simauth-demo',
  client_name: 'simauth demo app (sandbox only)',
  token_endpoint_auth_method: 'none',
  redirect_uris: ['http://localhost:8080/callback'],
  post_logout_redirect_uris: ['http://localhost:8080/'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  scope: 'openid phone offline_access',
};

/**
 * Its CIBA twin (sandbox mode only, like the demo client): a confidential poll-mode client whose
 * secret is published in docs/guide/web-apps.md, so the decoupled flow can be tried with curl.
 */
export const DEMO_CIBA_CLIENT: OidcClientMetadata = {
  client_id: 'simauth-demo-ciba',
  client_name: 'simauth CIBA demo (sandbox only)',
  client_secret: 'simauth-demo-ciba-secret-for-the-sandbox-only',
  grant_types: ['urn:openid:params:grant-type:ciba'],
  response_types: [],
  redirect_uris: [],
  backchannel_token_delivery_mode: 'poll',
};

interface OidcDependencies {
  adapter: (model: string) => Adapter;
  clients: OidcClientMetadata[];
  signingKeys: { keys: JWK[] };
  cookieKeys: string[];
  /** The phone number of a user id, or undefined when there is no such user. */
  phoneOf(userId: string): Promise<string | undefined>;
  /** CIBA: the library's feature settings with our hooks. */
  ciba: NonNullable<Configuration['features']>['ciba'];
  /** An account that is no user, where a CIBA request may name one (no enumeration). */
  unknownAccount(ctx: KoaContextWithOIDC, id: string): Account | undefined;
  /** The provider's own pages (error, logout, signed out), branded. */
  pages: Pick<ProviderPages, 'renderError' | 'logoutSource' | 'postLogoutSuccessSource'>;
}

/** `amr` as the tokens say it: the methods of the attempt, plus `mfa` when there were two. */
export function amrOf(methods: string[]): string[] {
  return methods.length > 1 ? [...methods, 'mfa'] : methods;
}

/** `acr` of a sign-in with these methods. */
export function acrOf(methods: string[]): string {
  if (methods.includes('sim')) return ACR_SIM;
  return methods.includes('otp') ? ACR_OTP : ACR_SMS;
}

/**
 * Consent is the operator's: the relying parties are configured by them, so a signed-in person
 * grants a client what it asks for within its registered `scope`, with no consent screen.
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
  if (grantId) {
    const existing = await oidc.provider.Grant.find(grantId);
    if (existing) return existing;
  }
  const grant = new oidc.provider.Grant({
    clientId: oidc.client!.clientId,
    accountId: oidc.session!.accountId,
  });
  grant.addOIDCScope([...oidc.requestParamScopes].join(' '));
  const claims = [...oidc.requestParamClaims].filter(Boolean);
  if (claims.length > 0) grant.addOIDCClaims(claims);
  await grant.save();
  return grant;
}

/**
 * `require_pkce` (our client metadata): PKCE is required unless a confidential client says
 * `false`, for relying parties that cannot send it (stock passport-openidconnect). A public client
 * always needs it: its code is all an attacker who sees the redirect would need.
 */
const REQUIRE_PKCE = 'require_pkce';

function validateClientMetadata(
  _ctx: KoaContextWithOIDC | undefined,
  key: string,
  value: unknown,
  metadata: Record<string, unknown>,
): void {
  if (key !== REQUIRE_PKCE || value === undefined) return;
  if (typeof value !== 'boolean') {
    throw new errors.InvalidClientMetadata(`${REQUIRE_PKCE} must be true or false`);
  }
  if (!value && metadata.token_endpoint_auth_method === 'none') {
    throw new errors.InvalidClientMetadata(
      `${REQUIRE_PKCE}: false is allowed only for a confidential client (this one has token_endpoint_auth_method none)`,
    );
  }
}

/**
 * Called by the library for an authorization request without a code_challenge: refused unless the
 * client is a confidential one with `require_pkce: false`, and then only with a `nonce`, the
 * other defence against code injection (RFC 9700 §2.1.1).
 */
function pkceRequired(
  ctx: KoaContextWithOIDC,
  client: { [REQUIRE_PKCE]?: boolean; clientAuthMethod: string },
): boolean {
  if (client[REQUIRE_PKCE] !== false || client.clientAuthMethod === 'none') return true;
  if (!ctx.oidc.params?.nonce) {
    throw new errors.InvalidRequest('nonce is required for this client when PKCE is not used');
  }
  return false;
}

async function ownToken(
  _ctx: KoaContextWithOIDC,
  client: { clientId: string },
  token: { clientId?: string },
): Promise<boolean> {
  return token.clientId === client.clientId;
}

/** The whole configuration of the OpenID Provider, in one place. */
export function oidcConfiguration(config: AppConfig, deps: OidcDependencies): Configuration {
  const { oidc, tokens, attempts } = config;
  return {
    adapter: deps.adapter,
    clients: deps.clients,
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
    jwks: deps.signingKeys as Configuration['jwks'],
    // ES256 by default (clientDefaults); RS256 for a client that asks for it, as OpenID Connect
    // Discovery requires every provider to offer.
    enabledJWA: { idTokenSigningAlgValues: ['ES256', 'RS256'] },
    cookies: {
      keys: new CookieKeys(deps.cookieKeys),
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    scopes: ['openid', 'offline_access', 'phone', ADMIN_SCOPE, ADMIN_PHONE_NUMBERS_SCOPE],
    // How and when the person proved it ride along with `openid`: a relying party needs no
    // claims parameter to see that a SIM was checked.
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time', 'sid'],
      phone: ['phone_number', 'phone_number_verified'],
    },
    // The phone claims go in the id_token too (not only userinfo): most relying parties read it.
    conformIdTokenClaims: false,
    acrValues: [ACR_SIM, ACR_OTP, ACR_SMS],
    async findAccount(ctx, id): Promise<Account | undefined> {
      const phoneNumber = await deps.phoneOf(id);
      if (!phoneNumber) return deps.unknownAccount(ctx, id);
      return {
        accountId: id,
        claims: () => ({ sub: id, phone_number: phoneNumber, phone_number_verified: true }),
      };
    },
    features: {
      devInteractions: { enabled: false },
      // A client may introspect and revoke its own tokens only.
      revocation: { enabled: true, allowedPolicy: ownToken },
      // ... and a blocked user's tokens are inactive, as userinfo and the token endpoint (which
      // find no account for them) already treat them.
      introspection: {
        enabled: true,
        allowedPolicy: async (ctx, client, token) => {
          const { accountId } = token as { accountId?: string };
          return (
            (await ownToken(ctx, client, token)) &&
            (!accountId || (await deps.phoneOf(accountId)) !== undefined)
          );
        },
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: deps.pages.logoutSource,
        postLogoutSuccessSource: deps.pages.postLogoutSuccessSource,
      },
      ciba: deps.ciba,
      // Operators' scripts get admin API tokens with their client's own credentials.
      clientCredentials: { enabled: true },
      // The admin API is a resource server: its tokens are ES256 JWTs for its audience, so it
      // checks them with the key set alone. Other grants keep the library's opaque tokens.
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx, _client, oneOf) =>
          oneOf ??
          (ctx.oidc.params?.grant_type === 'client_credentials'
            ? adminAudience(config.tokens.issuer)
            : undefined),
        getResourceServerInfo: async (_ctx, resource, client) => {
          if (
            resource !== adminAudience(config.tokens.issuer) ||
            !(client.scope ?? '').split(' ').includes(ADMIN_SCOPE)
          ) {
            throw new errors.InvalidTarget();
          }
          return {
            // A client gets of these what its `scope` allows and its token request asks for.
            scope: `${ADMIN_SCOPE} ${ADMIN_PHONE_NUMBERS_SCOPE}`,
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: oidc.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
        useGrantedResource: async () => false,
      },
    },
    // The authorization code flow only: no implicit or hybrid response types are offered.
    responseTypes: ['code'],
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    renderError: deps.pages.renderError,
    loadExistingGrant,
    // PKCE (S256) for every client, confidential ones included, as OAuth 2.1 recommends, unless a
    // confidential client's `require_pkce: false` (see pkceRequired).
    pkce: { required: (ctx, client) => pkceRequired(ctx, client as never) },
    extraClientMetadata: { properties: [REQUIRE_PKCE], validator: validateClientMetadata },
    rotateRefreshToken: true,
    // The library refuses to call loopback and private addresses (SSRF); an operator whose relying
    // parties listen on an internal network lifts that, knowingly.
    ...(oidc.allowPrivateCallbacks
      ? {
          fetch: (url: string | URL | Request, options?: RequestInit) => {
            delete (options as { dispatcher?: unknown } | undefined)?.dispatcher;
            return fetch(url, options);
          },
        }
      : {}),
    routes: OIDC_ROUTES,
    ttl: {
      AccessToken: oidc.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      BackchannelAuthenticationRequest: attempts.loginTtlSeconds,
      ClientCredentials: oidc.accessTokenTtlSeconds,
      Grant: oidc.refreshTokenTtlSeconds,
      IdToken: tokens.idTokenTtlSeconds,
      Interaction: 600,
      RefreshToken: oidc.refreshTokenTtlSeconds,
      Session: oidc.sessionTtlSeconds,
    },
  };
}
