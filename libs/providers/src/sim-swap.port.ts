import { SimSwapProviderName } from '@simauth/config';

/** What a SIM-swap check found, with the provider's own answer for the audit trail. */
export interface SimSwapResult {
  /** true when the SIM behind the number changed within the period asked about. */
  swapped: boolean;
  provider: 'tru.ID' | 'Vonage' | 'Twilio';
  /** The provider's fields worth keeping (check id, periods); never a token. */
  answer: Record<string, unknown>;
}

/**
 * Has the SIM behind a number changed recently? (tru.ID SIMCheck, Vonage CAMARA SIM Swap, Twilio
 * Lookup SIM Swap.) A
 * number whose SIM moved is the mark of a SIM-swap attack: a PhoneCheck then matches for the
 * attacker's phone.
 */
export abstract class SimSwapPort {
  /** Throws ProviderUnavailableError, NumberNotSupportedError or ProviderError. */
  abstract check(phoneNumber: string, maxAgeHours: number): Promise<SimSwapResult>;
}

/** A provider of the SIM-swap check (SIM_SWAP_PROVIDERS), and its adapter. */
interface SimSwapProvider {
  name: SimSwapProviderName;
  port: SimSwapPort;
}

/**
 * The SIM-swap providers SIM_SWAP_PROVIDERS lists, in failover order: tru.ID SIMCheck, Vonage
 * CAMARA SIM Swap, Twilio Lookup SIM Swap. Each answers the same question; the first that can,
 * answers.
 */
export class SimSwapProviders {
  constructor(readonly ordered: readonly SimSwapProvider[]) {}
}
