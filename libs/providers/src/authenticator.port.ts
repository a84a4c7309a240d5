export interface ProviderFactor {
  factorId: string;
  /** otpauth:// URI for manual entry. */
  otpauthUrl: string;
  /** PNG QR code of the URI, as a data URL. */
  qrDataUrl: string;
}

export type ProviderChallengeStatus = 'PENDING' | 'VERIFIED' | 'FAILED' | 'EXPIRED';

/** tru.ID Authenticator: TOTP factors held by tru.ID, and challenges on them. */
export abstract class AuthenticatorPort {
  abstract createFactor(phoneNumber: string, externalUserId: string): Promise<ProviderFactor>;
  /** true when the code activated the factor, false when tru.ID refused the code. */
  abstract activateFactor(factorId: string, code: string): Promise<boolean>;
  abstract createChallenge(factorId: string, referenceId: string): Promise<{ challengeId: string }>;
  abstract verifyChallenge(
    factorId: string,
    challengeId: string,
    code: string,
  ): Promise<ProviderChallengeStatus>;
}
