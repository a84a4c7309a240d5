import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { isSupportedCountry } from 'libphonenumber-js';
import {
  AppConfig,
  OidcClientMetadata,
  SimProofProviderName,
  SimSwapProviderName,
} from './app-config';
import { EnvironmentVariables } from './environment';
import { logoUrlProblem, readLogoCa } from './logo-urls';
import { parseWebhooks } from './webhooks';

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Loads `.env` (never overriding variables already set), for processes started by hand. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Bounds, said only when the value is of the right kind (so "abc" is not "greater than 65535"). */
const BOUNDS = new Set(['min', 'max', 'minLength', 'maxLength']);

function describe(errors: ValidationError[]): string[] {
  // One line per variable, with one rule; the value itself is never echoed, it may be a secret.
  return errors.map((e) => {
    const failed = Object.entries(e.constraints ?? {});
    const [, message] = failed.find(([rule]) => !BOUNDS.has(rule)) ?? failed[0] ?? [, 'is invalid'];
    return `${e.property} ${message!.replace(new RegExp(`^${e.property} `), '')}`;
  });
}

/** proxy-addr's names and address forms, as TRUST_PROXY may list them. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxyProblem(value: string | undefined): string[] {
  if (value === undefined || /^(true|false|\d+)$/.test(value)) return [];
  const valid = value.split(',').every((item) => {
    const [address, bits, extra] = item.trim().split('/');
    if (PROXY_NAMES.has(address)) return bits === undefined;
    const family = isIP(address);
    const maxBits = family === 4 ? 32 : 128;
    return (
      family !== 0 &&
      extra === undefined &&
      (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits))
    );
  });
  return valid
    ? []
    : [
        'TRUST_PROXY must be true, false, a hop count, or addresses (loopback, linklocal, uniquelocal, 10.0.0.1, 10.0.0.0/8; comma-separated)',
      ];
}

function corsOriginsProblem(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const valid = origins.every((origin) => {
    try {
      const url = new URL(origin);
      return /^https?:$/.test(url.protocol) && url.origin === origin.replace(/\/$/, '');
    } catch {
      return false;
    }
  });
  return valid
    ? []
    : ['CORS_ORIGINS must be comma-separated origins, scheme and host only (https://app.example)'];
}

function parseRate(value: string): { limit: number; windowSeconds: number } {
  const [limit, windowSeconds] = value.split('/').map(Number);
  return { limit, windowSeconds };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** tru.ID's base URL for a data residency (`eu`, `in`, `us`), or the URL given. */
function truIdBaseUrl(value: string): string {
  return ['eu', 'in', 'us'].includes(value)
    ? `https://${value}.api.tru.id`
    : value.replace(/\/+$/, '');
}

/** The variables (either case) through which axios sends a call via an outbound proxy. */
const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'all_proxy'];

/** Whether `source` names an outbound proxy (corporate egress, say) for provider calls. */
export function outboundProxyConfigured(source: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => source[name] || source[name.toUpperCase()]);
}

function requireTogether(env: EnvironmentVariables, names: (keyof EnvironmentVariables)[]) {
  const set = names.filter((n) => env[n] !== undefined && env[n] !== '');
  if (set.length === 0 || set.length === names.length) return [];
  const missing = names.filter((n) => !set.includes(n));
  return missing.map((n) => `${n} must be set together with ${set.join(', ')}`);
}

/**
 * The relying parties of OIDC_CLIENTS (JSON) or OIDC_CLIENTS_FILE (a path to the same JSON): an
 * array of client metadata objects, each with its own `client_id`. The metadata itself is checked
 * by oidc-provider when the api starts.
 */
