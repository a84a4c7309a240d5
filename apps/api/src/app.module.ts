import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@simauth/config';
import { DatabaseModule } from '@simauth/database';
import { AttemptsModule } from '@simauth/attempts';
import { ProvidersModule } from '@simauth/providers';
import { HealthModule } from './health/health.module';
import { loggerParams } from './logging';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        ScheduleModule.forRoot(),
        DatabaseModule,
        AttemptsModule,
        ProvidersModule,
        HealthModule,
      ],
    };
  }
}
