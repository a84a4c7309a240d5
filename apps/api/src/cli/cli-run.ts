import { DataSource } from 'typeorm';
import { AppConfig, ConfigurationError } from '@simauth/config';
import { EmbeddedDatabase } from '@simauth/database';

/**
 * Runs a command-line entry point: any failure is printed as `simauth <name>: <line>` (each
 * configuration problem on its own line, never a stack) and the process exits 1.
 */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((err: Error) => {
    const lines = err instanceof ConfigurationError ? err.problems : [err.message];
    for (const line of lines) console.error(`simauth ${name}: ${line}`);
    process.exit(1);
  });
}

/**
 * Gives `work` the database's URL: DATABASE_URL, or the embedded Postgres (shared with a running
 * api on the same folder, else started for the command and stopped after it).
 */
export async function withDatabaseUrl<T>(
  config: AppConfig,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const embedded = config.database.url
    ? undefined
    : await EmbeddedDatabase.start({
        dir: config.database.embeddedDir,
        port: config.database.embeddedPort,
      });
  try {
    return await work(config.database.url ?? embedded!.url);
  } finally {
    await embedded?.stop();
  }
}

/** Like withDatabaseUrl, with a connected TypeORM data source, destroyed after `work`. */
export function withDataSource<T>(
  config: AppConfig,
  work: (db: DataSource) => Promise<T>,
): Promise<T> {
  return withDatabaseUrl(config, async (url) => {
    const db = new DataSource({ type: 'postgres', url });
    await db.initialize();
    try {
      return await work(db);
    } finally {
      await db.destroy();
    }
  });
}
