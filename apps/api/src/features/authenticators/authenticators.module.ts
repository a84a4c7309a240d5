import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { FactorsModule } from '../../platform/factors/factors.module';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { AuthenticatorsController } from './authenticators.controller';
import { AuthenticatorsService } from './authenticators.service';
import { CallbackReceiptsSweeper } from './callback-receipts-sweeper';

@Module({
  imports: [AttemptsModule, FactorsModule, TokensModule],
  controllers: [AuthenticatorsController],
  providers: [AuthenticatorsService, CallbackReceiptsSweeper],
})
export class AuthenticatorsModule {}
