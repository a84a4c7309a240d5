import { DomainError } from '@simauth/http';

/** The provider ended the verification: too many wrong codes, or its time ran out (410). */
export class VerificationEndedError extends DomainError {
  readonly code = 'attempt-expired' as const;
  constructor(
    message = 'The code can no longer be checked (too many wrong codes, or expired); start again.',
  ) {
    super(message);
  }
}

/** A code sent to the phone by SMS (Vonage Verify v2): the fallback where PhoneCheck cannot run. */
export abstract class VerifyPort {
  /** Sends a code to the number; returns the provider's request id. */
  abstract start(phoneNumber: string, brand: string): Promise<{ requestId: string }>;
  /**
   * Checks a code: true when right, false when wrong (the request stays open for another try).
   * Throws VerificationEndedError when the provider ended it, ProviderUnavailableError on outage.
   */
  abstract check(requestId: string, code: string): Promise<boolean>;
}
