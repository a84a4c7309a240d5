import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { dataSourceOptions } from './data-source';

/** The app's connection pool. The URL is resolved (embedded or DATABASE_URL) before Nest starts. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({ url: config.database.url!, poolSize: config.database.poolSize }),
        autoLoadEntities: true,
        // Let the app start and report "not ready" while Postgres is down, instead of dying.
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
