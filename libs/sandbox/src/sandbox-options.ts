/** How a sandbox instance behaves; `startSandbox` fills in what is not given. */
export interface SandboxOptions {
  /** Absolute URL devices use to reach the sandbox; defaults to http://127.0.0.1:<port>. */
  publicUrl?: string;
  port: number;
  host: string;
  truId: {
    clientId: string;
    clientSecret: string;
    tokenTtlSeconds: number;
    checkTtlSeconds: number;
  };
  vonage: {
    applicationId: string;
    /** PEM public key of the application; the sandbox verifies every application JWT with it. */
    publicKeyPem: string;
    /** Its private key, which the api signs application JWTs with (see SandboxCredentials). */
    privateKeyPem: string;
    /** The application's registered redirect URI (the Vonage dashboard setting). */
    redirectUri: string;
  };
  /** A Twilio account and Verify service; the Verify twin checks Basic auth against them. */
  twilio: { accountSid: string; authToken: string; serviceSid: string };
  fcm: { projectId: string; accessToken: string };
  authenticator: {
    /** Where challenge callbacks go (the project's challenge_callback_url). */
    callbackUrl?: string;
    privateKey: import('node:crypto').KeyObject;
    /** The signature's keyId: the key's `kid` in the sandbox's /.well-known/jwks.json. */
    keyId: string;
    /** PEM of the key that verifies callbacks, for the api's TRUID_CALLBACK_PUBLIC_KEY. */
    publicKeyPem: string;
    /** Every callback key published in the JWKS, the current one last (rotation keeps the old). */
    published: { kid: string; publicKey: import('node:crypto').KeyObject }[];
  };
  /** Delay of the reserved "slow" numbers (last four digits 4080). */
  slowDelayMs: number;
  /** Added to every provider answer, to imitate network latency (0 in tests and benchmarks). */
  latencyMs: number;
}
