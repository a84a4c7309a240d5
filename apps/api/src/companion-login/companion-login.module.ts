import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { AccountsModule } from '../accounts/accounts.module';
import { CompanionLoginController } from './companion-login.controller';
import { CompanionLoginService } from './companion-login.service';
import { SseStreams } from './sse-streams';

@Module({
  imports: [AttemptsModule, AccountsModule],
  controllers: [CompanionLoginController],
  providers: [CompanionLoginService, SseStreams],
  // The OpenID Provider's login step is a companion login.
  exports: [CompanionLoginService],
})
export class CompanionLoginModule {}
