import { TransitionTable, registerAttemptFlow } from '@simauth/attempts';
import { WebhookEventType } from '../../platform/webhooks/webhook-events';
import { AttemptKind } from '../attempt-kind';

/** A registration's statuses, as the API and the database say them (never renamed). */
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

declare module '@simauth/attempts' {
  interface AttemptStatuses {
    [AttemptKind.Registration]: RegistrationStatus;
  }
}

const R = RegistrationStatus;

/**
 * A PhoneCheck at registration: the device submits the code, the provider's answer decides.
 * Drawn in registration.states.mermaid.
 */
export const REGISTRATION_TABLE: TransitionTable<RegistrationStatus> = {
  initial: R.CheckCreated,
  // Where no PhoneCheck can run, the code goes out by SMS instead (amr "sms").
  alsoInitial: [R.CodeSent],
  final: [R.MatchSuccess, R.MatchFailed, R.Expired, R.ProviderError, R.SimSwapDetected],
  moves: [
    { from: [R.CheckCreated, R.CodeSent], to: R.MatchSuccess, by: ['device'] },
    // A registered user's number matched on a SIM that changed recently: no new device for it.
    { from: [R.CheckCreated, R.CodeSent], to: R.SimSwapDetected, by: ['provider'] },
    { from: [R.CheckCreated], to: R.MatchFailed, by: ['device'] },
    // Too many wrong SMS codes: the provider ended the verification.
    { from: [R.CodeSent], to: R.MatchFailed, by: ['provider'] },
    { from: [R.CheckCreated], to: R.ProviderError, by: ['device', 'provider'] },
    { from: [R.CheckCreated, R.CodeSent], to: R.Expired, by: ['system'] },
  ],
};

/** The webhook event a move into each status reports. */
const REGISTRATION_EVENTS = {
  [R.MatchSuccess]: 'registration.succeeded',
  [R.SimSwapDetected]: 'registration.sim_swap_detected',
  [R.MatchFailed]: 'registration.failed',
  [R.Expired]: 'registration.failed',
  [R.ProviderError]: 'registration.failed',
} satisfies Partial<Record<RegistrationStatus, WebhookEventType>>;

registerAttemptFlow({
  kind: AttemptKind.Registration,
  table: REGISTRATION_TABLE,
  events: REGISTRATION_EVENTS,
});
