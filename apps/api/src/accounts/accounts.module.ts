import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { AccountsService } from './accounts.service';
import { DeviceAuthGuard } from './device-auth.guard';
import { DevicesController } from './devices.controller';
import { IdTokenService } from './id-token.service';
import { JwksController } from './jwks.controller';
import { UserAuthGuard } from './user-auth.guard';
import { FactorsRepository } from './factors.repository';
import { FactorCodesService } from './factor-codes.service';
import { SimSwapPolicy } from './sim-swap-policy.service';

// Everything here is shared with the feature modules.
const SHARED = [
  AccountsService,
  DeviceAuthGuard,
  UserAuthGuard,
  IdTokenService,
  FactorsRepository,
  FactorCodesService,
  SimSwapPolicy,
];

@Module({
  imports: [AttemptsModule],
  controllers: [DevicesController, JwksController],
  providers: SHARED,
  exports: SHARED,
})
export class AccountsModule {}
