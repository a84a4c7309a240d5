import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { AccountsModule } from '../accounts/accounts.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { AuditTrail } from './audit-trail';

@Module({
  imports: [AttemptsModule, AccountsModule, WebhooksModule],
  controllers: [AdminController],
  providers: [AdminService, AdminAuthGuard, AuditTrail],
})
export class AdminModule {}
