import { Query } from 'pg';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** pg's Query as a named statement: its name is set after it is made (see preparedQuery). */
type NamedQuery = Query & { name: string };
/** A pool or a client given a query object and a callback (pg's typings omit this form). */
interface Submitting<T extends QueryResultRow> {
  query(query: Query, callback: (err: Error | undefined, res: QueryResult<T>) => void): void;
}

/**
 * Runs one of the statements every login makes as a named prepared statement: each connection
 * parses and plans it once and then only binds and executes it. Planning took more than half
 * of these statements' time in Postgres during the benchmark's login flows.
 *
 * `db` is the data source, or a transaction's entity manager to run inside that transaction.
 * `name` must be unique to `text`. Behind PgBouncer in transaction mode this needs PgBouncer
 * 1.22 or later (max_prepared_statements > 0), which keeps such statements per server connection.
 *
 * The query is made from its text and named afterwards, and handed to pg as a query object: pg
 * copies a query given as a config object property by property (its descriptors), a few
 * microseconds on every statement, which a query object skips. The same messages are sent.
 */
export function preparedQuery<T extends QueryResultRow>(
  db: DataSource | EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  // Not an async function: outside a transaction (most statements) the promise is send's own,
  // without an async function's frame and a second promise on every statement.
  const runner = db instanceof EntityManager ? db.queryRunner : undefined;
  if (runner) {
    return (runner as PostgresQueryRunner)
      .connect()
      .then((client: PoolClient) => send<T>(client, name, text, values));
  }
  const dataSource = db instanceof EntityManager ? db.connection : db;
  return send<T>((dataSource.driver as PostgresDriver).master as Pool, name, text, values);
}

function send<T extends QueryResultRow>(
  to: Pool | PoolClient,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const query = new Query(text, values) as NamedQuery;
  query.name = name;
  return new Promise((resolve, reject) => {
    // A pool takes its client for the query and gives it back before calling back.
    (to as unknown as Submitting<T>).query(query, (err, res) =>
      err ? reject(err) : resolve(res.rows),
    );
  });
}
