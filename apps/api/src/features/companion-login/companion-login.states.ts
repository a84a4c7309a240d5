import { TransitionTable, registerAttemptFlow } from '@simauth/attempts';
import { WebhookEventType } from '../../platform/webhooks/webhook-events';
import { AttemptKind } from '../attempt-kind';

/** A companion login's statuses, as the API and the database say them (never renamed). */
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

declare module '@simauth/attempts' {
  interface AttemptStatuses {
    [AttemptKind.CompanionLogin]: LoginStatus;
  }
}

const L = LoginStatus;

/**
 * Web login approved on the registered phone, then proven by a PhoneCheck. Drawn in
 * companion-login.states.mermaid.
 */
export const COMPANION_LOGIN_TABLE: TransitionTable<LoginStatus> = {
  initial: L.Pending,
  final: [L.MatchSuccess, L.MatchFailed, L.Denied, L.Expired, L.ProviderError, L.SimSwapDetected],
  moves: [
    { from: [L.Pending], to: L.Approved, by: ['device'] },
    // The SIM-swap check, asked once the phone approved, found a recent swap (policy deny).
    { from: [L.Approved], to: L.SimSwapDetected, by: ['provider'] },
    // The PhoneCheck could not be created (provider outage): the phone may approve again.
    { from: [L.Approved], to: L.Pending, by: ['system'] },
    { from: [L.Pending], to: L.Denied, by: ['device'] },
    { from: [L.Approved], to: L.MatchPending, by: ['device'] },
    { from: [L.MatchPending], to: L.MatchSuccess, by: ['device', 'provider'] },
    // Fallback where PhoneCheck cannot run: the person proves an active authenticator factor.
    { from: [L.Pending], to: L.MatchSuccess, by: ['user'] },
    { from: [L.MatchPending], to: L.MatchFailed, by: ['device', 'provider'] },
    // A provider outage while proving leaves the login retryable: back to APPROVED.
    { from: [L.MatchPending], to: L.Approved, by: ['system'] },
    { from: [L.Approved, L.MatchPending], to: L.ProviderError, by: ['device', 'provider'] },
    { from: [L.Pending, L.Approved, L.MatchPending], to: L.Expired, by: ['system'] },
    // The user was blocked: the web sees the end of a lapsed login; the reason is in the trail.
    {
      from: [L.Pending, L.Approved, L.MatchPending],
      to: L.Expired,
      by: ['admin'],
      beforeDeadline: true,
    },
  ],
  interrupted: {
    // The PhoneCheck was being created: the phone approves again (a new check).
    [L.Approved]: L.Pending,
    // The code was being exchanged: the phone sends it again.
    [L.MatchPending]: L.Approved,
  },
};

/** The webhook event a move into each status reports. */
const LOGIN_EVENTS = {
  [L.Approved]: 'login.approved',
  [L.MatchSuccess]: 'login.succeeded',
  [L.SimSwapDetected]: 'login.sim_swap_detected',
  [L.MatchFailed]: 'login.failed',
  [L.Denied]: 'login.failed',
  [L.Expired]: 'login.failed',
  [L.ProviderError]: 'login.failed',
} satisfies Partial<Record<LoginStatus, WebhookEventType>>;

registerAttemptFlow({
  kind: AttemptKind.CompanionLogin,
  table: COMPANION_LOGIN_TABLE,
  events: LOGIN_EVENTS,
});
