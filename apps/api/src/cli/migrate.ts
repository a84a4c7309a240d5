import { ConfigurationError, loadConfig, loadDotEnv } from '@simauth/config';
import { EmbeddedDatabase, runMigrations } from '@simauth/database';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const embedded = config.database.url
    ? undefined
    : await EmbeddedDatabase.start({
        dir: config.database.embeddedDir,
        port: config.database.embeddedPort,
      });
  try {
    const applied = await runMigrations(config.database.url ?? embedded!.url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date: nothing to apply');
  } finally {
    await embedded?.stop();
  }
}

main().catch((err: Error) => {
  const lines = err instanceof ConfigurationError ? err.problems : [err.message];
  for (const line of lines) console.error(`simauth migrate: ${line}`);
  process.exit(1);
});
