import { createServer } from 'node:net';
import pino from 'pino';
import { AppConfig, ConfigurationError, loadConfig, loadDotEnv } from '@simauth/config';
import { EmbeddedDatabase, missingMigrations, runMigrations } from '@simauth/database';
import { startSandbox, RunningSandbox } from '@simauth/sandbox';
import { createApiApp } from './create-api-app';
import {
  describeFeaturesOff,
  describeProviders,
  sharedSandboxCredentials,
  withSandboxProviders,
} from './sandbox-mode';
import { refusalLine, sandboxPlan, startupChecks } from './startup-checks';

/** Start-up lines, JSON like every other log line (LOG_LEVEL may itself be the bad setting). */
const bootLog = pino({ base: { context: 'Bootstrap' } });

/** Resolves when nothing listens on host:port; rejects with EADDRINUSE (or EACCES) otherwise. */
function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigurationError)) throw err;
    for (const problem of err.problems) bootLog.fatal(`invalid configuration: ${problem}`);
    process.exit(1);
  }
  const log = pino({ level: config.logLevel, base: { context: 'Bootstrap' } });
  // A half-configured deployment stops here, in one line, before anything starts.
  const verdict = startupChecks(config);
  if (verdict.refusals.length > 0) {
    bootLog.fatal(refusalLine(config, verdict.refusals));
    process.exit(1);
  }
  // A busy port is a bad setting too: said in one line before the database or anything starts.
  try {
    await assertPortFree(config.http.port, config.http.host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    log.fatal(
      code === 'EADDRINUSE'
        ? `invalid configuration: PORT ${config.http.port} is already in use on ${config.http.host} (another simauth? choose another PORT)`
        : `invalid configuration: cannot listen on ${config.http.host}:${config.http.port} (${code ?? (err as Error).message})`,
    );
    process.exit(1);
  }
  log.info(`mode: ${config.mode}`);
  for (const warning of verdict.warnings) log.warn(warning);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.database.url) {
    embedded = await EmbeddedDatabase.start({
      dir: config.database.embeddedDir,
      port: config.database.embeddedPort,
      log: (line) => log.debug({ postgres: line }),
    });
    config = { ...config, database: { ...config.database, url: embedded.url } };
    log.info(`database: embedded Postgres on 127.0.0.1:${embedded.port} (data in ${embedded.dir})`);
    if (embedded.relocated) log.info(embedded.relocated);
  } else {
    log.info('database: DATABASE_URL');
  }
  if (config.database.migrateOnStart) {
    const applied = await runMigrations(config.database.url!);
    log.info(
      applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date',
    );
  } else {
    // Running on an older schema would fail request by request: stop here instead, so the old
    // release keeps serving until the migration Job has run (a restarting pod is never ready).
    const missing = await missingMigrations(config.database.url!);
    if (missing.length > 0) {
      log.fatal(
        `refusing to start: MIGRATE_ON_START=false and the database lacks ${missing.length} migration(s) this release needs (${missing.join(', ')}); run node dist/apps/api/src/cli/migrate.js first`,
      );
      await embedded?.stop();
      process.exit(1);
    }
    log.info('migrations: up to date (MIGRATE_ON_START=false: checked, not applied)');
  }

  let sandbox: RunningSandbox | undefined;
  const shared = config.sandbox.sharedUrl;
  const plan = sandboxPlan(config);
  if (plan !== 'off') {
    if (plan === 'shared' && shared) {
      config = withSandboxProviders(config, await sharedSandboxCredentials(shared), shared);
    } else {
      sandbox = await startSandbox({
        port: config.sandbox.port,
        host: config.sandbox.host,
        publicUrl: config.sandbox.publicUrl,
        vonageRedirectUri:
          config.providers.vonage?.redirectUri ??
          `${config.http.publicUrl}/v1/number-verifications/callback`,
        authenticatorCallbackUrl: `${config.http.publicUrl}/v1/callbacks/truid/challenges`,
      });
      config = withSandboxProviders(config, sandbox.credentials);
    }
  }
  log.info(describeProviders(config));
  for (const warning of describeFeaturesOff(config)) log.warn(warning);

  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
  const base = config.http.publicUrl;
  const pages = config.sandbox.url
    ? `pages ${base}/login and ${base}/phone; sandbox ${config.sandbox.url}`
    : `page ${base}/login`;
  log.info(
    `simauth listening on ${config.http.host}:${config.http.port}: api ${base}/v1, docs ${base}/docs, ` +
      `OpenID Provider ${config.tokens.issuer}/.well-known/openid-configuration, ${pages}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    await app.close();
    await sandbox?.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  bootLog.fatal(`failed to start: ${err.message}`);
  process.exit(1);
});
