import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@simauth/config';
import { refusalLine, sandboxPlan, startupChecks } from './startup-checks';

const TRUID = { TRUID_CLIENT_ID: 'id', TRUID_CLIENT_SECRET: 'secret' };
const VONAGE = {
  VONAGE_APPLICATION_ID: 'app',
  VONAGE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----',
};
/** A production deployment that passes every check. */
const GOOD = {
  ...TRUID,
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://auth.bank.example',
  DATABASE_URL: 'postgres://simauth@db/simauth',
  TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};
const checks = (env: Record<string, string>) => startupChecks(loadConfig(env));

describe('when the sandbox serves', () => {
  it('serves the two-command demo: no credentials, not production', () => {
    expect(sandboxPlan(loadConfig({}))).toBe('built-in');
    expect(checks({})).toEqual({ refusals: [], warnings: [] });
  });

  it('does not serve beside real credentials, not even for the providers that have none', () => {
    expect(sandboxPlan(loadConfig({ ...TRUID, NODE_ENV: 'development' }))).toBe('off');
    expect(sandboxPlan(loadConfig(TRUID))).toBe('off');
  });

  it('does not serve in production without credentials', () => {
    expect(sandboxPlan(loadConfig({ NODE_ENV: 'production' }))).toBe('off');
  });

  it('serves when forced, or from SANDBOX_URL, outside production', () => {
    expect(
      sandboxPlan(loadConfig({ ...TRUID, NODE_ENV: 'development', SANDBOX_FORCE: 'true' })),
    ).toBe('built-in');
    expect(sandboxPlan(loadConfig({ SANDBOX_URL: 'http://sandbox:4010' }))).toBe('shared');
  });
});

