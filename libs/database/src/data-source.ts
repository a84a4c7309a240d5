import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

interface DatabaseConnectionOptions {
  url: string;
  poolSize: number;
  entities?: DataSourceOptions['entities'];
}

/** TypeORM options shared by the app, `npm run migrate` and the tests. */
export function dataSourceOptions(options: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize,
      // Fail fast instead of queueing forever when the database is gone.
      connectionTimeoutMillis: 5000,
      application_name: 'simauth',
    },
  };
}
