import { DomainError } from '@simauth/http';

export class AttemptNotFoundError extends DomainError {
  readonly code = 'attempt-not-found' as const;
  constructor(readonly attemptId: string) {
    super(`No attempt ${attemptId} of this kind exists.`);
  }
}

export class AttemptExpiredError extends DomainError {
  readonly code = 'attempt-expired' as const;
  constructor(
    readonly attemptId: string,
    readonly expiredAt: Date,
  ) {
    super('This attempt has expired; start a new one.');
  }
  extensions() {
    return { expired_at: this.expiredAt.toISOString() };
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid-transition' as const;
  constructor(
    readonly attemptId: string,
    readonly currentStatus: string,
    readonly requestedStatus: string,
  ) {
    super(`The attempt is ${currentStatus}; it cannot become ${requestedStatus}.`);
  }
  extensions() {
    return { current_status: this.currentStatus };
  }
}

/** Another request holds the lease on this attempt's in-flight step; retry after it lapses. */
export class StepInProgressError extends InvalidTransitionError {
  constructor(attemptId: string, currentStatus: string, requestedStatus: string, leaseUntil: Date) {
    super(attemptId, currentStatus, requestedStatus);
    this.message = `The attempt is ${currentStatus} and another request is working on it; retry after Retry-After seconds.`;
    this.retryAfterSeconds = Math.max(1, Math.ceil((leaseUntil.getTime() - Date.now()) / 1000));
  }
}
