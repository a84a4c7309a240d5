import { Transform } from 'class-transformer';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** A setting as the configuration reference shows it: its default, and what it means (Markdown). */
interface SettingDocumentation {
  name: string;
  default: string;
  meaning: string;
}

const documented: SettingDocumentation[] = [];

/** Records a setting's default and meaning for the configuration reference; validation ignores it. */
function Setting(defaultValue: string, meaning: string): PropertyDecorator {
  return (_target, name) => {
    documented.push({ name: String(name), default: defaultValue, meaning });
  };
}

/** The settings of the schema, in its order, with their default and meaning. */
export const settingsDocumentation = (): readonly SettingDocumentation[] => documented;

/** Variables simauth does not validate but that change what it does (read by libraries); names comma-separated. */
export const LIBRARY_VARIABLES: readonly SettingDocumentation[] = [
  {
    name: 'HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY',
    default: '*(unset: direct)*',
    meaning:
      'outbound proxy for provider calls (either case, as axios reads them); looked for once at start',
  },
];

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Every environment variable simauth reads, with its rule and, in `@Setting`, its default and
 * meaning. docs/reference/configuration.md is generated from them (`npm run docs:config`) and
 * `.env.example` lists the same names; tests keep the three in step.
 */
export class EnvironmentVariables {
  // --- Mode
  /**
   * `production` refuses to start half-configured; `development` lets a developer try real
   * providers with warnings instead. Unset: production as soon as any provider credential is set.
   */
  @Setting(
    '*(unset: `production` once any provider credential is set, else `development`)*',
    '`production` refuses to start half-configured (see [Going live](../operations/going-live.md)); `development` lets you try real providers with warnings instead of refusals',
  )
  @IsOptional()
  // `test` (what test runners set) is accepted and counts as unset: only `development` turns the
  // refusals into warnings.
  @IsIn(['production', 'development', 'test'])
  NODE_ENV?: string;

  // --- HTTP
  @Setting('`3000`', 'HTTP port of the api')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @Setting('`0.0.0.0`', 'interface to listen on')
  @IsOptional()
  @IsString()
  HOST?: string;

  @Setting(
    '`http://localhost:$PORT`',
    'base URL devices and providers use to reach the api (redirects, callbacks)',
  )
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  PUBLIC_URL?: string;

  @Setting(
    '`false`',
    "Which proxies' `X-Forwarded-For` to believe (proxy-addr rules, as Express's `trust proxy`): `true`, a hop count, or addresses (`loopback`, `10.0.0.0/8`); decides the client IP",
  )
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Production mode only: accept an http PUBLIC_URL (a local trial, never a real deployment). */
  @Setting(
    '`false`',
    'production mode only: accept an `http://` `PUBLIC_URL`, for a local trial. Behind a TLS-terminating proxy `PUBLIC_URL` is still the `https://` URL and `TRUST_PROXY` is set; never set this there',
  )
  @IsOptional()
  @IsIn(['true', 'false'])
  ALLOW_INSECURE_PUBLIC_URL?: string;

  @Setting('`info`', '`fatal` … `trace`, or `silent`; logs are JSON lines')
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  // --- Database
  @Setting('*(unset: embedded)*', '`postgres://user:pass@host:5432/db`')
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Setting('`10`', 'connections per api process (one idle for a minute is closed)')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @Setting('`.data/pg`', 'where the embedded Postgres keeps its cluster and generated password')
  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  /** Production mode only: accept the embedded Postgres (no DATABASE_URL) on a single machine. */
  @Setting(
    '`false`',
    'production mode only: run on the embedded Postgres anyway (one machine, no `DATABASE_URL`; see [Going live](../operations/going-live.md) for where its data goes and backing it up)',
  )
  @IsOptional()
  @IsIn(['true', 'false'])
  ALLOW_EMBEDDED_DATABASE?: string;

  @Setting('`0`', 'port of the embedded Postgres (`0`: a free port at each start)')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  /** `false`: a release's migrations run elsewhere (a Job); the api only checks they have. */
  @Setting(
    '`true`',
    'apply pending migrations at start; `false`: never change the schema (the role may lack `CREATE`; migrations run beforehand with `node dist/apps/api/src/cli/migrate.js`) and refuse to start while one the code needs is missing',
  )
  @IsOptional()
  @IsIn(['true', 'false'])
  MIGRATE_ON_START?: string;

