import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { WebhooksModule } from '../../platform/webhooks/webhooks.module';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { AuditTrail } from './audit-trail';

@Module({
  imports: [AttemptsModule, TokensModule, WebhooksModule],
  controllers: [AdminController],
  providers: [AdminService, AdminAuthGuard, AuditTrail],
})
export class AdminModule {}
