import { TransitionTable, registerAttemptFlow } from '@simauth/attempts';
import { WebhookEventType } from '../../platform/webhooks/webhook-events';
import { AttemptKind } from '../attempt-kind';

/** An authenticator factor's enrolment statuses (never renamed). */
export enum FactorActivationStatus {
  Pending = 'PENDING',
  Active = 'ACTIVE',
  Expired = 'EXPIRED',
}

declare module '@simauth/attempts' {
  interface AttemptStatuses {
    [AttemptKind.FactorActivation]: FactorActivationStatus;
  }
}

const FA = FactorActivationStatus;

/**
 * Enrolment of an authenticator factor, finished by a first valid code. Drawn in
 * factor-activation.states.mermaid.
 */
export const FACTOR_ACTIVATION_TABLE: TransitionTable<FactorActivationStatus> = {
  initial: FA.Pending,
  final: [FA.Active, FA.Expired],
  moves: [
    { from: [FA.Pending], to: FA.Active, by: ['user'] },
    { from: [FA.Pending], to: FA.Expired, by: ['system'] },
  ],
};

/** The webhook event a move into each status reports. */
const FACTOR_ACTIVATION_EVENTS = {
  [FA.Active]: 'factor.activated',
} satisfies Partial<Record<FactorActivationStatus, WebhookEventType>>;

registerAttemptFlow({
  kind: AttemptKind.FactorActivation,
  table: FACTOR_ACTIVATION_TABLE,
  events: FACTOR_ACTIVATION_EVENTS,
});
