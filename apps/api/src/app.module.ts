import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoInstance } from 'pino';
import { AppConfig, ConfigModule } from '@simauth/config';
import { DatabaseModule } from '@simauth/database';
import { AttemptsModule } from '@simauth/attempts';
import { ProvidersModule } from '@simauth/providers';
import { AccountsModule } from './accounts/accounts.module';
import { AuthenticatorsModule } from './authenticators/authenticators.module';
import { CompanionLoginModule } from './companion-login/companion-login.module';
import { HealthModule } from './health/health.module';
import { OidcModule } from './oidc/oidc.module';
import { NumberVerificationModule } from './number-verification/number-verification.module';
import { AdminModule } from './admin/admin.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { PublicModule } from './public/public.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { RegistrationModule } from './registration/registration.module';
import { loggerParams } from './logging';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: PinoInstance): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(logger)),
        ScheduleModule.forRoot(),
        DatabaseModule,
        AttemptsModule,
        ProvidersModule,
        RateLimitsModule,
        HealthModule,
        AccountsModule,
        RegistrationModule,
        CompanionLoginModule,
        NumberVerificationModule,
        AuthenticatorsModule,
        OidcModule,
        PublicModule,
        WebhooksModule,
        AdminModule,
      ],
    };
  }
}
