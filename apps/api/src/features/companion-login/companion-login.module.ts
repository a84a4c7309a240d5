import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { IdentityModule } from '../../platform/identity/identity.module';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { SimProofModule } from '../../platform/sim-proof/sim-proof.module';
import { BoundLogins } from './bound-logins.service';
import { CompanionLoginController } from './companion-login.controller';
import { CompanionLoginService } from './companion-login.service';
import { LoginAttempts } from './login-attempts';
import { LoginProofService } from './login-proof.service';
import { LoginPush } from './login-push';
import { LoginStatusService } from './login-status.service';
import { SseStreams } from './sse-streams';

@Module({
  imports: [AttemptsModule, IdentityModule, TokensModule, SimProofModule],
  controllers: [CompanionLoginController],
  providers: [
    CompanionLoginService,
    LoginProofService,
    LoginStatusService,
    LoginAttempts,
    LoginPush,
    BoundLogins,
    SseStreams,
  ],
  // Another feature's sign-in step (e.g. the OpenID Provider's) is a companion login bound to it.
  exports: [BoundLogins],
})
export class CompanionLoginModule {}
