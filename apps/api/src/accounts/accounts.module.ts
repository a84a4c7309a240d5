import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { DeviceAuthGuard } from './device-auth.guard';
import { DevicesController } from './devices.controller';

@Module({
  controllers: [DevicesController],
  providers: [AccountsService, DeviceAuthGuard],
  exports: [AccountsService, DeviceAuthGuard],
})
export class AccountsModule {}
