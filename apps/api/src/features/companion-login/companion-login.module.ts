import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { IdentityModule } from '../../platform/identity/identity.module';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { FactorsModule } from '../../platform/factors/factors.module';
import { SimProofModule } from '../../platform/sim-proof/sim-proof.module';
import { CompanionLoginController } from './companion-login.controller';
import { CompanionLoginService } from './companion-login.service';
import { SseStreams } from './sse-streams';

@Module({
  imports: [AttemptsModule, IdentityModule, TokensModule, FactorsModule, SimProofModule],
  controllers: [CompanionLoginController],
  providers: [CompanionLoginService, SseStreams],
  // The OpenID Provider's login step is a companion login.
  exports: [CompanionLoginService],
})
export class CompanionLoginModule {}
