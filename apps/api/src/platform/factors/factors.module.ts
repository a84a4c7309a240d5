import { Module } from '@nestjs/common';
import { FactorCodesService } from './factor-codes.service';
import { FactorsRepository } from './factors.repository';
import { FactorRemoval } from './factor-removal';

/** A user's second factors (TOTP authenticators) and the codes that prove them. */
@Module({
  providers: [FactorsRepository, FactorCodesService, FactorRemoval],
  exports: [FactorsRepository, FactorCodesService, FactorRemoval],
})
export class FactorsModule {}
