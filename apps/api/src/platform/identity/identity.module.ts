import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { DeviceAuthGuard } from './device-auth.guard';
import { DevicesController } from './devices.controller';

/** Users and their devices: who someone is, and the device credential that proves it. */
@Module({
  controllers: [DevicesController],
  providers: [AccountsService, DeviceAuthGuard],
  exports: [AccountsService, DeviceAuthGuard],
})
export class IdentityModule {}
