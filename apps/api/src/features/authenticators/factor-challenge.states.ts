import { TransitionTable, registerAttemptFlow } from '@simauth/attempts';
import { WebhookEventType } from '../../platform/webhooks/webhook-events';
import { AttemptKind } from '../attempt-kind';

/** The statuses of one challenge on an authenticator factor (never renamed). */
export enum FactorChallengeStatus {
  Pending = 'PENDING',
  Verified = 'VERIFIED',
  Failed = 'FAILED',
  Expired = 'EXPIRED',
}

declare module '@simauth/attempts' {
  interface AttemptStatuses {
    [AttemptKind.FactorChallenge]: FactorChallengeStatus;
  }
}

const FC = FactorChallengeStatus;

/**
 * One challenge on an active factor, answered by a code or a provider callback. Drawn in
 * factor-challenge.states.mermaid.
 */
export const FACTOR_CHALLENGE_TABLE: TransitionTable<FactorChallengeStatus> = {
  initial: FC.Pending,
  final: [FC.Verified, FC.Failed, FC.Expired],
  moves: [
    { from: [FC.Pending], to: FC.Verified, by: ['user', 'device', 'provider'] },
    { from: [FC.Pending], to: FC.Failed, by: ['user', 'device', 'provider'] },
    { from: [FC.Pending], to: FC.Expired, by: ['system', 'provider'] },
  ],
};

/** The webhook event a move into each status reports. */
const FACTOR_CHALLENGE_EVENTS = {
  [FC.Verified]: 'factor.challenge_verified',
  [FC.Failed]: 'factor.challenge_failed',
} satisfies Partial<Record<FactorChallengeStatus, WebhookEventType>>;

registerAttemptFlow({
  kind: AttemptKind.FactorChallenge,
  table: FACTOR_CHALLENGE_TABLE,
  events: FACTOR_CHALLENGE_EVENTS,
});
