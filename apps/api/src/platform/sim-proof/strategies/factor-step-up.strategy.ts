import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError } from '@simauth/http';
import { FactorCodesService } from '../../factors/factor-codes.service';
import { FactorsRepository } from '../../factors/factors.repository';
import { ProofVerdict } from '../sim-proof.types';

/**
 * Step-up where the SIM cannot be proven (no PhoneCheck on this network, Wi-Fi, or a SIM that
 * changed recently): a code of one of the user's active authenticator factors, amr ["otp"].
 */
@Injectable()
export class FactorStepUpStrategy {
  constructor(
    private readonly factors: FactorsRepository,
    private readonly factorCodes: FactorCodesService,
  ) {}

  /** 403 for another user's factor, 409 for an inactive one; a wrong code is `wrong_code`. */
  async check(
    userId: string,
    factorId: string,
    code: string,
    requestId?: string,
  ): Promise<ProofVerdict> {
    const factor = await this.factors.find(factorId);
    if (!factor || factor.userId !== userId)
      throw new ForbiddenError('This factor is not one of this user.');
    if (factor.status !== 'ACTIVE') throw new ConflictError('The factor is not active.');
    return (await this.factorCodes.check(factor, code, { purpose: 'challenge', requestId }))
      ? { outcome: 'proven', amr: 'otp' }
      : { outcome: 'wrong_code' };
  }
}
