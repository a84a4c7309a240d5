import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { dataSourceOptions, MIGRATIONS_TABLE } from './data-source';

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 7_316_524_011;

/**
 * Applies pending migrations with the TypeORM runner. Replicas starting together take turns
 * through a Postgres advisory lock, so each migration runs exactly once.
 * Returns the names of the migrations applied by this call.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * The migrations this code needs that the database has not applied, oldest first, read without
 * changing anything (so a role without CREATE can ask). Migrations the database has and the code
 * does not know are a newer release's, which expand-then-contract keeps safe to run beside.
 */
export async function missingMigrations(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ table }] = (
      await client.query<{ table: string | null }>(
        `SELECT to_regclass('${MIGRATIONS_TABLE}')::text AS table`,
      )
    ).rows;
    const applied = new Set(
      table
        ? (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows.map(
            (r) => r.name,
          )
        : [],
    );
    return MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}