  // --- Attempts
  @Setting('`5000`', 'how often overdue attempts are moved to `EXPIRED`')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ATTEMPT_SWEEP_INTERVAL_MS?: number;

  @Setting('`120`', 'lifetime of a registration (PhoneCheck) attempt')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  REGISTRATION_TTL_SECONDS?: number;

  @Setting('`120`', 'lifetime of a companion login')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  LOGIN_TTL_SECONDS?: number;

  // --- Webhooks
  @Setting(
    '*(unset: none)*',
    'a JSON array of `{"url", "secret", "events"}`: where to send signed event notifications ([Webhooks](webhooks.md)). `secret` is a Standard Webhooks key (`whsec_` + base64); `events` lists event types, `prefix.*` or `*`',
  )
  @IsOptional()
  @IsString()
  WEBHOOKS?: string;

  @Setting(
    '`12`',
    'tries of one delivery (backoff 1 s, 2 s, 4 s, … up to 10 minutes) before it is marked dead',
  )
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_MAX_ATTEMPTS?: number;

  @Setting(
    '`5000`',
    'how long one webhook delivery may take (connection to answer) before it counts as a failed try',
  )
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS?: number;

  /** Lets endpoints registered through the admin API point at loopback, link-local or private addresses. */
  @Setting(
    '`false`',
    'let endpoints registered through the admin API point at loopback, link-local or private addresses (`127.0.0.1`, `169.254.169.254`, `10.0.0.0/8`, `[::1]`, …); refused by default, at registration and again at each delivery, against server-side request forgery. Those of `WEBHOOKS` may always',
  )
  @IsOptional()
  @IsBooleanString()
  WEBHOOK_ALLOW_PRIVATE_URLS?: string;

