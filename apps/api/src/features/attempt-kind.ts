/**
 * What an attempt is waiting for: one kind per flow, stored as text in `attempts.kind`, never
 * renamed. Each flow's states file declares its kind's statuses to libs/attempts (AttemptStatuses)
 * and registers its table (registerAttemptFlow); this list only names them, for the flows, the
 * operators' view over all of them, and the tests.
 */
export enum AttemptKind {
  Registration = 'registration',
  CompanionLogin = 'companion_login',
  FactorActivation = 'factor_activation',
  FactorChallenge = 'factor_challenge',
  NumberVerification = 'number_verification',
}
