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
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Every environment variable simauth reads, with its rule. The README's configuration table and
 * `.env.example` list the same names; a test keeps the three in step.
 */
export class EnvironmentVariables {
  // --- Mode
  /**
   * `production` refuses to start half-configured; `development` lets a developer try real
   * providers with warnings instead. Unset: production as soon as any provider credential is set.
   */
  @IsOptional()
  // `test` (what test runners set) is accepted and counts as unset: only `development` turns the
  // refusals into warnings.
  @IsIn(['production', 'development', 'test'])
  NODE_ENV?: string;

  // --- HTTP
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Production mode only: accept an http PUBLIC_URL (a local trial, never a real deployment). */
  @IsOptional()
  @IsIn(['true', 'false'])
  ALLOW_INSECURE_PUBLIC_URL?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  // --- Database
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  /** Production mode only: accept the embedded Postgres (no DATABASE_URL) on a single machine. */
  @IsOptional()
  @IsIn(['true', 'false'])
  ALLOW_EMBEDDED_DATABASE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  // --- Attempts
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ATTEMPT_SWEEP_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  REGISTRATION_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  LOGIN_TTL_SECONDS?: number;

  // --- Webhooks
  @IsOptional()
  @IsString()
  WEBHOOKS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS?: number;

  /** Lets endpoints registered through the admin API point at loopback, link-local or private addresses. */
  @IsOptional()
  @IsBooleanString()
  WEBHOOK_ALLOW_PRIVATE_URLS?: string;

  // --- Audit trail
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36500)
  AUDIT_RETENTION_DAYS?: number;

  // --- SIM-swap protection
  @IsOptional()
  @IsIn(['deny', 'step_up', 'off'])
  SIM_SWAP_POLICY?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2400)
  SIM_SWAP_MAX_AGE_HOURS?: number;

  @IsOptional()
  @IsIn(['closed', 'open'])
  SIM_SWAP_ON_PROVIDER_ERROR?: string;

  @IsOptional()
  @IsIn(['truid', 'vonage'])
  SIM_SWAP_PROVIDER?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  NUMBER_VERIFICATION_TTL_SECONDS?: number;

  // --- Sign-in tokens and live status
  @IsOptional()
  @Matches(/-----BEGIN (EC )?PRIVATE KEY-----/, {
    message: 'must be a PEM EC P-256 private key (use \\n for line breaks)',
  })
  JWT_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  JWT_AUDIENCE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ID_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  SSE_HEARTBEAT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SSE_MAX_STREAMS_PER_LOGIN?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SSE_MAX_STREAMS_PER_IP?: number;

  // --- OpenID Provider
  @IsOptional()
  @IsString()
  OIDC_CLIENTS?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENTS_FILE?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  OIDC_ALLOW_PRIVATE_CALLBACKS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  OIDC_ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(31_536_000)
  OIDC_REFRESH_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(2_592_000)
  OIDC_SESSION_TTL_SECONDS?: number;

  // --- Authenticator factors
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
  })
  TOTP_ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTHENTICATOR_ISSUER?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  FACTOR_MAX_FAILED_CODES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  FACTOR_LOCK_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  CHALLENGE_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  FACTOR_ACTIVATION_TTL_SECONDS?: number;

  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----/, {
    message: 'must be a PEM public key (use \\n for line breaks)',
  })
  TRUID_CALLBACK_PUBLIC_KEY?: string;

  // --- Rate limits ("<count>/<seconds>")
  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 5/600' })
  RATE_LIMIT_PHONE?: string;

  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 60/60' })
  RATE_LIMIT_IP?: string;

  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 10/600' })
  RATE_LIMIT_ATTEMPT?: string;

  @IsOptional()
  @Matches(/^\d+\/\d+$/, { message: 'must be <count>/<seconds>, e.g. 6000/60' })
  RATE_LIMIT_CLIENT?: string;

  // --- HTTP hardening
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  // --- Providers
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  PROVIDER_TIMEOUT_MS?: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  TRUID_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  TRUID_CLIENT_SECRET?: string;

  // A data residency (eu, in, us) or the whole base URL.
  @IsOptional()
  @ValidateIf((_, value) => !['eu', 'in', 'us'].includes(value as string))
  @IsUrl(URL_OPTIONS, { message: 'must be eu, in, us or an http(s) URL' })
  TRUID_BASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  VONAGE_APPLICATION_ID?: string;

  @IsOptional()
  @IsString()
  @Matches(/-----BEGIN (RSA )?PRIVATE KEY-----/, {
    message: 'must be a PEM private key (use \\n for line breaks)',
  })
  VONAGE_PRIVATE_KEY?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  VONAGE_BASE_URL?: string;

  /** Vonage Verify v2's host (the SMS fallback). */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  VONAGE_VERIFY_BASE_URL?: string;

  @IsOptional()
  @IsIn(['none', 'sms'])
  REGISTRATION_FALLBACK?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  VONAGE_REDIRECT_URI?: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  FIREBASE_SERVICE_ACCOUNT_JSON?: string;

  // --- Sandbox
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  SANDBOX_PORT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  SANDBOX_HOST?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  SANDBOX_PUBLIC_URL?: string;

  /** Where the standalone sandbox sends tru.ID's challenge callbacks (server to server). */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  SANDBOX_CALLBACK_URL?: string;

  @IsOptional()
  @IsBooleanString()
  SANDBOX_FORCE?: string;

  /** A sandbox already running (`npm run sandbox`), shared by api processes, instead of a built-in one. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  SANDBOX_URL?: string;
}
