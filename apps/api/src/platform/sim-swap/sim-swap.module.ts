import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { SimSwapPolicy } from './sim-swap-policy.service';

/** The SIM-swap policy: whether a recent SIM change stops a registration or a login. */
@Module({
  imports: [AttemptsModule],
  providers: [SimSwapPolicy],
  exports: [SimSwapPolicy],
})
export class SimSwapModule {}
