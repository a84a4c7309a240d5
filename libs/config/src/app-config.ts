/** One relying party as oidc-provider reads it (`client_id`, `redirect_uris`, …). */
export type OidcClientMetadata = { client_id: string } & Record<string, unknown>;

/** The one typed configuration object, built from the environment and validated at start. */
/** A provider that can prove a SIM (SIM_PROOF_PROVIDERS). */
export type SimProofProviderName = 'truid' | 'vonage' | 'twilio';

/** A provider that can say whether a number's SIM changed recently (SIM_SWAP_PROVIDERS). */
export type SimSwapProviderName = 'truid' | 'vonage' | 'twilio';

export interface AppConfig {
  /**
   * `production`: NODE_ENV=production, or any real provider credential set without
   * NODE_ENV=development. Production refuses to start on a sandbox, a demo client or a
   * setting only a trial may use; development warns instead.
   */
  mode: 'production' | 'development';
  http: {
    port: number;
    host: string;
    /** Base URL that devices and providers use to reach this server (callbacks, redirects). */
    publicUrl: string;
    /** Express `trust proxy` setting: false, true, a hop count, or a list of addresses. */
    trustProxy: boolean | number | string;
    /** ALLOW_INSECURE_PUBLIC_URL: production mode accepts an http PUBLIC_URL (local trials). */
    allowInsecurePublicUrl: boolean;
  };
  logLevel: string;
  database: {
    /** Absent: start the embedded Postgres in `embeddedDir`. */
    url?: string;
    poolSize: number;
    embeddedDir: string;
    embeddedPort: number;
    /** ALLOW_EMBEDDED_DATABASE: production mode accepts the embedded Postgres. */
    allowEmbedded: boolean;
    /** MIGRATE_ON_START: apply pending migrations at start (otherwise only check none is missing). */
    migrateOnStart: boolean;
  };
  attempts: {
    sweepIntervalMs: number;
    registrationTtlSeconds: number;
    loginTtlSeconds: number;
    numberVerificationTtlSeconds: number;
    /**
     * How long a process holds an in-flight step (a login's PhoneCheck create or code exchange)
     * before another replica may take it over: the whole failover chain's provider calls (for
     * each SIM-proof provider an access token and the call, then the SMS fallback's) at their
     * timeout, plus slack; a login's approval asks the SIM-swap providers first, so theirs too.
     * Derived from PROVIDER_TIMEOUT_MS, SIM_PROOF_PROVIDERS, REGISTRATION_FALLBACK,
     * SIM_SWAP_POLICY and SIM_SWAP_PROVIDERS.
     */
    stepLeaseSeconds: number;
  };
  webhooks: {
    endpoints: import('./webhooks').WebhookEndpoint[];
    /** Tries of one delivery before it is dead (kept, and logged). */
    maxAttempts: number;
    /** How long one delivery may take, connection to answer, before it counts as a failed try. */
    timeoutMs: number;
    /**
     * Whether endpoints registered through the admin API may point at loopback, link-local or
     * private addresses (those of WEBHOOKS always may: they are the operator's configuration).
     */
    allowPrivateUrls: boolean;
  };
  audit: {
    /**
     * Days attempts (with their events) and admin actions are kept after they were created; the
     * sweeper deletes older ones. 0 keeps them forever.
     */
    retentionDays: number;
  };
  simSwap: {
    /** What a recent SIM swap does to a login: refuse it, ask for a factor too, or nothing. */
    policy: 'deny' | 'step_up' | 'off';
    /** How recent a swap counts. */
    maxAgeHours: number;
    /** When the check itself fails: refuse for now (closed) or go on without it (open, logged). */
    onProviderError: 'closed' | 'open';
    /**
     * SIM_SWAP_PROVIDERS (or its one-value alias SIM_SWAP_PROVIDER): who may answer, in failover
     * order (default: tru.ID when configured, else Vonage).
     */
    providers: SimSwapProviderName[];
  };
  tokens: {
    /** PEM EC P-256 key for id_tokens; absent: one is generated once and kept in the database. */
    signingKey?: string;
    issuer: string;
    audience: string;
    idTokenTtlSeconds: number;
  };
  oidc: {
    /** Relying parties: oidc-provider client metadata from OIDC_CLIENTS or OIDC_CLIENTS_FILE. */
    clients: OidcClientMetadata[];
    /** Let the provider call relying parties on loopback and private addresses (CIBA pings). */
    allowPrivateCallbacks: boolean;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    sessionTtlSeconds: number;
  };
  sse: {
    heartbeatMs: number;
    /** Open live-status streams per login, per process (a page, a retry, a second tab). */
    maxStreamsPerLogin: number;
    /** Open live-status streams per client address, per process. */
    maxStreamsPerIp: number;
  };
  rateLimits: {
    /** Per phone number, on everything that triggers a provider call or a push. */
    phone: { limit: number; windowSeconds: number };
    /** Per client IP, on every public POST. */
    ip: { limit: number; windowSeconds: number };
    /** Per attempt (registration, login, factor, challenge), on every code or approval sent to it. */
    attempt: { limit: number; windowSeconds: number };
    /**
     * Per authenticated (confidential) client, on the OpenID Provider's token, introspection and
     * revocation endpoints: a relying party's server calls from one address for all its users.
     */
    client: { limit: number; windowSeconds: number };
  };
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
  corsOrigins: string[];
  factors: {
    /** 32 bytes that encrypt TOTP secrets at rest; absent: generated once and kept in the database. */
    encryptionKey?: Buffer;
    issuer: string;
    maxFailedCodes: number;
    lockSeconds: number;
    challengeTtlSeconds: number;
    activationTtlSeconds: number;
  };
  providers: {
    timeoutMs: number;
    /** SIM_PROOF_PROVIDERS: who may prove a SIM, in failover order (default tru.ID alone). */
    simProof: SimProofProviderName[];
    /** Whether HTTP(S)_PROXY / ALL_PROXY were set at start: provider calls then go through it. */
    outboundProxy: boolean;
    truId?: { baseUrl: string; clientId: string; clientSecret: string; callbackPublicKey?: string };
    vonage?: {
      baseUrl: string;
      /** Vonage Verify v2 (api.nexmo.com), for the SMS fallback. */
      verifyBaseUrl: string;
      applicationId: string;
      privateKey: string;
      redirectUri: string;
    };
    /**
     * Where PhoneCheck cannot run for a number: `none` refuses (422), `sms` sends a code by
     * Vonage Verify v2 instead (amr "sms", weaker than "sim").
     */
    fallback: 'none' | 'sms';
    /** Twilio Verify (SNA), when TWILIO_ACCOUNT_SID is set. */
    twilio?: {
      /** Twilio Verify (SNA). */
      baseUrl: string;
      /** Twilio Lookup v2 (SIM swap). */
      lookupBaseUrl: string;
      accountSid: string;
      authToken: string;
      serviceSid: string;
    };
    firebase?: { serviceAccountJson: string };
    /** Set when pushes go to the sandbox's FCM imitation (no Firebase credentials). */
    sandboxPush?: { baseUrl: string; projectId: string; accessToken: string };
  };
  sandbox: {
    /** Port of the built-in sandbox when it is started (0: any free port). */
    port: number;
    /** Interface the sandbox listens on: loopback unless asked (it hands out its secrets). */
    host: string;
    publicUrl?: string;
    /**
     * Where a standalone sandbox sends tru.ID-style challenge callbacks: the api as another
     * server reaches it (in docker-compose, http://api:3000/…), not as a device does.
     */
    callbackUrl?: string;
    /** Start the sandbox even when some provider credentials are set. */
    force: boolean;
    /** Use the sandbox running at this URL instead of starting one in this process. */
    sharedUrl?: string;
    /** URL of the running sandbox, when this process started one. */
    url?: string;
  };
  /** The sign-in page (/login). */
  pages: {
    /** DEFAULT_REGION: the region whose national format the page accepts (unset: the browser's). */
    defaultRegion?: string;
    /** BRAND_*: the operator's name, accent (contrast checked at start) and links on the page. */
    brand: {
      name: string;
      color?: string;
      supportUrl?: string;
      privacyUrl?: string;
      /** BRAND_LOGO_URL (https): fetched by simauth and served from its own origin. */
      logoUrl?: string;
    };
    /** How logos (BRAND_LOGO_URL, the clients' `logo_uri`) are fetched. */
    logos: {
      /** LOGO_ALLOW_PRIVATE_URLS: a logo may be on a loopback or private address. */
      allowPrivateUrls: boolean;
      /** LOGO_CA_FILE's PEM (development and tests only): trusted besides the system's CAs. */
      extraCa?: string;
    };
  };
}