  // --- Audit trail
  @Setting(
    '`365`',
    'days attempts (with every move they made) and admin actions are kept; the sweeper deletes older ones. `0` keeps them forever. Export them first ([the audit trail](../operations/operators.md#the-audit-trail)) if you must keep them longer',
  )
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36500)
  AUDIT_RETENTION_DAYS?: number;

  // --- SIM-swap protection
  @Setting(
    '`deny`',
    'what a SIM swap within `SIM_SWAP_MAX_AGE_HOURS` does when the phone approves a login: `deny` (the login ends `SIM_SWAP_DETECTED`), `step_up` (the phone must approve with an authenticator code instead), `off` (not asked). Other than `off`, it needs each provider of `SIM_SWAP_PROVIDERS`: without its credentials the api refuses to start, naming both fixes ([Going live](../operations/going-live.md#sim-swap-providers-and-failover))',
  )
  @IsOptional()
  @IsIn(['deny', 'step_up', 'off'])
  SIM_SWAP_POLICY?: string;

  @Setting('`72`', 'how recent a SIM change counts as a swap (1–2400)')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2400)
  SIM_SWAP_MAX_AGE_HOURS?: number;

  @Setting(
    '`closed`',
    "when the check itself fails: `closed` refuses the approval for now (503 with `Retry-After`; the login stays `PENDING`), `open` lets it go on without the check (logged as a warning and in the login's audit trail)",
  )
  @IsOptional()
  @IsIn(['closed', 'open'])
  SIM_SWAP_ON_PROVIDER_ERROR?: string;

  @Setting(
    '`truid` if tru.ID is configured, else `vonage`',
    'who may answer the SIM-swap check, comma-separated, in failover order: `truid` (tru.ID SIMCheck), `vonage` (Vonage CAMARA SIM Swap), `twilio` (Twilio Lookup v2 SIM Swap). A provider is used only when listed. One that answers "not supported" for the number or is unavailable (timeout, 5xx, open circuit) hands the check to the next in the same request; after the last, `SIM_SWAP_ON_PROVIDER_ERROR` applies ([Going live](../operations/going-live.md#sim-swap-providers-and-failover))',
  )
  @IsOptional()
  @Matches(/^\s*(truid|vonage|twilio)\s*(,\s*(truid|vonage|twilio)\s*){0,2}$/, {
    message: 'must be a comma-separated list of truid, vonage, twilio (each at most once)',
  })
  SIM_SWAP_PROVIDERS?: string;

  @Setting(
    '*(unset)*',
    'the former name of `SIM_SWAP_PROVIDERS`, for one provider (`truid` or `vonage`); set both only to the same value, or the api refuses to start',
  )
  @IsOptional()
  @IsIn(['truid', 'vonage'])
  SIM_SWAP_PROVIDER?: string;

  @Setting('`300`', 'lifetime of a number verification')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  NUMBER_VERIFICATION_TTL_SECONDS?: number;

  // --- Sign-in tokens and live status
  @Setting(
    '*(unset: generated once, kept in the database)*',
    'PEM EC P-256 private key that signs id_tokens (ES256), `\\n` for line breaks; the RS256 key stays in the database',
  )
  @IsOptional()
  @Matches(/-----BEGIN (EC )?PRIVATE KEY-----/, {
    message: 'must be a PEM EC P-256 private key (use \\n for line breaks)',
  })
  JWT_SIGNING_KEY?: string;

  @Setting('`$PUBLIC_URL`', '`iss` of id_tokens')
  @IsOptional()
  @IsString()
  @MinLength(1)
  JWT_ISSUER?: string;

  @Setting('`simauth`', '`aud` of id_tokens')
  @IsOptional()
  @IsString()
  @MinLength(1)
  JWT_AUDIENCE?: string;

  @Setting('`300`', 'lifetime of an id_token')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ID_TOKEN_TTL_SECONDS?: number;

  @Setting('`15000`', 'interval of keep-alive comments on live status streams')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  SSE_HEARTBEAT_MS?: number;

  @Setting(
    '`5`',
    'open live status streams one login may have on one api process (counted once its poll token is checked); past it, 429 with `Retry-After`',
  )
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SSE_MAX_STREAMS_PER_LOGIN?: number;

  @Setting(
    '`100`',
    'open live status streams one client address may have on one api process (counted before anything else); past it, 429 with `Retry-After`',
  )
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SSE_MAX_STREAMS_PER_IP?: number;

  // --- OpenID Provider
  @Setting(
    '*(none; while the sandbox serves: the demo clients `simauth-demo` and `simauth-demo-ciba`)*',
    'relying parties of the OpenID Provider: a JSON array of oidc-provider client metadata (`client_id`, `client_secret` or `"token_endpoint_auth_method":"none"`, `redirect_uris`, `post_logout_redirect_uris`, `grant_types`, `scope`, …; `client_name` and an https `logo_uri` for the sign-in page); a client the library refuses, or with a `logo_uri` that is not https, stops the start with one line naming it',
  )
  @IsOptional()
  @IsString()
  OIDC_CLIENTS?: string;

  @Setting('*(unset)*', 'a path to the same JSON, instead of `OIDC_CLIENTS`')
  @IsOptional()
  @IsString()
  OIDC_CLIENTS_FILE?: string;

  @Setting(
    '`false`',
    "let the provider call relying parties on loopback or private addresses (a CIBA client's `backchannel_client_notification_endpoint` on your internal network); refused by default, against server-side request forgery. A private CA for such endpoints goes in Node's `NODE_EXTRA_CA_CERTS`",
  )
  @IsOptional()
  @IsIn(['true', 'false'])
  OIDC_ALLOW_PRIVATE_CALLBACKS?: string;

  @Setting('`600`', "lifetime of the OpenID Provider's access tokens")
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  OIDC_ACCESS_TOKEN_TTL_SECONDS?: number;

  @Setting('`1209600`', 'lifetime of refresh tokens (and of the grant behind them; 14 days)')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(31_536_000)
  OIDC_REFRESH_TOKEN_TTL_SECONDS?: number;

  @Setting(
    '`3600`',
    'how long a browser stays signed in at simauth (a second app signs in without the phone meanwhile)',
  )
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(2_592_000)
  OIDC_SESSION_TTL_SECONDS?: number;

  // --- Authenticator factors
  @Setting(
    '*(unset: generated once, kept in the database)*',
    '32 bytes, base64 (`openssl rand -base64 32`), that encrypt secrets simauth must read back at rest (AES-256-GCM): TOTP seeds, and the signing secrets of webhook endpoints registered through the admin API; set it in production',
  )
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
  })
  TOTP_ENCRYPTION_KEY?: string;

  @Setting('`simauth`', 'issuer name shown in authenticator apps')
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTHENTICATOR_ISSUER?: string;

  @Setting('`5`', 'wrong codes in a row that lock a factor')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  FACTOR_MAX_FAILED_CODES?: number;

  @Setting('`900`', 'how long a locked factor refuses codes')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  FACTOR_LOCK_SECONDS?: number;

  @Setting('`300`', 'lifetime of a factor challenge')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  CHALLENGE_TTL_SECONDS?: number;

  @Setting('`900`', 'time to activate a new factor')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  FACTOR_ACTIVATION_TTL_SECONDS?: number;

  @Setting(
    "*(tru.ID's published keys)*",
    "PEM public key that verifies tru.ID's signed callbacks, instead of the keys at `$TRUID_BASE_URL/.well-known/jwks.json` chosen by the signature's keyId",
  )
  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----/, {
    message: 'must be a PEM public key (use \\n for line breaks)',
  })
  TRUID_CALLBACK_PUBLIC_KEY?: string;

  // --- Rate limits ("<count>/<seconds>")
  @Setting(
    '`5/600`',
    "requests per phone number per window (`<count>/<seconds>`) on everything that costs a provider call or sends a push: registrations, logins (the login page's and CIBA's too), number verifications, one budget per number shared by all of them (limiting logins does not leave registrations open for the same number). A fixed window in Postgres, shared by every replica; past it, 429 says the limit and when to try again (`Retry-After`). While the sandbox serves (the demo, or `SANDBOX_FORCE`/`SANDBOX_URL` in development; then it serves every provider, credentials or not) the test numbers `+447700900000`–`+447700900999` are not counted (the start-up line says so), so the examples can be replayed",
  )
  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 5/600' })
  RATE_LIMIT_PHONE?: string;

  @Setting(
    '`60/60`',
    "public POSTs per client IP per window (the IP as `TRUST_PROXY` decides); the same budget, counted apart, for requests to the OpenID Provider's token, introspection and revocation endpoints without a successful client authentication, and for admin API requests without a valid token",
  )
  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 60/60' })
  RATE_LIMIT_IP?: string;

  @Setting(
    '`10/600`',
    'codes or approvals per registration, login, factor or challenge per window (guessing, and provider calls per attempt)',
  )
  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 10/600' })
  RATE_LIMIT_ATTEMPT?: string;

  @Setting(
    '`6000/60`',
    "requests per authenticated (confidential) client per window to the OpenID Provider's token, introspection and revocation endpoints: a relying party's server calls from one address for all its users, so these are counted per client, not per address. Requests there without a successful client authentication (a wrong secret, a public client) count per address against `RATE_LIMIT_IP`",
  )
  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 6000/60' })
  RATE_LIMIT_CLIENT?: string;

  // --- HTTP hardening
  @Setting(
    '*(none: same origin only)*',
    'comma-separated origins allowed to call the API from a browser (GET, HEAD, POST, PUT and DELETE, as the client SDK needs)',
  )
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  // --- Providers
  // --- SIM-proof providers and failover (#35)
  @Setting(
    '`truid`',
    'the providers that may prove a SIM, comma-separated, in failover order: `truid` (tru.ID PhoneCheck), `vonage` (Vonage Verify v2 silent authentication), `twilio` (Twilio Verify SNA). A provider is used only when listed (Vonage credentials for number verification or SMS do not start silent authentication). One that answers "not supported" for the number or is unavailable (timeout, 5xx, open circuit) hands the proof to the next in the same request; after the last, `REGISTRATION_FALLBACK` applies. A list other than the default needs the credentials of each provider it names, or the api refuses to start ([Going live](../operations/going-live.md#sim-proof-providers-and-failover))',
  )
  @IsOptional()
  @Matches(/^\s*(truid|vonage|twilio)\s*(,\s*(truid|vonage|twilio)\s*){0,2}$/, {
    message: 'must be a comma-separated list of truid, vonage, twilio (each at most once)',
  })
  SIM_PROOF_PROVIDERS?: string;

  @Setting('`5000`', 'timeout of each provider HTTP call')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  PROVIDER_TIMEOUT_MS?: number;

  @Setting(
    '*(unset: no tru.ID)*',
    'tru.ID project client id. Unset while another provider is set: registration, coverage, the SIM proof of logins and tru.ID Authenticator factors answer 501 `feature-not-configured` (with no provider set at all and not in production: the sandbox plays all three)',
  )
  @IsOptional()
  @IsString()
  @MinLength(1)
  TRUID_CLIENT_ID?: string;

  @Setting('*(unset: no tru.ID)*', 'tru.ID project client secret (set with the id)')
  @IsOptional()
  @IsString()
  @MinLength(1)
  TRUID_CLIENT_SECRET?: string;

  // A data residency (eu, in, us) or the whole base URL.
  @Setting(
    '`eu`',
    'tru.ID data residency, `eu`, `in` or `us` (`https://<residency>.api.tru.id`), or a whole base URL',
  )
  @IsOptional()
  @ValidateIf((_, value) => !['eu', 'in', 'us'].includes(value as string))
  @IsUrl(URL_OPTIONS, { message: 'must be eu, in, us or an http(s) URL' })
  TRUID_BASE_URL?: string;

  @Setting(
    '*(unset: no Vonage)*',
    'Vonage application id. Unset while another provider is set: number verification answers 501 `feature-not-configured`, and `REGISTRATION_FALLBACK=sms` refuses to start',
  )
  @IsOptional()
  @IsString()
  @MinLength(1)
  VONAGE_APPLICATION_ID?: string;

  @Setting(
    '*(unset: no Vonage)*',
    "the application's PEM private key, `\\n` for line breaks (set with the id)",
  )
  @IsOptional()
  @IsString()
  @Matches(/-----BEGIN (RSA )?PRIVATE KEY-----/, {
    message: 'must be a PEM private key (use \\n for line breaks)',
  })
  VONAGE_PRIVATE_KEY?: string;

  @Setting('`https://api-eu.vonage.com`', 'Vonage Network APIs host')
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  VONAGE_BASE_URL?: string;

  /** Vonage Verify v2's host (the SMS fallback). */
  @Setting('`https://api.nexmo.com`', 'Vonage Verify v2 host (the SMS fallback)')
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  VONAGE_VERIFY_BASE_URL?: string;

  @Setting(
    '*(unset: no Twilio)*',
    'Twilio account SID (`AC…`), for Twilio Verify SNA when `SIM_PROOF_PROVIDERS` lists `twilio` and Twilio Lookup SIM Swap when `SIM_SWAP_PROVIDERS` does; set with the auth token and the Verify service SID',
  )
  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, {
    message: 'must be a Twilio account SID (AC and 32 hex digits)',
  })
  TWILIO_ACCOUNT_SID?: string;

  @Setting(
    '*(unset: no Twilio)*',
    "the account's auth token (set with the account SID); never logged",
  )
  @IsOptional()
  @IsString()
  @MinLength(1)
  TWILIO_AUTH_TOKEN?: string;

  @Setting(
    '*(unset: no Twilio)*',
    'the Twilio Verify service SID (`VA…`) the SNA verifications run in',
  )
  @IsOptional()
  @Matches(/^VA[0-9a-fA-F]{32}$/, {
    message: 'must be a Twilio Verify service SID (VA and 32 hex digits)',
  })
  TWILIO_VERIFY_SERVICE_SID?: string;

  @Setting('`https://verify.twilio.com`', 'Twilio Verify host')
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  TWILIO_BASE_URL?: string;

  @Setting(
    '`https://lookups.twilio.com`',
    'Twilio Lookup host, for the SIM-swap check when `SIM_SWAP_PROVIDERS` lists `twilio`',
  )
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  TWILIO_LOOKUP_BASE_URL?: string;

  @Setting(
    '`none`',
    "where no SIM check can run for a number (each provider of `SIM_PROOF_PROVIDERS` said not supported, or was down): `none` answers 422 `number-not-supported` (503 when a provider was down); `sms` sends a code by SMS (Vonage Verify v2) instead, and the device is trusted with `proven_by: sms` (see [Registration by SMS](../guide/flows.md#registration-by-sms-the-fallback-channel)); needs Vonage's credentials, or the api refuses to start",
  )
  @IsOptional()
  @IsIn(['none', 'sms'])
  REGISTRATION_FALLBACK?: string;

  @Setting('`$PUBLIC_URL/v1/number-verifications/callback`', 'redirect URI registered with Vonage')
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  VONAGE_REDIRECT_URI?: string;

  @Setting(
    '*(unset: no pushes)*',
    'Firebase service account JSON, for FCM pushes. Unset while another provider is set: no push is sent (a start-up warning says so); companion login still works, phones read `GET /v1/devices/me/logins`',
  )
  @IsOptional()
  @IsString()
  @MinLength(2)
  FIREBASE_SERVICE_ACCOUNT_JSON?: string;

  // --- Sandbox
  @Setting('`0`', 'port of the built-in sandbox (`0`: a free port)')
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  SANDBOX_PORT?: number;

  @Setting(
    '`127.0.0.1`',
    'interface the sandbox listens on (built in, or `npm run sandbox`); loopback unless asked, since `/sandbox/credentials` hands out its secrets (`docker-compose.override.yml`, the demo, sets `0.0.0.0` inside the container)',
  )
  @IsOptional()
  @IsString()
  @MinLength(1)
  SANDBOX_HOST?: string;

  @Setting('`http://localhost:$SANDBOX_PORT`', 'how devices reach the sandbox')
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  SANDBOX_PUBLIC_URL?: string;

  /** Where the standalone sandbox sends tru.ID's challenge callbacks (server to server). */
  @Setting(
    '`$PUBLIC_URL/v1/callbacks/truid/challenges`',
    "standalone sandbox (`npm run sandbox`) only: where it sends tru.ID's challenge callbacks, server to server (the `sandbox` service of `docker-compose.override.yml` sets `http://api:3000/…`, since `localhost` there is the sandbox's own container)",
  )
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  SANDBOX_CALLBACK_URL?: string;

  @Setting(
    '`false`',
    'the sandbox serves every provider even though credentials are set (they are not used; a warning says so). Production mode refuses to start with it',
  )
  @IsOptional()
  @IsBooleanString()
  SANDBOX_FORCE?: string;

  /** A sandbox already running (`npm run sandbox`), shared by api processes, instead of a built-in one. */
  @Setting(
    '*(unset: built in)*',
    'the sandbox running there (`npm run sandbox`) serves every provider, push included, instead of one started in the api: replicas then share one sandbox. Counts as a sandbox: production mode refuses to start with it',
  )
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  SANDBOX_URL?: string;

  // --- Sign-in page (/login)
  @Setting(
    "*(unset: the browser's region)*",
    "the region (ISO 3166 alpha-2, e.g. `GB`) whose national format the sign-in page accepts and formats as the person types (`07700 900001`); unset, the page uses the browser's region. The API itself keeps E.164. A code no numbering plan knows stops the start",
  )
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, {
    message: 'DEFAULT_REGION must be an ISO 3166 alpha-2 code in capitals, e.g. GB',
  })
  DEFAULT_REGION?: string;

  @Setting(
    '`simauth`',
    'the name the sign-in page shows in its title and header (at most 60 characters)',
  )
  @IsOptional()
  @IsString()
  @MaxLength(60)
  BRAND_NAME?: string;

  @Setting(
    '`#3559e0`',
    "the sign-in page's accent (`#rrggbb`): its buttons and logo. It must reach 4.5:1 contrast against the page background (`#f5f7fb`) and the buttons' white text, or the process refuses to start",
  )
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'BRAND_COLOR must be a colour written #rrggbb' })
  BRAND_COLOR?: string;

  @Setting('*(unset: no link)*', "where the sign-in page's Help link goes (`https://…`)")
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  BRAND_SUPPORT_URL?: string;

  @Setting('*(unset: no link)*', "where the sign-in page's Privacy link goes (`https://…`)")
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  BRAND_PRIVACY_URL?: string;

  @Setting(
    '*(unset: the initial of `BRAND_NAME`)*',
    "the sign-in page's logo: an `https://` URL of a PNG, JPEG, WebP or GIF image of at most 256 KB (SVG is refused). simauth fetches it itself, checks it, keeps it in Postgres and serves it from its own origin (`/assets/logos/<sha256>.<ext>`): the page makes no request elsewhere. An `http://` or malformed URL stops the start; a logo that cannot be fetched leaves the page with the name only. See [the sign-in page](../guide/web-apps.md#the-sign-in-page)",
  )
  @IsOptional()
  @IsString()
  BRAND_LOGO_URL?: string;

  @Setting(
    '`false`',
    "fetch logos (`BRAND_LOGO_URL`, a client's `logo_uri`) from loopback, link-local or private addresses too (a logo on your internal network); refused by default, against server-side request forgery. A private CA for such a host goes in Node's `NODE_EXTRA_CA_CERTS`",
  )
  @IsOptional()
  @IsIn(['true', 'false'])
  LOGO_ALLOW_PRIVATE_URLS?: string;

  @Setting(
    '*(unset)*',
    "development and tests only: a PEM file of CA certificates trusted, besides the system's, when fetching logos (a test's self-signed logo server). Production mode refuses to start with it; there a private CA goes in `NODE_EXTRA_CA_CERTS`",
  )
  @IsOptional()
  @IsString()
  LOGO_CA_FILE?: string;
}
