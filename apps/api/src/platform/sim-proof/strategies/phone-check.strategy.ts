import { Injectable } from '@nestjs/common';
import { SimProofProviderName } from '@simauth/config';
import { metrics } from '@simauth/observability';
import {
  CheckNotFoundError,
  NumberNotSupportedError,
  ProviderUnavailableError,
  SimProofProviders,
} from '@simauth/providers';
import { BegunProof, ProofFailover, ProofVerdict } from '../sim-proof.types';

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
    const failovers: ProofFailover[] = [];
    let unavailable: unknown;
    let unsupported: unknown;
    for (const { name, port } of this.providers.ordered) {
      try {
        const check = await port.createCheck(phoneNumber, reference);
        metrics.simProofs.inc({ provider: name, outcome: 'created' });
        return {
          ok: true,
          channel: this.channel,
          provider: name,
          providerRef: check.checkId,
          checkUrl: check.checkUrl,
          failovers,
        };
      } catch (error) {
        const cause =
          error instanceof NumberNotSupportedError
            ? 'not_supported'
            : error instanceof ProviderUnavailableError
              ? 'unavailable'
              : undefined;
        metrics.simProofs.inc({ provider: name, outcome: cause ?? 'failed' });
        // Anything else (credentials refused, an answer off its API) is ours to fix: it stops.
        if (!cause)
          return {
            ok: false,
            channel: this.channel,
            unsupported: false,
            retry: false,
            error,
            failovers,
          };
        failovers.push({ provider: name, cause });
        if (cause === 'unavailable') unavailable ??= error;
        else unsupported ??= error;
      }
    }
    // No provider took the proof: 503 if any was down (the phone may try again), else 422.
    return {
      ok: false,
      channel: this.channel,
      unsupported: !unavailable,
      retry: Boolean(unavailable),
      error: unavailable ?? unsupported,
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
