import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, SimProofProviderName } from '@simauth/config';
import { BegunProof, ProofChannel, ProofVerdict } from './sim-proof.types';
import { FactorStepUpStrategy } from './strategies/factor-step-up.strategy';
import { PhoneCheckStrategy } from './strategies/phone-check.strategy';
import { SmsStrategy } from './strategies/sms.strategy';

/**
 * The SIM proof registration and login share: a PhoneCheck, or an SMS code where PhoneCheck
 * cannot run for the number and REGISTRATION_FALLBACK=sms allows it, or (login only) a factor's
 * code as step-up. It calls the providers and says what they answered; each flow decides what
 * its attempt becomes (statuses, retries), so the flows keep their own states.
 */
@Injectable()
export class SimProof {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly phoneCheck: PhoneCheckStrategy,
    private readonly sms: SmsStrategy,
    readonly stepUp: FactorStepUpStrategy,
  ) {}

  /** Whether the SMS channel may be used (REGISTRATION_FALLBACK=sms). */
  get smsAllowed(): boolean {
    return this.config.providers.fallback === 'sms';
  }

  /**
   * Begins the proof on `channel`; a PhoneCheck the number does not support falls back to SMS
   * when that is allowed. `reference` is the attempt's id, which the provider keeps.
   */
  async begin(
    phoneNumber: string,
    reference: string,
    channel: ProofChannel = 'phone_check',
  ): Promise<BegunProof> {
    if (channel === 'sms') return this.sms.begin(phoneNumber);
    const begun = await this.phoneCheck.begin(phoneNumber, reference);
    // After the last SIM-proof provider (each not supported, or down), the SMS fallback applies.
    if (!begun.ok && (begun.unsupported || begun.retry) && this.smsAllowed) {
      const sms = await this.sms.begin(phoneNumber);
      return Object.assign(sms, { failovers: begun.failovers ?? [] });
    }
    return begun;
  }

  /**
   * Checks the code of a proof begun on `channel` (the provider's reference `providerRef`); a SIM
   * check's at its own `provider`, never another's.
   */
  check(
    channel: ProofChannel,
    providerRef: string,
    code: string,
    provider: SimProofProviderName = 'truid',
    phoneNumber?: string,
  ): Promise<ProofVerdict> {
    return channel === 'sms'
      ? this.sms.check(providerRef, code)
      : this.phoneCheck.check(provider, providerRef, code, phoneNumber);
  }
}
