import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { FactorsModule } from '../factors/factors.module';
import { SimProof } from './sim-proof.service';
import { SimSwapPolicy } from './sim-swap-policy.service';
import { FactorStepUpStrategy } from './strategies/factor-step-up.strategy';
import { PhoneCheckStrategy } from './strategies/phone-check.strategy';
import { SmsStrategy } from './strategies/sms.strategy';

/**
 * The SIM proof registration and login share (PhoneCheck, SMS, factor step-up), and the SIM-swap
 * policy: whether a recent SIM change stops a registration or a login.
 */
@Module({
  imports: [AttemptsModule, FactorsModule],
  providers: [SimProof, PhoneCheckStrategy, SmsStrategy, FactorStepUpStrategy, SimSwapPolicy],
  exports: [SimProof, SimSwapPolicy],
})
export class SimProofModule {}
