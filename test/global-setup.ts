import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Loaded by Node's own require (no jest module mapping here): plain relative paths.
import { EmbeddedDatabase } from '../libs/database/src/embedded-database';
import { runMigrations } from '../libs/database/src/migrate';

declare global {
  var __SIMAUTH_TEST_DB__: EmbeddedDatabase | undefined;
}

/**
 * One real Postgres for the whole run: DATABASE_URL when set, otherwise an embedded server in a
 * fresh temp folder (durability off, for speed). Migrations run once; test files share the
 * database and keep apart by their own unique data. First, the SDK's browser bundle the pages load.
 */
export default async function globalSetup(): Promise<void> {
  // The pages import the SDK's browser bundle; apps started from sources serve this fresh build.
  execFileSync(process.execPath, ['tools/client-bundle.mjs', 'apps/api/src/platform/pages/dist'], {
    cwd: join(__dirname, '..'),
    stdio: 'inherit',
  });
  // Where the run's workers claim the test numbers they hand out (see uniquePhoneNumber).
  process.env.SIMAUTH_TEST_NUMBERS_DIR = mkdtempSync(join(tmpdir(), 'simauth-test-numbers-'));
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'simauth-test-'));
    chmodSync(dir, 0o755);
    const db = await EmbeddedDatabase.start({
      dir: join(dir, 'pg'),
      port: 0,
      fast: true,
      databaseName: 'simauth_test',
    });
    globalThis.__SIMAUTH_TEST_DB__ = db;
    process.env.DATABASE_URL = db.url;
    process.env.SIMAUTH_TEST_EMBEDDED_DIR = db.dir;
  }
  await runMigrations(process.env.DATABASE_URL!);
}
