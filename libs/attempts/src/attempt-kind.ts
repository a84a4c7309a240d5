/** What an attempt is waiting for. Stored as text; never renamed. */
export enum AttemptKind {
  Registration = 'registration',
  CompanionLogin = 'companion_login',
  FactorActivation = 'factor_activation',
  FactorChallenge = 'factor_challenge',
  NumberVerification = 'number_verification',
}

export enum RegistrationStatus {
  CheckCreated = 'CHECK_CREATED',
  /** The fallback where no PhoneCheck can run: a code went out by SMS (REGISTRATION_FALLBACK=sms). */
  CodeSent = 'CODE_SENT',
  MatchSuccess = 'MATCH_SUCCESS',
  MatchFailed = 'MATCH_FAILED',
  Expired = 'EXPIRED',
  ProviderError = 'PROVIDER_ERROR',
  /** The SIM matched, but it moved to this SIM recently and the number has a user: held. */
  SimSwapDetected = 'SIM_SWAP_DETECTED',
}

export enum LoginStatus {
  Pending = 'PENDING',
  Approved = 'APPROVED',
  MatchPending = 'MATCH_PENDING',
  MatchSuccess = 'MATCH_SUCCESS',
  MatchFailed = 'MATCH_FAILED',
  Denied = 'DENIED',
  Expired = 'EXPIRED',
  ProviderError = 'PROVIDER_ERROR',
  /** The SIM behind the number changed recently (SIM_SWAP_POLICY=deny): refused, nothing issued. */
  SimSwapDetected = 'SIM_SWAP_DETECTED',
}

export enum FactorActivationStatus {
  Pending = 'PENDING',
  Active = 'ACTIVE',
  Expired = 'EXPIRED',
}

export enum FactorChallengeStatus {
  Pending = 'PENDING',
  Verified = 'VERIFIED',
  Failed = 'FAILED',
  Expired = 'EXPIRED',
}

export enum NumberVerificationStatus {
  AuthUrlIssued = 'AUTH_URL_ISSUED',
  Verified = 'VERIFIED',
  NotVerified = 'NOT_VERIFIED',
  Expired = 'EXPIRED',
  ProviderError = 'PROVIDER_ERROR',
}

export interface StatusByKind {
  [AttemptKind.Registration]: RegistrationStatus;
  [AttemptKind.CompanionLogin]: LoginStatus;
  [AttemptKind.FactorActivation]: FactorActivationStatus;
  [AttemptKind.FactorChallenge]: FactorChallengeStatus;
  [AttemptKind.NumberVerification]: NumberVerificationStatus;
}

export type StatusOf<K extends AttemptKind> = StatusByKind[K];

/**
 * Who causes a move: the registered phone, the web client, the signed-in user, a provider, the
 * server itself, or an operator through the admin API.
 */
export type Actor = 'device' | 'web' | 'user' | 'provider' | 'system' | 'admin';

/** Every kind expires through this status. */
export const EXPIRED = 'EXPIRED';
