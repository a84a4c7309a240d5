import { loadConfig, loadDotEnv } from '@simauth/config';
import { runMigrations } from '@simauth/database';
import { runCli, withDatabaseUrl } from './cli-run';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  await withDatabaseUrl(config, async (url) => {
    const applied = await runMigrations(url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date: nothing to apply');
  });
}

runCli('migrate', main);
