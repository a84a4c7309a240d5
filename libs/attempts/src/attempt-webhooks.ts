import { AttemptKind } from './attempt-kind';

/** The webhook event type a move to `to` reports, if any (see WEBHOOK_EVENT_TYPES). */
export function webhookEventOf(kind: AttemptKind, to: string): string | undefined {
  switch (kind) {
    case AttemptKind.Registration:
      if (to === 'MATCH_SUCCESS') return 'registration.succeeded';
      if (to === 'SIM_SWAP_DETECTED') return 'registration.sim_swap_detected';
      if (['MATCH_FAILED', 'EXPIRED', 'PROVIDER_ERROR'].includes(to)) return 'registration.failed';
      return undefined;
    case AttemptKind.CompanionLogin:
      if (to === 'APPROVED') return 'login.approved';
      if (to === 'MATCH_SUCCESS') return 'login.succeeded';
      if (to === 'SIM_SWAP_DETECTED') return 'login.sim_swap_detected';
      if (['MATCH_FAILED', 'DENIED', 'EXPIRED', 'PROVIDER_ERROR'].includes(to))
        return 'login.failed';
      return undefined;
    case AttemptKind.FactorActivation:
      return to === 'ACTIVE' ? 'factor.activated' : undefined;
    case AttemptKind.FactorChallenge:
      if (to === 'VERIFIED') return 'factor.challenge_verified';
      if (to === 'FAILED') return 'factor.challenge_failed';
      return undefined;
    default:
      return undefined;
  }
}
