import { Module } from '@nestjs/common';
import { FactorCodesService } from './factor-codes.service';
import { FactorsRepository } from './factors.repository';

/** A user's second factors (TOTP authenticators) and the codes that prove them. */
@Module({
  providers: [FactorsRepository, FactorCodesService],
  exports: [FactorsRepository, FactorCodesService],
})
export class FactorsModule {}
