import { SimProofProviderName } from '@simauth/config';

export interface CreatedPhoneCheck {
  checkId: string;
  /** Absolute URL the device opens over mobile data. */
  checkUrl: string;
  ttlSeconds: number;
}

export interface PhoneCheckResult {
  checkId: string;
  status: 'ACCEPTED' | 'PENDING' | 'COMPLETED' | 'EXPIRED' | 'ERROR';
  /** true only when the check completed and the SIM's number is the checked number. */
  match: boolean;
  errorCode?: string;
}

/** A SIM proof by check_url (tru.ID PhoneCheck, Vonage silent authentication): does the SIM in the device that opens check_url hold this number? */
export abstract class PhoneCheckPort {
  /** Throws NumberNotSupportedError, ProviderUnavailableError or ProviderError. */
  abstract createCheck(phoneNumber: string, referenceId?: string): Promise<CreatedPhoneCheck>;
  /**
   * Exchanges the device's code (none for Twilio SNA, which checks by the number `phoneNumber`);
   * throws CheckNotFoundError when there is nothing to exchange yet.
   */
  abstract exchangeCode(
    checkId: string,
    code: string,
    phoneNumber?: string,
  ): Promise<PhoneCheckResult>;
}

/** A provider of a SIM proof by check_url (SIM_PROOF_PROVIDERS), and its adapter. */
interface SimProofProvider {
  name: SimProofProviderName;
  port: PhoneCheckPort;
}

/**
 * The SIM-proof providers SIM_PROOF_PROVIDERS lists, in failover order: tru.ID PhoneCheck, Vonage
 * silent authentication, Twilio Verify SNA. Each is a PhoneCheckPort: the phone opens a check_url over mobile data
 * and the code it ends with is exchanged at the provider that made the check.
 */
export class SimProofProviders {
  constructor(readonly ordered: readonly SimProofProvider[]) {}

  /** The adapter of `name`; undefined when that provider is not listed here. */
  port(name: SimProofProviderName): PhoneCheckPort | undefined {
    return this.ordered.find((p) => p.name === name)?.port;
  }
}
