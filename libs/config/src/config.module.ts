import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';

/** DI token for the typed configuration (an interface cannot be a token). */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Makes the already-validated configuration injectable everywhere. The configuration is built
 * before Nest starts, because the embedded Postgres and the sandbox must run before the app.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      imports: [
        NestConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ simauth: config })] }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
