import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * Runs one of the statements every login makes as a named prepared statement: each connection
 * parses and plans it once and then only binds and executes it. Planning took more than half
 * of these statements' time in Postgres during the benchmark's login flows.
 *
 * `db` is the data source, or a transaction's entity manager to run inside that transaction.
 * `name` must be unique to `text`. Behind PgBouncer in transaction mode this needs PgBouncer
 * 1.22 or later (max_prepared_statements > 0), which keeps such statements per server connection.
 */
export async function preparedQuery<T extends QueryResultRow>(
  db: DataSource | EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const query = { name, text, values };
  const runner = db instanceof EntityManager ? db.queryRunner : undefined;
  if (runner) {
    const client = (await (runner as PostgresQueryRunner).connect()) as PoolClient;
    return (await client.query<T>(query)).rows;
  }
  const dataSource = db instanceof EntityManager ? db.connection : db;
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query<T>(query)).rows;
}
