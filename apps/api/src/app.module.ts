import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoInstance } from 'pino';
import { AppConfig, ConfigModule } from '@simauth/config';
import { DatabaseModule } from '@simauth/database';
import { AttemptsModule } from '@simauth/attempts';
import { ProvidersModule } from '@simauth/providers';
import { IdentityModule } from './platform/identity/identity.module';
import { TokensModule } from './platform/tokens/tokens.module';
import { FactorsModule } from './platform/factors/factors.module';
import { SimProofModule } from './platform/sim-proof/sim-proof.module';
import { AuthenticatorsModule } from './features/authenticators/authenticators.module';
import { CompanionLoginModule } from './features/companion-login/companion-login.module';
import { HealthModule } from './platform/health/health.module';
import { OidcModule } from './features/oidc/oidc.module';
import { NumberVerificationModule } from './features/number-verification/number-verification.module';
import { AdminModule } from './features/admin/admin.module';
import { WebhooksModule } from './platform/webhooks/webhooks.module';
import { PagesModule } from './platform/pages/pages.module';
import { RateLimitsModule } from './platform/rate-limits/rate-limits.module';
import { RegistrationModule } from './features/registration/registration.module';
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
        IdentityModule,
        TokensModule,
        FactorsModule,
        SimProofModule,
        RegistrationModule,
        CompanionLoginModule,
        NumberVerificationModule,
        AuthenticatorsModule,
        OidcModule,
        PagesModule,
        WebhooksModule,
        AdminModule,
      ],
    };
  }
}
