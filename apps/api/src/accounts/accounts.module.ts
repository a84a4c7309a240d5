import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { DeviceAuthGuard } from './device-auth.guard';
import { DevicesController } from './devices.controller';
import { IdTokenService } from './id-token.service';
import { JwksController } from './jwks.controller';

@Module({
  controllers: [DevicesController, JwksController],
  providers: [AccountsService, DeviceAuthGuard, IdTokenService],
  exports: [AccountsService, DeviceAuthGuard, IdTokenService],
})
export class AccountsModule {}
