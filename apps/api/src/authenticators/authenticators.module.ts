import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthenticatorsController } from './authenticators.controller';
import { AuthenticatorsService } from './authenticators.service';
import { CallbackReceiptsSweeper } from './callback-receipts-sweeper';

@Module({
  imports: [AttemptsModule, AccountsModule],
  controllers: [AuthenticatorsController],
  providers: [AuthenticatorsService, CallbackReceiptsSweeper],
})
export class AuthenticatorsModule {}
