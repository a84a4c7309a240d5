import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { IdentityModule } from '../../platform/identity/identity.module';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { NumberVerificationController } from './number-verification.controller';
import { NumberVerificationService } from './number-verification.service';

@Module({
  imports: [AttemptsModule, IdentityModule, TokensModule],
  controllers: [NumberVerificationController],
  providers: [NumberVerificationService],
})
export class NumberVerificationModule {}
