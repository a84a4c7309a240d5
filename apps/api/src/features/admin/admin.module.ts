import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { FactorsModule } from '../../platform/factors/factors.module';
import { IdentityModule } from '../../platform/identity/identity.module';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { WebhooksModule } from '../../platform/webhooks/webhooks.module';
import { OidcModule } from '../oidc/oidc.module';
import { AdminAttemptsController } from './admin-attempts.controller';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminDevicesController } from './admin-devices.controller';
import { AdminEventsController } from './admin-events.controller';
import { AdminFactorsController } from './admin-factors.controller';
import { AdminSessionsController } from './admin-sessions.controller';
import { AdminUsersController } from './admin-users.controller';
import { AdminWebhooksController } from './admin-webhooks.controller';
import { AdminProvidersController } from './admin-providers.controller';
import { AdminWebhooksService } from './admin-webhooks.service';
import { AdminService } from './admin.service';
import { AdminAuditInterceptor } from './audited';
import { AuditTrail } from './audit-trail';

/**
 * The operators' API (/admin/v1): find a user, block them, revoke a lost phone, reset a factor,
 * read an attempt's history, manage webhooks. Access tokens from simauth's own token endpoint
 * (client_credentials, scope simauth:admin); every call is recorded in admin_actions. It reads
 * and changes data through the modules that own it.
 */
@Module({
  imports: [
    AttemptsModule,
    IdentityModule,
    FactorsModule,
    TokensModule,
    WebhooksModule,
    OidcModule,
  ],
  // In the order of the routes when they were one controller (the OpenAPI document's order).
  controllers: [
    AdminUsersController,
    AdminDevicesController,
    AdminFactorsController,
    AdminAttemptsController,
    AdminSessionsController,
    AdminEventsController,
    AdminWebhooksController,
    AdminProvidersController,
  ],
  providers: [
    AdminService,
    AdminWebhooksService,
    AdminAuthGuard,
    AuditTrail,
    AdminAuditInterceptor,
  ],
})
export class AdminModule {}
