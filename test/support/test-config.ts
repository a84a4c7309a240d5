import { AppConfig, loadConfig } from '@simauth/config';

/** Configuration for an app under test: the run's database, quiet logs, no background sweep. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_POOL_SIZE: '5',
    // Tests call sweep() themselves; the timer would race them.
    ATTEMPT_SWEEP_INTERVAL_MS: '3600000',
    // Every test request comes from 127.0.0.1; the rate-limit tests set their own limits.
    RATE_LIMIT_IP: '100000/60',
    RATE_LIMIT_PHONE: '1000/600',
    RATE_LIMIT_ATTEMPT: '1000/600',
    RATE_LIMIT_CLIENT: '100000/60',
    ...env,
  });
}
