/**
 * Every flow's kind, statuses and table in one place, for the tests that run over all of them
 * (the flows own them: apps/api/src/features/<flow>/<flow>.states.ts). Importing this registers
 * every flow with libs/attempts.
 */
import { StatusOf, TransitionTable } from '@simauth/attempts';
import { AttemptKind } from '../../apps/api/src/features/attempt-kind';
import { REGISTRATION_TABLE } from '../../apps/api/src/features/registration/registration.states';
import { COMPANION_LOGIN_TABLE } from '../../apps/api/src/features/companion-login/companion-login.states';
import { FACTOR_ACTIVATION_TABLE } from '../../apps/api/src/features/authenticators/factor-activation.states';
import { FACTOR_CHALLENGE_TABLE } from '../../apps/api/src/features/authenticators/factor-challenge.states';
import { NUMBER_VERIFICATION_TABLE } from '../../apps/api/src/features/number-verification/number-verification.states';

export { AttemptKind };
export { RegistrationStatus } from '../../apps/api/src/features/registration/registration.states';
export { LoginStatus } from '../../apps/api/src/features/companion-login/companion-login.states';
export { FactorActivationStatus } from '../../apps/api/src/features/authenticators/factor-activation.states';
export { FactorChallengeStatus } from '../../apps/api/src/features/authenticators/factor-challenge.states';
export { NumberVerificationStatus } from '../../apps/api/src/features/number-verification/number-verification.states';

/** Each kind's table, by kind. */
export const TRANSITION_TABLES: { [K in AttemptKind]: TransitionTable<StatusOf<K>> } = {
  [AttemptKind.Registration]: REGISTRATION_TABLE,
  [AttemptKind.CompanionLogin]: COMPANION_LOGIN_TABLE,
  [AttemptKind.FactorActivation]: FACTOR_ACTIVATION_TABLE,
  [AttemptKind.FactorChallenge]: FACTOR_CHALLENGE_TABLE,
  [AttemptKind.NumberVerification]: NUMBER_VERIFICATION_TABLE,
};
