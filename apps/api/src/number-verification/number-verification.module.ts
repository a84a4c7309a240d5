import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { AccountsModule } from '../accounts/accounts.module';
import { NumberVerificationController } from './number-verification.controller';
import { NumberVerificationService } from './number-verification.service';

@Module({
  imports: [AttemptsModule, AccountsModule],
  controllers: [NumberVerificationController],
  providers: [NumberVerificationService],
})
export class NumberVerificationModule {}
