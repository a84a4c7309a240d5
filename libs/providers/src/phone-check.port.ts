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

/** tru.ID PhoneCheck: does the SIM in the device that opens check_url hold this number? */
export abstract class PhoneCheckPort {
  /** Throws NumberNotSupportedError, ProviderUnavailableError or ProviderError. */
  abstract createCheck(phoneNumber: string, referenceId?: string): Promise<CreatedPhoneCheck>;
  /** Exchanges the device's code; throws CheckNotFoundError when there is nothing to exchange yet. */
  abstract exchangeCode(checkId: string, code: string): Promise<PhoneCheckResult>;
}
