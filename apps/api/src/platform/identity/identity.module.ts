import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { DeviceAuthGuard } from './device-auth.guard';
import { DevicesController } from './devices.controller';
import { DeviceRevocation } from './device-revocation';

/** Users and their devices: who someone is, and the device credential that proves it. */
@Module({
  controllers: [DevicesController],
  providers: [AccountsService, DeviceAuthGuard, DeviceRevocation],
  exports: [AccountsService, DeviceAuthGuard, DeviceRevocation],
})
export class IdentityModule {}
