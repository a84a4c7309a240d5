import { SimProofProviderName } from '@simauth/config';
import { Failover } from './provider-failover';

/** How a phone proves it holds the SIM of a number. */
export type ProofChannel = 'phone_check' | 'sms';

/** A SIM-proof provider that handed the proof on to the next (SIM_PROOF_PROVIDERS), and why. */
type ProofFailover = Failover<SimProofProviderName>;

/**
 * A proof begun at the provider: its reference, and for a PhoneCheck the check_url the phone
 * opens. A failure says whether the same step may simply be tried again (`retry`: the provider
 * was unavailable) and carries the provider's error, which the flow rethrows after its move.
 */
export type BegunProof =
  | {
      ok: true;
      channel: 'phone_check';
      /** The provider that took the check, after `failovers` handed it on. */
      provider: SimProofProviderName;
      providerRef: string;
      checkUrl: string;
      failovers: ProofFailover[];
    }
  | { ok: true; channel: 'sms'; providerRef: string; failovers?: ProofFailover[] }
  | {
      ok: false;
      channel: ProofChannel;
      failovers?: ProofFailover[];
      /** The number has no PhoneCheck (and the SMS fallback is off). */
      unsupported: boolean;
      retry: boolean;
      error: unknown;
    };

/**
 * What checking a proof's code found. `failed`: the provider call itself failed; `retry` says
 * whether the same code may be sent again. `not_proven` and `provider_error` are final answers;
 * an `error` on them is the provider's own (e.g. an SMS verification it ended), to rethrow.
 */
export type ProofVerdict =
  | { outcome: 'proven'; amr: 'sim' | 'sms' | 'otp' }
  | { outcome: 'wrong_code' }
  | { outcome: 'not_proven'; cause: 'no_match' | 'expired' | 'ended'; error?: unknown }
  | { outcome: 'provider_error'; errorCode?: string }
  | { outcome: 'unfinished' }
  | { outcome: 'failed'; retry: boolean; error: unknown };

/** A proof by a code the provider sends: an SMS's. */
export interface CodeProofStrategy {
  readonly channel: ProofChannel;
  /** Creates the proof for `phoneNumber`; `reference` is the attempt it is for. */
  begin(phoneNumber: string, reference: string): Promise<BegunProof>;
  /** Checks `code` against the proof the provider knows as `providerRef`. */
  check(providerRef: string, code: string): Promise<ProofVerdict>;
}
