import { Injectable } from '@nestjs/common';
import { SimProofProviderName } from '@simauth/config';
import { metrics } from '@simauth/observability';
import {
  CheckNotFoundError,
  ProviderUnavailableError,
  SimProofProviders,
} from '@simauth/providers';
import { firstAnswer } from '../provider-failover';
import { BegunProof, ProofVerdict } from '../sim-proof.types';

/**
 * A SIM proof by check_url, at the providers of SIM_PROOF_PROVIDERS in their order (tru.ID
 * PhoneCheck, Vonage silent authentication, Twilio SNA): one that answers "not supported" for the number or is
 * unavailable hands the proof to the next, in the same request. The phone opens the check_url of
 * the provider that took it, over its mobile data, and sends back what it ended with; the code is
 * exchanged at that provider only.
 */
@Injectable()
export class PhoneCheckStrategy {
  readonly channel = 'phone_check' as const;

  constructor(private readonly providers: SimProofProviders) {}

  async begin(phoneNumber: string, reference: string): Promise<BegunProof> {
    const asked = await firstAnswer(
      this.providers.ordered,
      (port) => port.createCheck(phoneNumber, reference),
      (provider, outcome) => metrics.simProofs.inc({ provider, outcome }),
    );
    const { failovers } = asked;
    if (asked.ok) {
      metrics.simProofs.inc({ provider: asked.provider, outcome: 'created' });
      return {
        ok: true,
        channel: this.channel,
        provider: asked.provider,
        providerRef: asked.answer.checkId,
        checkUrl: asked.answer.checkUrl,
        failovers,
      };
    }
    // Stopped: ours to fix. Else no provider took the proof: 503 if any was down (the phone may
    // try again), else 422.
    return {
      ok: false,
      channel: this.channel,
      unsupported: !asked.stopped && !asked.unavailable,
      retry: asked.unavailable,
      error: asked.error,
      failovers,
    };
  }

  /** Checks `code` at `provider`, the one that made the check `checkId`. */
  async check(
    provider: SimProofProviderName,
    checkId: string,
    code: string,
    phoneNumber?: string,
  ): Promise<ProofVerdict> {
    const port = this.providers.port(provider);
    // An attempt of a provider since taken out of SIM_PROOF_PROVIDERS: nothing here can check it.
    if (!port) return { outcome: 'failed', retry: false, error: new CheckNotFoundError() };
    let result;
    try {
      result = await port.exchangeCode(checkId, code, phoneNumber);
    } catch (error) {
      // An outage, or a check the provider cannot find right now: the phone may send it again.
      const retry =
        error instanceof ProviderUnavailableError || error instanceof CheckNotFoundError;
      return { outcome: 'failed', retry, error };
    }
    const count = (outcome: string) => metrics.simProofs.inc({ provider, outcome });
    switch (result.status) {
      case 'COMPLETED':
        count(result.match ? 'proven' : 'no_match');
        return result.match
          ? { outcome: 'proven', amr: 'sim' }
          : { outcome: 'not_proven', cause: 'no_match' };
      case 'EXPIRED':
        count('expired');
        return { outcome: 'not_proven', cause: 'expired' };
      case 'ERROR':
        count('error');
        return { outcome: 'provider_error', errorCode: result.errorCode };
      default:
        return { outcome: 'unfinished' };
    }
  }
}
