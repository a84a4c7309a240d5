import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { IdentityModule } from '../../platform/identity/identity.module';
import { SimProofModule } from '../../platform/sim-proof/sim-proof.module';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

@Module({
  imports: [AttemptsModule, IdentityModule, SimProofModule],
  controllers: [RegistrationController],
  providers: [RegistrationService],
})
export class RegistrationModule {}
