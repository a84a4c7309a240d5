import type { ClientBase } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

interface DatabaseConnectionOptions {
  url: string;
  poolSize: number;
  entities?: DataSourceOptions['entities'];
}

/** How long a pooled connection may stay idle before it is closed (the bench's skeleton too). */
export const POOL_IDLE_MS = 60_000;

/** The table TypeORM records applied migrations in (read too by the MIGRATE_ON_START=false check). */
export const MIGRATIONS_TABLE = 'migrations';

/** TypeORM options shared by the app, `npm run migrate` and the tests. */
export function dataSourceOptions(options: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize,
      // An idle connection is closed after a minute (pg-pool's default is 10 s): a connection
      // opened again costs a SCRAM exchange here, a new backend there and every named statement
      // prepared again, and the pool takes its most recently used connection first, so under an
      // uneven load the others idle past 10 s and are opened again at the next peak.
      idleTimeoutMillis: POOL_IDLE_MS,
      // Fail fast instead of queueing forever when the database is gone.
      connectionTimeoutMillis: 5000,
      application_name: 'simauth',
      onConnect: listenForLoss,
    },
  };
}

/**
 * Gives a pooled connection an 'error' listener for its whole life. pg-pool removes its own when it
 * hands the connection out, and TypeORM adds one only a promise tick later: a Postgres restart's
 * FATAL read in the same chunk as the previous query's answer would otherwise be thrown as an
 * unhandled error. The connection is then unqueryable and the pool drops it on release.
 */
function listenForLoss(client: ClientBase): void {
  client.on('error', () => undefined);
}
