import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('starts with no variables at all: embedded database, sandbox providers, port 3000', () => {
    const config = loadConfig({});
    // The sandbox hands out its credentials: it listens on loopback unless asked.
    expect(config.sandbox.host).toBe('127.0.0.1');
    expect(loadConfig({ SANDBOX_HOST: '0.0.0.0' }).sandbox.host).toBe('0.0.0.0');
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.providers.truId).toBeUndefined();
    expect(config.http.publicUrl).toBe('http://localhost:3000');
  });

  it('names every bad variable, one problem each, without echoing values', () => {
    let error: ConfigurationError | undefined;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://secret@db',
        LOG_LEVEL: 'loud',
        TRUID_CLIENT_ID: 'abc',
      });
    } catch (e) {
      error = e as ConfigurationError;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const names = error!.problems.map((p) => p.split(' ')[0]).sort();
    expect(names).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TRUID_CLIENT_SECRET']);
    expect(error!.message).not.toContain('secret@db');
  });

  it('says one rule per bad variable, the one that fits the value, without repeating its name', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigurationError).problems;
      }
    };
    expect(problems({ PORT: 'abc' })).toEqual(['PORT must be an integer number']);
    expect(problems({ PORT: '70000' })).toEqual(['PORT must not be greater than 65535']);
    expect(problems({ TRUST_PROXY: 'maybe' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must be true, false, a hop count, or addresses/),
    ]);
    for (const ok of ['true', 'false', '2', 'loopback', 'loopback, 10.0.0.0/8', '::1', 'fd00::/8'])
      expect(problems({ TRUST_PROXY: ok })).toEqual([]);
    expect(problems({ CORS_ORIGINS: 'notaurl' })).toEqual([
      'CORS_ORIGINS must be comma-separated origins, scheme and host only (https://app.example)',
    ]);
    expect(problems({ CORS_ORIGINS: 'https://app.example/login' })).toHaveLength(1);
    expect(problems({ CORS_ORIGINS: 'https://app.example, http://localhost:5173' })).toEqual([]);
  });

  it('reads WEBHOOKS, and names each bad entry in one line without echoing its secret', () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const ok = loadConfig({
      WEBHOOKS: JSON.stringify([
        { url: 'https://fraud.example/hooks', secret, events: ['login.*'] },
      ]),
    });
    expect(ok.webhooks.endpoints).toEqual([
      { url: 'https://fraud.example/hooks', secret, events: ['login.*'] },
    ]);
    let error: ConfigurationError | undefined;
    try {
      loadConfig({
        WEBHOOKS: JSON.stringify([
          { url: 'ftp://x', secret, events: ['login.*'] },
          { url: 'https://a.example/', secret: 'not-a-key', events: ['login.*'] },
          { url: 'https://b.example/', secret, events: ['login.nothing'] },
        ]),
      });
    } catch (err) {
      error = err as ConfigurationError;
    }
    expect(error!.problems).toEqual([
      'WEBHOOKS[0].url must be an http(s) URL',
      expect.stringMatching(/^WEBHOOKS\[1\]\.secret must be a Standard Webhooks key/),
      expect.stringMatching(
        /^WEBHOOKS\[2\]\.events must list event types.*unknown: "login.nothing"/,
      ),
    ]);
    expect(error!.problems.join(' ')).not.toContain('not-a-key');
  });

  it('is in production mode when NODE_ENV says so, or once a real provider credential is set without development', () => {
    expect(loadConfig({}).mode).toBe('development');
    expect(loadConfig({ NODE_ENV: 'production' }).mode).toBe('production');
    const truId = { TRUID_CLIENT_ID: 'id', TRUID_CLIENT_SECRET: 's3cret' };
    expect(loadConfig(truId).mode).toBe('production');
    expect(loadConfig({ ...truId, NODE_ENV: 'development' }).mode).toBe('development');
    // What test runners set is no way out of production mode.
    expect(loadConfig({ ...truId, NODE_ENV: 'test' }).mode).toBe('production');
    expect(loadConfig({ FIREBASE_SERVICE_ACCOUNT_JSON: '{}' }).mode).toBe('production');
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('switches tru.ID to real credentials when both are set', () => {
    const config = loadConfig({ TRUID_CLIENT_ID: 'id', TRUID_CLIENT_SECRET: 's3cret' });
    expect(config.providers.truId).toEqual({
      baseUrl: 'https://eu.api.tru.id',
      clientId: 'id',
      clientSecret: 's3cret',
    });
  });

  it('reads the URL of a shared sandbox, and refuses one that is not a URL', () => {
    expect(loadConfig({ SANDBOX_URL: 'http://sandbox:4010/' }).sandbox.sharedUrl).toBe(
      'http://sandbox:4010',
    );
    expect(loadConfig({}).sandbox.sharedUrl).toBeUndefined();
    expect(() => loadConfig({ SANDBOX_URL: 'sandbox:4010' })).toThrow(/SANDBOX_URL/);
  });

  it('reads DEFAULT_REGION, and refuses to start on a code that is no region with a numbering plan', () => {
    expect(loadConfig({ DEFAULT_REGION: 'GB' }).pages.defaultRegion).toBe('GB');
    expect(loadConfig({}).pages.defaultRegion).toBeUndefined();
    expect(() => loadConfig({ DEFAULT_REGION: 'gb' })).toThrow(/DEFAULT_REGION must be an ISO/);
    expect(() => loadConfig({ DEFAULT_REGION: 'UK' })).toThrow(
      /DEFAULT_REGION UK is no region with a numbering plan/,
    );
  });

  it('refuses to start on a BRAND_COLOR short of 4.5:1 against the page background or the white button text, saying the ratio', () => {
    expect(loadConfig({ BRAND_COLOR: '#1A5F3C' }).pages.brand).toEqual({
      name: 'simauth',
      color: '#1a5f3c',
      supportUrl: undefined,
      privacyUrl: undefined,
    });
    expect(() => loadConfig({ BRAND_COLOR: '#ffcc00' })).toThrow(
      /BRAND_COLOR #ffcc00 has a contrast of 1\.\d\d:1 against the page background; .*BRAND_COLOR #ffcc00 has a contrast of 1\.\d\d:1 against the buttons' white text/s,
    );
    expect(() => loadConfig({ BRAND_COLOR: 'green' })).toThrow(/BRAND_COLOR must be a colour/);
  });

  it('notes at start whether provider calls go through an outbound proxy', () => {
    expect(loadConfig({ HTTPS_PROXY: 'http://egress:3128' }).providers.outboundProxy).toBe(true);
    expect(loadConfig({ http_proxy: 'http://egress:3128' }).providers.outboundProxy).toBe(true);
    expect(loadConfig({ NO_PROXY: '*' }).providers.outboundProxy).toBe(false);
  });

  it('reads the trusted proxy setting as proxy-addr (Fastify trustProxy) expects it', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).http.trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({}).http.trustProxy).toBe(false);
  });
});