function parseOidcClients(env: EnvironmentVariables, problems: string[]): OidcClientMetadata[] {
  if (env.OIDC_CLIENTS && env.OIDC_CLIENTS_FILE) {
    problems.push('OIDC_CLIENTS and OIDC_CLIENTS_FILE cannot both be set');
    return [];
  }
  const name = env.OIDC_CLIENTS_FILE ? 'OIDC_CLIENTS_FILE' : 'OIDC_CLIENTS';
  let text = env.OIDC_CLIENTS;
  if (env.OIDC_CLIENTS_FILE) {
    try {
      text = readFileSync(env.OIDC_CLIENTS_FILE, 'utf8');
    } catch (err) {
      problems.push(`OIDC_CLIENTS_FILE cannot be read (${(err as NodeJS.ErrnoException).code})`);
      return [];
    }
  }
  if (!text) return [];
  let clients: unknown;
  try {
    clients = JSON.parse(text);
  } catch {
    problems.push(`${name} must be a JSON array of client metadata objects (it is not JSON)`);
    return [];
  }
  if (!Array.isArray(clients)) {
    problems.push(`${name} must be a JSON array of client metadata objects`);
    return [];
  }
  const seen = new Set<string>();
  clients.forEach((client: unknown, i) => {
    const id = (client as { client_id?: unknown } | null)?.client_id;
    if (typeof client !== 'object' || client === null || Array.isArray(client)) {
      problems.push(`${name}[${i}] must be an object of client metadata`);
    } else if (typeof id !== 'string' || id === '') {
      problems.push(`${name}[${i}] needs a client_id`);
    } else if (seen.has(id)) {
      problems.push(`${name}: client_id ${JSON.stringify(id)} is listed twice`);
    } else {
      seen.add(id);
      const logo = (client as { logo_uri?: unknown }).logo_uri;
      const problem = logo === undefined ? undefined : logoUrlProblem('logo_uri', logo);
      if (problem) problems.push(`${name}[${i}] (${JSON.stringify(id)}): ${problem}`);
    }
  });
  return clients as OidcClientMetadata[];
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * BRAND_COLOR is the sign-in page's buttons (white text on it) and sits on its background: WCAG
 * AA asks 4.5:1 for text, so a colour short of it against either stops the start.
 */
function brandColorProblem(color: string | undefined): string[] {
  if (!color || !/^#[0-9a-fA-F]{6}$/.test(color)) return [];
  return [
    ['the page background', '#f5f7fb'],
    ["the buttons' white text", '#ffffff'],
  ]
    .map(([what, other]) => [what, contrastRatio(color, other)] as const)
    .filter(([, ratio]) => ratio < 4.5)
    .map(
      ([what, ratio]) =>
        `BRAND_COLOR ${color} has a contrast of ${ratio.toFixed(2)}:1 against ${what}; the sign-in page needs at least 4.5:1 (WCAG AA)`,
    );
}

/** A comma-separated list of providers, each once, in its order. */
function providerList<N extends string>(value: string): N[] {
  return [...new Set(value.split(',').map((p) => p.trim()))] as N[];
}

/**
 * SIM_SWAP_PROVIDERS, or its former one-value name SIM_SWAP_PROVIDER; unset, tru.ID when it is
 * configured or Vonage is not, else Vonage (as SIM_SWAP_PROVIDER has always defaulted).
 */
function simSwapProviders(env: EnvironmentVariables, problems: string[]): SimSwapProviderName[] {
  const list = env.SIM_SWAP_PROVIDERS && providerList<SimSwapProviderName>(env.SIM_SWAP_PROVIDERS);
  const invalid = problems.some((p) => p.startsWith('SIM_SWAP_PROVIDER'));
  if (list && env.SIM_SWAP_PROVIDER && !invalid && list.join() !== env.SIM_SWAP_PROVIDER)
    problems.push(
      `SIM_SWAP_PROVIDER=${env.SIM_SWAP_PROVIDER} and SIM_SWAP_PROVIDERS=${list.join()} disagree: SIM_SWAP_PROVIDER is the former name of SIM_SWAP_PROVIDERS, set only SIM_SWAP_PROVIDERS`,
    );
  if (list) return list;
  if (env.SIM_SWAP_PROVIDER) return [env.SIM_SWAP_PROVIDER as SimSwapProviderName];
  return [env.TRUID_CLIENT_ID || !env.VONAGE_APPLICATION_ID ? 'truid' : 'vonage'];
}

/** Provider calls at PROVIDER_TIMEOUT_MS each, at most, to check a SIM swap with each provider. */
const SIM_SWAP_CALLS: Record<SimSwapProviderName, number> = {
  truid: 2, // an access token, SIMCheck
  vonage: 3, // the backend authorization, its token, SIM Swap
  twilio: 1, // Lookup v2 with Fields=sim_swap (Basic auth)
};

/**
 * A step's lease covers its whole failover chain: a login's approval first asks the SIM-swap
 * providers (unless SIM_SWAP_POLICY=off), then each SIM-proof provider of SIM_PROOF_PROVIDERS (an
 * access token and the call), then the SMS fallback's one call where it is on, each at
 * PROVIDER_TIMEOUT_MS, plus slack; never one provider's alone, so no replica takes over a failover.
 */
function stepLeaseSeconds(chain: {
  simProof: SimProofProviderName[];
  simSwap: SimSwapProviderName[];
  smsFallback: boolean;
  timeoutMs: number;
}): number {
  const calls =
    2 * chain.simProof.length +
    chain.simSwap.reduce((sum, name) => sum + SIM_SWAP_CALLS[name], 0) +
    (chain.smsFallback ? 1 : 0);
  return Math.ceil((calls * chain.timeoutMs) / 1000) + 2;
}

/** Validates the environment and returns the typed configuration, or throws one error listing every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = plainToInstance(EnvironmentVariables, raw);
  const problems = describe(validateSync(env, { forbidUnknownValues: false }));
  problems.push(
    ...requireTogether(env, ['TRUID_CLIENT_ID', 'TRUID_CLIENT_SECRET']),
    ...requireTogether(env, [
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_VERIFY_SERVICE_SID',
    ]),
    ...requireTogether(env, ['VONAGE_APPLICATION_ID', 'VONAGE_PRIVATE_KEY']),
  );
  problems.push(...trustProxyProblem(env.TRUST_PROXY), ...corsOriginsProblem(env.CORS_ORIGINS));
  const oidcClients = parseOidcClients(env, problems);
  const webhooks = parseWebhooks(env.WEBHOOKS, problems);
  if (
    env.DEFAULT_REGION &&
    /^[A-Z]{2}$/.test(env.DEFAULT_REGION) &&
    !isSupportedCountry(env.DEFAULT_REGION)
  )
    problems.push(`DEFAULT_REGION ${env.DEFAULT_REGION} is no region with a numbering plan`);
  problems.push(...brandColorProblem(env.BRAND_COLOR));
  const logoProblem = env.BRAND_LOGO_URL && logoUrlProblem('BRAND_LOGO_URL', env.BRAND_LOGO_URL);
  if (logoProblem) problems.push(logoProblem);
  const logoCa = readLogoCa(env.LOGO_CA_FILE, problems);
  const simSwapPolicy = (env.SIM_SWAP_POLICY ?? 'deny') as AppConfig['simSwap']['policy'];
  const simSwap = simSwapProviders(env, problems);
  if (problems.length > 0) throw new ConfigurationError(problems);

  const timeoutMs = env.PROVIDER_TIMEOUT_MS ?? 5000;
  const simProof = providerList<SimProofProviderName>(env.SIM_PROOF_PROVIDERS ?? 'truid');
  const fallback = (env.REGISTRATION_FALLBACK ?? 'none') as 'none' | 'sms';

  const anyProviderCredential = Boolean(
    env.TRUID_CLIENT_ID || env.VONAGE_APPLICATION_ID || env.FIREBASE_SERVICE_ACCOUNT_JSON,
  );
  const mode =
    env.NODE_ENV === 'production' || (anyProviderCredential && env.NODE_ENV !== 'development')
      ? 'production'
      : 'development';
  const port = env.PORT ?? 3000;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    mode,
    http: {
      port,
      host: env.HOST ?? '0.0.0.0',
      publicUrl,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      allowInsecurePublicUrl: env.ALLOW_INSECURE_PUBLIC_URL === 'true',
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE ?? 10,
      embeddedDir: env.EMBEDDED_PG_DIR ?? '.data/pg',
      embeddedPort: env.EMBEDDED_PG_PORT ?? 0,
      allowEmbedded: env.ALLOW_EMBEDDED_DATABASE === 'true',
      migrateOnStart: env.MIGRATE_ON_START !== 'false',
    },
    attempts: {
      sweepIntervalMs: env.ATTEMPT_SWEEP_INTERVAL_MS ?? 5000,
      registrationTtlSeconds: env.REGISTRATION_TTL_SECONDS ?? 120,
      loginTtlSeconds: env.LOGIN_TTL_SECONDS ?? 120,
      numberVerificationTtlSeconds: env.NUMBER_VERIFICATION_TTL_SECONDS ?? 300,
      stepLeaseSeconds: stepLeaseSeconds({
        simProof,
        simSwap: simSwapPolicy === 'off' ? [] : simSwap,
        smsFallback: fallback === 'sms',
        timeoutMs,
      }),
    },
    webhooks: {
      endpoints: webhooks,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS ?? 12,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS ?? 5000,
      allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS === 'true',
    },
    audit: { retentionDays: env.AUDIT_RETENTION_DAYS ?? 365 },
    simSwap: {
      policy: simSwapPolicy,
      maxAgeHours: env.SIM_SWAP_MAX_AGE_HOURS ?? 72,
      onProviderError: (env.SIM_SWAP_ON_PROVIDER_ERROR ?? 'closed') as 'closed' | 'open',
      providers: simSwap,
    },
    tokens: {
      signingKey: env.JWT_SIGNING_KEY?.replace(/\\n/g, '\n'),
      issuer: env.JWT_ISSUER ?? publicUrl,
      audience: env.JWT_AUDIENCE ?? 'simauth',
      idTokenTtlSeconds: env.ID_TOKEN_TTL_SECONDS ?? 300,
    },
    oidc: {
      clients: oidcClients,
      allowPrivateCallbacks: env.OIDC_ALLOW_PRIVATE_CALLBACKS === 'true',
      accessTokenTtlSeconds: env.OIDC_ACCESS_TOKEN_TTL_SECONDS ?? 600,
      refreshTokenTtlSeconds: env.OIDC_REFRESH_TOKEN_TTL_SECONDS ?? 14 * 24 * 3600,
      sessionTtlSeconds: env.OIDC_SESSION_TTL_SECONDS ?? 3600,
    },
    sse: {
      heartbeatMs: env.SSE_HEARTBEAT_MS ?? 15_000,
      maxStreamsPerLogin: env.SSE_MAX_STREAMS_PER_LOGIN ?? 5,
      maxStreamsPerIp: env.SSE_MAX_STREAMS_PER_IP ?? 100,
    },
    rateLimits: {
      phone: parseRate(env.RATE_LIMIT_PHONE ?? '5/600'),
      ip: parseRate(env.RATE_LIMIT_IP ?? '60/60'),
      attempt: parseRate(env.RATE_LIMIT_ATTEMPT ?? '10/600'),
      client: parseRate(env.RATE_LIMIT_CLIENT ?? '6000/60'),
    },
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    factors: {
      encryptionKey: env.TOTP_ENCRYPTION_KEY
        ? Buffer.from(env.TOTP_ENCRYPTION_KEY, 'base64')
        : undefined,
      issuer: env.AUTHENTICATOR_ISSUER ?? 'simauth',
      maxFailedCodes: env.FACTOR_MAX_FAILED_CODES ?? 5,
      lockSeconds: env.FACTOR_LOCK_SECONDS ?? 900,
      challengeTtlSeconds: env.CHALLENGE_TTL_SECONDS ?? 300,
      activationTtlSeconds: env.FACTOR_ACTIVATION_TTL_SECONDS ?? 900,
    },
    providers: {
      timeoutMs,
      simProof,
      outboundProxy: outboundProxyConfigured(source),
      truId: env.TRUID_CLIENT_ID
        ? {
            baseUrl: truIdBaseUrl(env.TRUID_BASE_URL ?? 'eu'),
            clientId: env.TRUID_CLIENT_ID,
            clientSecret: env.TRUID_CLIENT_SECRET!,
            callbackPublicKey: env.TRUID_CALLBACK_PUBLIC_KEY?.replace(/\\n/g, '\n'),
          }
        : undefined,
      vonage: env.VONAGE_APPLICATION_ID
        ? {
            baseUrl: (env.VONAGE_BASE_URL ?? 'https://api-eu.vonage.com').replace(/\/+$/, ''),
            verifyBaseUrl: (env.VONAGE_VERIFY_BASE_URL ?? 'https://api.nexmo.com').replace(
              /\/+$/,
              '',
            ),
            applicationId: env.VONAGE_APPLICATION_ID,
            // .env files cannot hold multi-line values portably; accept "\n" escapes.
            privateKey: env.VONAGE_PRIVATE_KEY!.replace(/\\n/g, '\n'),
            redirectUri: env.VONAGE_REDIRECT_URI ?? `${publicUrl}/v1/number-verifications/callback`,
          }
        : undefined,
      twilio: env.TWILIO_ACCOUNT_SID
        ? {
            baseUrl: (env.TWILIO_BASE_URL ?? 'https://verify.twilio.com').replace(/\/+$/, ''),
            lookupBaseUrl: (env.TWILIO_LOOKUP_BASE_URL ?? 'https://lookups.twilio.com').replace(
              /\/+$/,
              '',
            ),
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN!,
            serviceSid: env.TWILIO_VERIFY_SERVICE_SID!,
          }
        : undefined,
      firebase: env.FIREBASE_SERVICE_ACCOUNT_JSON
        ? { serviceAccountJson: env.FIREBASE_SERVICE_ACCOUNT_JSON }
        : undefined,
      fallback,
    },
    sandbox: {
      port: env.SANDBOX_PORT ?? 0,
      host: env.SANDBOX_HOST ?? '127.0.0.1',
      publicUrl: env.SANDBOX_PUBLIC_URL?.replace(/\/+$/, ''),
      callbackUrl: env.SANDBOX_CALLBACK_URL,
      force: env.SANDBOX_FORCE === 'true',
      sharedUrl: env.SANDBOX_URL?.replace(/\/+$/, ''),
    },
    pages: {
      defaultRegion: env.DEFAULT_REGION,
      brand: {
        name: env.BRAND_NAME ?? 'simauth',
        color: env.BRAND_COLOR?.toLowerCase(),
        supportUrl: env.BRAND_SUPPORT_URL,
        privacyUrl: env.BRAND_PRIVACY_URL,
        logoUrl: env.BRAND_LOGO_URL,
      },
      logos: { allowPrivateUrls: env.LOGO_ALLOW_PRIVATE_URLS === 'true', extraCa: logoCa },
    },
  };
}
