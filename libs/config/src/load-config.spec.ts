import { ConfigurationError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('starts with no variables at all: embedded database, sandbox providers, port 3000', () => {
    const config = loadConfig({});
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