describe('loadConfig: SIM-proof providers', () => {
  it('reads SIM_PROOF_PROVIDERS in its order (default tru.ID alone), and refuses other names', () => {
    expect(loadConfig({}).providers.simProof).toEqual(['truid']);
    expect(loadConfig({ SIM_PROOF_PROVIDERS: ' vonage, truid' }).providers.simProof).toEqual([
      'vonage',
      'truid',
    ]);
    expect(() => loadConfig({ SIM_PROOF_PROVIDERS: 'truid,sms' })).toThrow(/SIM_PROOF_PROVIDERS/);
    expect(loadConfig({ SIM_PROOF_PROVIDERS: 'truid,vonage,twilio' }).providers.simProof).toEqual([
      'truid',
      'vonage',
      'twilio',
    ]);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}` })).toThrow(
      /TWILIO_AUTH_TOKEN must be set together/,
    );
  });

  it("leases a step for the whole failover chain: the SIM-swap providers' calls, each SIM-proof provider's, then the SMS fallback's", () => {
    const lease = (env: Record<string, string>) =>
      loadConfig({ PROVIDER_TIMEOUT_MS: '2000', ...env }).attempts.stepLeaseSeconds;
    const noSwap = { SIM_SWAP_POLICY: 'off' };
    expect(lease(noSwap)).toBe(6);
    expect(lease({ ...noSwap, SIM_PROOF_PROVIDERS: 'truid,vonage' })).toBe(10);
    expect(
      lease({ ...noSwap, SIM_PROOF_PROVIDERS: 'truid,vonage', REGISTRATION_FALLBACK: 'sms' }),
    ).toBe(12);
    // SIMCheck: a token and the check; Vonage SIM Swap: the backend authorization, its token, the check.
    expect(lease({})).toBe(10);
    expect(lease({ SIM_SWAP_PROVIDERS: 'truid,vonage' })).toBe(16);
    expect(lease({ SIM_SWAP_PROVIDER: 'vonage' })).toBe(12);
    // Twilio Lookup: one call.
    expect(lease({ SIM_SWAP_PROVIDERS: 'truid,vonage,twilio' })).toBe(18);
  });
});

describe('loadConfig: SIM-swap providers', () => {
  const vonage = {
    VONAGE_APPLICATION_ID: 'app',
    VONAGE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----',
  };
  const truId = { TRUID_CLIENT_ID: 'id', TRUID_CLIENT_SECRET: 'secret' };
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      return (e as ConfigurationError).problems;
    }
  };

  it('defaults as SIM_SWAP_PROVIDER did: tru.ID when it is configured or Vonage is not, else Vonage', () => {
    expect(loadConfig({}).simSwap.providers).toEqual(['truid']);
    expect(loadConfig({ ...truId, ...vonage }).simSwap.providers).toEqual(['truid']);
    expect(loadConfig(vonage).simSwap.providers).toEqual(['vonage']);
  });

  it('reads SIM_SWAP_PROVIDERS in its order, and refuses other names', () => {
    expect(loadConfig({ SIM_SWAP_PROVIDERS: ' vonage , truid' }).simSwap.providers).toEqual([
      'vonage',
      'truid',
    ]);
    expect(loadConfig({ SIM_SWAP_PROVIDERS: 'truid,vonage,twilio' }).simSwap.providers).toEqual([
      'truid',
      'vonage',
      'twilio',
    ]);
    expect(problemsOf({ SIM_SWAP_PROVIDERS: 'truid,sms' })).toEqual([
      'SIM_SWAP_PROVIDERS must be a comma-separated list of truid, vonage, twilio (each at most once)',
    ]);
  });

  it('takes SIM_SWAP_PROVIDER as the one-provider form of SIM_SWAP_PROVIDERS, and refuses both set apart, naming both', () => {
    expect(loadConfig({ ...truId, SIM_SWAP_PROVIDER: 'vonage' }).simSwap.providers).toEqual([
      'vonage',
    ]);
    expect(
      loadConfig({ SIM_SWAP_PROVIDER: 'vonage', SIM_SWAP_PROVIDERS: 'vonage' }).simSwap.providers,
    ).toEqual(['vonage']);
    expect(problemsOf({ SIM_SWAP_PROVIDER: 'truid', SIM_SWAP_PROVIDERS: 'truid,vonage' })).toEqual([
      'SIM_SWAP_PROVIDER=truid and SIM_SWAP_PROVIDERS=truid,vonage disagree: SIM_SWAP_PROVIDER is the former name of SIM_SWAP_PROVIDERS, set only SIM_SWAP_PROVIDERS',
    ]);
  });
});

describe('loadConfig: tru.ID data residency', () => {
  const creds = { TRUID_CLIENT_ID: 'id', TRUID_CLIENT_SECRET: 'secret' };
  it.each([
    ['eu', 'https://eu.api.tru.id'],
    ['in', 'https://in.api.tru.id'],
    ['us', 'https://us.api.tru.id'],
    ['https://proxy.example/truid/', 'https://proxy.example/truid'],
  ])('takes TRUID_BASE_URL=%s as %s', (value, url) => {
    expect(loadConfig({ ...creds, TRUID_BASE_URL: value }).providers.truId!.baseUrl).toBe(url);
  });

  it('defaults to eu and refuses anything else, naming the choices', () => {
    expect(loadConfig(creds).providers.truId!.baseUrl).toBe('https://eu.api.tru.id');
    expect(() => loadConfig({ ...creds, TRUID_BASE_URL: 'uk' })).toThrow(
      'TRUID_BASE_URL must be eu, in, us or an http(s) URL',
    );
  });
});

describe('loadConfig: OpenID Provider clients', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      return (e as ConfigurationError).problems;
    }
  };

  it('reads OIDC_CLIENTS, or the same JSON from OIDC_CLIENTS_FILE', () => {
    const clients = [{ client_id: 'a', redirect_uris: ['https://a.example/cb'] }];
    expect(loadConfig({ OIDC_CLIENTS: JSON.stringify(clients) }).oidc.clients).toEqual(clients);
    const dir = mkdtempSync(join(tmpdir(), 'simauth-clients-'));
    const file = join(dir, 'clients.json');
    writeFileSync(file, JSON.stringify(clients));
    try {
      expect(loadConfig({ OIDC_CLIENTS_FILE: file }).oidc.clients).toEqual(clients);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(loadConfig({}).oidc.clients).toEqual([]);
  });

  it('names what is wrong with the clients, one line each, without echoing secrets', () => {
    expect(problemsOf({ OIDC_CLIENTS: '{"client_id":"x","client_secret":"s3cret"' })).toEqual([
      'OIDC_CLIENTS must be a JSON array of client metadata objects (it is not JSON)',
    ]);
    expect(problemsOf({ OIDC_CLIENTS: '{"client_id":"x"}' })).toEqual([
      'OIDC_CLIENTS must be a JSON array of client metadata objects',
    ]);
    expect(
      problemsOf({
        OIDC_CLIENTS: JSON.stringify([
          { client_id: 'a' },
          { client_secret: 's3cret' },
          7,
          { client_id: 'a' },
        ]),
      }),
    ).toEqual([
      'OIDC_CLIENTS[1] needs a client_id',
      'OIDC_CLIENTS[2] must be an object of client metadata',
      'OIDC_CLIENTS: client_id "a" is listed twice',
    ]);
    expect(problemsOf({ OIDC_CLIENTS_FILE: '/nonexistent/clients.json' })).toEqual([
      'OIDC_CLIENTS_FILE cannot be read (ENOENT)',
    ]);
    expect(problemsOf({ OIDC_CLIENTS: '[]', OIDC_CLIENTS_FILE: '/x' })).toEqual([
      'OIDC_CLIENTS and OIDC_CLIENTS_FILE cannot both be set',
    ]);
  });
});

describe('loadConfig: logos', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      return (e as ConfigurationError).problems;
    }
  };
  const client = (logo_uri: unknown) => ({ client_id: 'shop', redirect_uris: [], logo_uri });

  it('reads BRAND_LOGO_URL and the clients’ logo_uri when they are https URLs', () => {
    const config = loadConfig({
      BRAND_LOGO_URL: 'https://bank.example/logo.png',
      OIDC_CLIENTS: JSON.stringify([client('https://shop.example/logo.webp')]),
    });
    expect(config.pages.brand.logoUrl).toBe('https://bank.example/logo.png');
    expect(config.oidc.clients[0].logo_uri).toBe('https://shop.example/logo.webp');
    expect(config.pages.logos).toEqual({ allowPrivateUrls: false, extraCa: undefined });
  });

  it('refuses to start on an http or malformed logo URL, or one with a password, naming the fix and not the value', () => {
    expect(problemsOf({ BRAND_LOGO_URL: 'http://bank.example/logo.png' })).toEqual([
      'BRAND_LOGO_URL must be an https URL (https://bank.example/logo.png), not http',
    ]);
    expect(problemsOf({ BRAND_LOGO_URL: 'bank.example/logo.png' })).toEqual([
      'BRAND_LOGO_URL is not a URL: write it whole, e.g. https://bank.example/logo.png',
    ]);
    expect(problemsOf({ BRAND_LOGO_URL: 'https://me:s3cret@bank.example/logo.png' })).toEqual([
      'BRAND_LOGO_URL must not carry a user name or password: serve the logo publicly',
    ]);
    expect(
      problemsOf({
        OIDC_CLIENTS: JSON.stringify([
          client('http://shop.example/logo.png'),
          { ...client(42), client_id: 'till' },
        ]),
      }),
    ).toEqual([
      'OIDC_CLIENTS[0] ("shop"): logo_uri must be an https URL (https://bank.example/logo.png), not http',
      'OIDC_CLIENTS[1] ("till"): logo_uri must be an https URL written as a string',
    ]);
  });

  it('reads LOGO_CA_FILE’s certificates, and refuses a file that cannot be read or holds none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simauth-logo-ca-'));
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    writeFileSync(join(dir, 'ca.pem'), pem);
    writeFileSync(join(dir, 'empty.pem'), 'nothing');
    try {
      const config = loadConfig({
        LOGO_CA_FILE: join(dir, 'ca.pem'),
        LOGO_ALLOW_PRIVATE_URLS: 'true',
      });
      expect(config.pages.logos).toEqual({ allowPrivateUrls: true, extraCa: pem });
      expect(problemsOf({ LOGO_CA_FILE: join(dir, 'empty.pem') })).toEqual([
        'LOGO_CA_FILE holds no PEM certificate (-----BEGIN CERTIFICATE-----)',
      ]);
      expect(problemsOf({ LOGO_CA_FILE: join(dir, 'missing.pem') })).toEqual([
        'LOGO_CA_FILE cannot be read (ENOENT)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
