import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { ProviderUnavailableError, VerificationEndedError, VerifyPort } from '@simauth/providers';
import { BegunProof, CodeProofStrategy, ProofVerdict } from '../sim-proof.types';

/** The fallback where PhoneCheck cannot run: Vonage Verify v2 sends a code by SMS. */
@Injectable()
export class SmsStrategy implements CodeProofStrategy {
  readonly channel = 'sms' as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly verify: VerifyPort,
  ) {}

  async begin(phoneNumber: string): Promise<BegunProof> {
    try {
      const { requestId } = await this.verify.start(phoneNumber, this.config.factors.issuer);
      return { ok: true, channel: this.channel, providerRef: requestId };
    } catch (error) {
      return {
        ok: false,
        channel: this.channel,
        unsupported: false,
        retry: error instanceof ProviderUnavailableError,
        error,
      };
    }
  }

  async check(verifyRequestId: string, code: string): Promise<ProofVerdict> {
    let right: boolean;
    try {
      right = await this.verify.check(verifyRequestId, code);
    } catch (error) {
      // Vonage ends a request after too many wrong codes, or at its own deadline.
      if (error instanceof VerificationEndedError)
        return { outcome: 'not_proven', cause: 'ended', error };
      return { outcome: 'failed', retry: true, error };
    }
    return right ? { outcome: 'proven', amr: 'sms' } : { outcome: 'wrong_code' };
  }
}
