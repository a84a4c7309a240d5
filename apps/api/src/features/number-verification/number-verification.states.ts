import { TransitionTable, registerAttemptFlow } from '@simauth/attempts';
import { AttemptKind } from '../attempt-kind';

/** A number verification's statuses, as the API and the database say them (never renamed). */
export enum NumberVerificationStatus {
  AuthUrlIssued = 'AUTH_URL_ISSUED',
  Verified = 'VERIFIED',
  NotVerified = 'NOT_VERIFIED',
  Expired = 'EXPIRED',
  ProviderError = 'PROVIDER_ERROR',
}

declare module '@simauth/attempts' {
  interface AttemptStatuses {
    [AttemptKind.NumberVerification]: NumberVerificationStatus;
  }
}

const NV = NumberVerificationStatus;

/**
 * Vonage Network Enablement auth URL, then CAMARA Number Verification. Drawn in
 * number-verification.states.mermaid.
 */
export const NUMBER_VERIFICATION_TABLE: TransitionTable<NumberVerificationStatus> = {
  initial: NV.AuthUrlIssued,
  final: [NV.Verified, NV.NotVerified, NV.Expired, NV.ProviderError],
  moves: [
    { from: [NV.AuthUrlIssued], to: NV.Verified, by: ['provider'] },
    { from: [NV.AuthUrlIssued], to: NV.NotVerified, by: ['provider'] },
    { from: [NV.AuthUrlIssued], to: NV.ProviderError, by: ['provider'] },
    { from: [NV.AuthUrlIssued], to: NV.Expired, by: ['system'] },
    // The number's user was blocked.
    { from: [NV.AuthUrlIssued], to: NV.Expired, by: ['admin'], beforeDeadline: true },
  ],
};

/** Its moves report no webhook event. */
registerAttemptFlow({
  kind: AttemptKind.NumberVerification,
  table: NUMBER_VERIFICATION_TABLE,
});