describe('production mode', () => {
  it('starts a complete deployment without a word', () => {
    expect(checks(GOOD)).toEqual({ refusals: [], warnings: [] });
  });

  it.each([
    [{ SANDBOX_FORCE: 'true' }, 'SANDBOX_FORCE=true starts the provider sandbox'],
    [{ SANDBOX_URL: 'http://sandbox:4010' }, 'SANDBOX_URL points the providers at a sandbox'],
    [{ TOTP_ENCRYPTION_KEY: '' }, 'TOTP_ENCRYPTION_KEY is not set'],
    [{ PUBLIC_URL: 'http://auth.bank.example' }, 'PUBLIC_URL is not https'],
    [{ DATABASE_URL: '' }, 'DATABASE_URL is not set: the embedded Postgres is for trials'],
    [
      { OIDC_CLIENTS: JSON.stringify([{ client_id: 'simauth-demo', redirect_uris: [] }]) },
      'OIDC_CLIENTS lists the sandbox demo client "simauth-demo"',
    ],
    [
      {
        OIDC_CLIENTS: JSON.stringify([
          { client_id: 'till', client_secret: 'simauth-demo-ciba-secret-for-the-sandbox-only' },
        ]),
      },
      'OIDC_CLIENTS lists the sandbox demo client "till"',
    ],
  ])('refuses %j', (env, problem) => {
    const { refusals } = checks({ ...GOOD, ...env });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain(problem);
  });

  it('refuses NODE_ENV=production with no provider credentials at all', () => {
    const { refusals } = checks({ ...GOOD, TRUID_CLIENT_ID: '', TRUID_CLIENT_SECRET: '' });
    expect(refusals).toContainEqual(expect.stringContaining('no provider has credentials'));
  });

  it('is production as soon as a credential is set without NODE_ENV=development', () => {
    const { refusals } = checks({ ...TRUID, SIM_SWAP_POLICY: 'off' });
    expect(refusals.map((r) => r.split(' ')[0])).toEqual([
      'TOTP_ENCRYPTION_KEY',
      'PUBLIC_URL',
      'DATABASE_URL',
    ]);
  });

  it('accepts an http PUBLIC_URL and the embedded Postgres only when told to', () => {
    expect(
      checks({
        ...GOOD,
        PUBLIC_URL: 'http://localhost:3000',
        DATABASE_URL: '',
        ALLOW_INSECURE_PUBLIC_URL: 'true',
        ALLOW_EMBEDDED_DATABASE: 'true',
      }).refusals,
    ).toEqual([]);
  });

  it('warns on settings that weaken it', () => {
    const { refusals, warnings } = checks({
      ...GOOD,
      LOG_LEVEL: 'debug',
      SIM_SWAP_POLICY: 'off',
      SIM_SWAP_ON_PROVIDER_ERROR: 'open',
      OIDC_ALLOW_PRIVATE_CALLBACKS: 'true',
      LOGO_ALLOW_PRIVATE_URLS: 'true',
    });
    expect(refusals).toEqual([]);
    expect(warnings.map((w) => w.split(/[= ]/)[0])).toEqual([
      'LOG_LEVEL',
      'SIM_SWAP_POLICY',
      'SIM_SWAP_ON_PROVIDER_ERROR',
      'OIDC_ALLOW_PRIVATE_CALLBACKS',
      'LOGO_ALLOW_PRIVATE_URLS',
    ]);
  });

  it("refuses LOGO_CA_FILE, the tests' trust of their own logo server, which development takes", () => {
    const dir = mkdtempSync(join(tmpdir(), 'simauth-logo-ca-'));
    const file = join(dir, 'ca.pem');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    try {
      expect(checks({ ...GOOD, LOGO_CA_FILE: file }).refusals).toEqual([
        "LOGO_CA_FILE is for development and tests (a private CA goes in Node's NODE_EXTRA_CA_CERTS)",
      ]);
      expect(checks({ LOGO_CA_FILE: file })).toEqual({ refusals: [], warnings: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says every problem on one line, with how production mode came about', () => {
    const config = loadConfig({ ...GOOD, TOTP_ENCRYPTION_KEY: '', SANDBOX_FORCE: 'true' });
    const line = refusalLine(config, startupChecks(config).refusals);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^refusing to start in production mode \(NODE_ENV=production.*\): /);
    expect(line).toContain('SANDBOX_FORCE=true starts the provider sandbox; TOTP_ENCRYPTION_KEY');
  });
});

describe('development mode with real credentials', () => {
  it('warns where production refuses', () => {
    const { refusals, warnings } = checks({
      ...TRUID,
      NODE_ENV: 'development',
      SIM_SWAP_POLICY: 'off',
    });
    expect(refusals).toEqual([]);
    expect(warnings.map((w) => w.split(' ')[0])).toEqual([
      'TOTP_ENCRYPTION_KEY',
      'PUBLIC_URL',
      'DATABASE_URL',
      'SIM_SWAP_POLICY=off:',
    ]);
  });

  it('says that a forced sandbox leaves the credentials unused', () => {
    const { refusals, warnings } = checks({
      ...TRUID,
      NODE_ENV: 'development',
      SANDBOX_FORCE: 'true',
    });
    expect(refusals).toEqual([]);
    expect(warnings[0]).toBe(
      'the provider sandbox serves every provider: the credentials that are set are not used',
    );
  });
});

describe('settings that need a provider without credentials', () => {
  it('refuses the default SIM_SWAP_POLICY=deny without a SIM-swap provider, naming both fixes', () => {
    const { refusals } = checks({
      FIREBASE_SERVICE_ACCOUNT_JSON: '{"project_id":"p"}',
      NODE_ENV: 'development',
    });
    expect(refusals).toEqual([
      'SIM_SWAP_POLICY=deny needs a SIM-swap provider (SIM_SWAP_PROVIDERS=truid): set TRUID_CLIENT_ID and TRUID_CLIENT_SECRET (tru.ID), or SIM_SWAP_POLICY=off to run without SIM-swap protection',
    ]);
  });

  it('refuses SIM_SWAP_PROVIDER=vonage without Vonage credentials', () => {
    const { refusals } = checks({ ...TRUID, NODE_ENV: 'development', SIM_SWAP_PROVIDER: 'vonage' });
    expect(refusals).toEqual([
      expect.stringContaining('set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY (Vonage)'),
    ]);
  });

  it('refuses a SIM_SWAP_PROVIDERS entry without its credentials, naming both fixes', () => {
    const { refusals } = checks({
      ...TRUID,
      NODE_ENV: 'development',
      SIM_SWAP_PROVIDERS: 'truid,vonage',
    });
    expect(refusals).toEqual([
      'SIM_SWAP_PROVIDERS lists vonage: set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY (Vonage), or leave vonage out of SIM_SWAP_PROVIDERS (SIM_SWAP_POLICY=off runs without SIM-swap protection)',
    ]);
    expect(
      checks({ ...TRUID, ...VONAGE, NODE_ENV: 'development', SIM_SWAP_PROVIDERS: 'vonage,truid' })
        .refusals,
    ).toEqual([]);
    // With SIM_SWAP_POLICY=off no SIM-swap provider is asked, so none needs credentials.
    expect(
      checks({
        ...TRUID,
        NODE_ENV: 'development',
        SIM_SWAP_PROVIDERS: 'truid,vonage',
        SIM_SWAP_POLICY: 'off',
      }).refusals,
    ).toEqual([]);
  });

  it('refuses twilio in SIM_SWAP_PROVIDERS without its credentials', () => {
    const { refusals } = checks({
      ...TRUID,
      NODE_ENV: 'development',
      SIM_SWAP_PROVIDERS: 'truid,twilio',
    });
    expect(refusals).toEqual([
      'SIM_SWAP_PROVIDERS lists twilio: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_VERIFY_SERVICE_SID (Twilio), or leave twilio out of SIM_SWAP_PROVIDERS (SIM_SWAP_POLICY=off runs without SIM-swap protection)',
    ]);
  });

  it('takes the SIM-swap check from whichever of tru.ID and Vonage is configured', () => {
    expect(checks({ ...VONAGE, NODE_ENV: 'development' }).refusals).toEqual([]);
    expect(checks({ ...TRUID, NODE_ENV: 'development' }).refusals).toEqual([]);
  });

  it('refuses a SIM_PROOF_PROVIDERS entry without its credentials, naming both fixes', () => {
    const { refusals } = checks({
      ...TRUID,
      NODE_ENV: 'development',
      SIM_PROOF_PROVIDERS: 'truid,vonage',
    });
    expect(refusals).toEqual([
      'SIM_PROOF_PROVIDERS lists vonage: set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY (Vonage), or leave vonage out of SIM_PROOF_PROVIDERS',
    ]);
    expect(
      checks({ ...VONAGE, NODE_ENV: 'development', SIM_PROOF_PROVIDERS: 'vonage' }).refusals,
    ).toEqual([]);
  });

  it('refuses twilio in SIM_PROOF_PROVIDERS without its credentials, and takes it with them', () => {
    const { refusals } = checks({
      ...TRUID,
      NODE_ENV: 'development',
      SIM_PROOF_PROVIDERS: 'truid,twilio',
    });
    expect(refusals).toEqual([
      'SIM_PROOF_PROVIDERS lists twilio: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_VERIFY_SERVICE_SID (Twilio), or leave twilio out of SIM_PROOF_PROVIDERS',
    ]);
    expect(
      checks({
        ...TRUID,
        NODE_ENV: 'development',
        SIM_PROOF_PROVIDERS: 'truid,twilio',
        TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'token',
        TWILIO_VERIFY_SERVICE_SID: `VA${'b'.repeat(32)}`,
      }).refusals,
    ).toEqual([]);
  });

  it('refuses REGISTRATION_FALLBACK=sms without Vonage', () => {
    const { refusals } = checks({
      ...TRUID,
      NODE_ENV: 'development',
      REGISTRATION_FALLBACK: 'sms',
    });
    expect(refusals).toEqual([
      'REGISTRATION_FALLBACK=sms needs Vonage: set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY (Vonage), or REGISTRATION_FALLBACK=none',
    ]);
  });

  it('leaves the sandbox alone: it serves every provider', () => {
    expect(checks({ REGISTRATION_FALLBACK: 'sms' }).refusals).toEqual([]);
  });
});
