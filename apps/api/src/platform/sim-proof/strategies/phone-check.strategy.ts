import { Injectable } from '@nestjs/common';
import {
  CheckNotFoundError,
  NumberNotSupportedError,
  PhoneCheckPort,
  ProviderUnavailableError,
} from '@simauth/providers';
import { BegunProof, CodeProofStrategy, ProofVerdict } from '../sim-proof.types';

/** tru.ID PhoneCheck: the phone opens check_url over its mobile data, and sends back the code. */
@Injectable()
export class PhoneCheckStrategy implements CodeProofStrategy {
  readonly channel = 'phone_check' as const;

  constructor(private readonly phoneCheck: PhoneCheckPort) {}

  async begin(phoneNumber: string, reference: string): Promise<BegunProof> {
    try {
      const check = await this.phoneCheck.createCheck(phoneNumber, reference);
      return {
        ok: true,
        channel: this.channel,
        providerRef: check.checkId,
        checkUrl: check.checkUrl,
      };
    } catch (error) {
      return {
        ok: false,
        channel: this.channel,
        unsupported: error instanceof NumberNotSupportedError,
        retry: error instanceof ProviderUnavailableError,
        error,
      };
    }
  }

  async check(checkId: string, code: string): Promise<ProofVerdict> {
    let result;
    try {
      result = await this.phoneCheck.exchangeCode(checkId, code);
    } catch (error) {
      // An outage, or a check the provider cannot find right now: the phone may send it again.
      const retry =
        error instanceof ProviderUnavailableError || error instanceof CheckNotFoundError;
      return { outcome: 'failed', retry, error };
    }
    switch (result.status) {
      case 'COMPLETED':
        return result.match
          ? { outcome: 'proven', amr: 'sim' }
          : { outcome: 'not_proven', cause: 'no_match' };
      case 'EXPIRED':
        return { outcome: 'not_proven', cause: 'expired' };
      case 'ERROR':
        return { outcome: 'provider_error', errorCode: result.errorCode };
      default:
        return { outcome: 'unfinished' };
    }
  }
}
