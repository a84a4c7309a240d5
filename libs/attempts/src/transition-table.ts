import {
  Actor,
  AttemptKind,
  FactorActivationStatus as FA,
  FactorChallengeStatus as FC,
  LoginStatus as L,
  NumberVerificationStatus as NV,
  RegistrationStatus as R,
  StatusOf,
} from './attempt-kind';

export interface Move<S extends string> {
  from: S[];
  to: S;
  by: Actor[];
  /**
   * The move ends a live attempt before its deadline (an operator blocking its user). Any other
   * move to EXPIRED is the deadline's, and waits for it to pass.
   */
  beforeDeadline?: true;
}

export interface TransitionTable<S extends string> {
  initial: S;
  /** Other statuses an attempt may be created in (another way of proving the same thing). */
  alsoInitial?: S[];
  final: S[];
  moves: Move<S>[];
  /**
   * In-flight statuses: a provider call follows the move into them, under a lease. When the lease
   * lapses (the process died mid-call, or its database went away), the system moves the attempt
   * back to the status given here, from which the step can be taken again.
   */
  interrupted?: Partial<Record<S, S>>;
}

/** A PhoneCheck at registration: the device submits the code, the provider's answer decides. */
export const REGISTRATION_TABLE: TransitionTable<R> = {
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

/** Web login approved on the registered phone, then proven by a PhoneCheck. */
export const COMPANION_LOGIN_TABLE: TransitionTable<L> = {
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

/** Enrolment of an authenticator factor, finished by a first valid code. */
export const FACTOR_ACTIVATION_TABLE: TransitionTable<FA> = {
  initial: FA.Pending,
  final: [FA.Active, FA.Expired],
  moves: [
    { from: [FA.Pending], to: FA.Active, by: ['user'] },
    { from: [FA.Pending], to: FA.Expired, by: ['system'] },
  ],
};

/** One challenge on an active factor, answered by a code or a provider callback. */
export const FACTOR_CHALLENGE_TABLE: TransitionTable<FC> = {
  initial: FC.Pending,
  final: [FC.Verified, FC.Failed, FC.Expired],
  moves: [
    { from: [FC.Pending], to: FC.Verified, by: ['user', 'device', 'provider'] },
    { from: [FC.Pending], to: FC.Failed, by: ['user', 'device', 'provider'] },
    { from: [FC.Pending], to: FC.Expired, by: ['system', 'provider'] },
  ],
};

/** Vonage Network Enablement auth URL, then CAMARA Number Verification. */
export const NUMBER_VERIFICATION_TABLE: TransitionTable<NV> = {
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

export const TRANSITION_TABLES: { [K in AttemptKind]: TransitionTable<StatusOf<K>> } = {
  [AttemptKind.Registration]: REGISTRATION_TABLE,
  [AttemptKind.CompanionLogin]: COMPANION_LOGIN_TABLE,
  [AttemptKind.FactorActivation]: FACTOR_ACTIVATION_TABLE,
  [AttemptKind.FactorChallenge]: FACTOR_CHALLENGE_TABLE,
  [AttemptKind.NumberVerification]: NUMBER_VERIFICATION_TABLE,
};

/** The statuses from which `actor` may move an attempt of `kind` to `to` (empty: never). */
export function allowedSources<K extends AttemptKind>(
  kind: K,
  to: StatusOf<K>,
  actor: Actor,
): StatusOf<K>[] {
  const table = TRANSITION_TABLES[kind] as TransitionTable<string>;
  return table.moves
    .filter((m) => m.to === to && m.by.includes(actor))
    .flatMap((m) => m.from) as StatusOf<K>[];
}

/** Whether `actor`'s move of an attempt of `kind` to `to` may come before the deadline. */
export function movesBeforeDeadline<K extends AttemptKind>(
  kind: K,
  to: StatusOf<K>,
  actor: Actor,
): boolean {
  const table = TRANSITION_TABLES[kind] as TransitionTable<string>;
  return table.moves.some((m) => m.to === to && m.by.includes(actor) && m.beforeDeadline);
}

/** Where the system returns an attempt of `kind` whose in-flight step in `status` was interrupted. */
export function interruptedStepReturnsTo<K extends AttemptKind>(
  kind: K,
  status: StatusOf<K>,
): StatusOf<K> | undefined {
  return (TRANSITION_TABLES[kind] as TransitionTable<string>).interrupted?.[status] as
    StatusOf<K> | undefined;
}

export function isFinal<K extends AttemptKind>(kind: K, status: StatusOf<K>): boolean {
  return (TRANSITION_TABLES[kind] as TransitionTable<string>).final.includes(status);
}

/** The table drawn as a mermaid state diagram; committed beside the tables and checked by a test. */
export function toMermaid(table: TransitionTable<string>): string {
  const lines = ['stateDiagram-v2', `    [*] --> ${table.initial}`];
  for (const also of table.alsoInitial ?? []) lines.push(`    [*] --> ${also}`);
  for (const move of table.moves) {
    for (const from of move.from) lines.push(`    ${from} --> ${move.to}: ${move.by.join(', ')}`);
  }
  for (const status of table.final) lines.push(`    ${status} --> [*]`);
  return lines.join('\n') + '\n';
}
