import { FieldError, ProblemCode } from './problems';

/**
 * Base of every error a service throws on purpose. The message becomes the problem's `detail`,
 * so it must never hold a secret, a token or a code. `extensions` adds members to the body.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ProblemCode;
  /** Seconds, sent as Retry-After (429, 503). */
  retryAfterSeconds?: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  extensions(): Record<string, unknown> {
    return {};
  }
}

export class RequestValidationError extends DomainError {
  readonly code = 'validation-error' as const;
  constructor(readonly errors: FieldError[]) {
    super(`Invalid ${[...new Set(errors.map((e) => e.field))].join(', ')}`);
  }
  extensions() {
    return { errors: this.errors };
  }
}

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized' as const;
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden' as const;
}

export class NotFoundError extends DomainError {
  readonly code = 'not-found' as const;
}

export class ConflictError extends DomainError {
  readonly code = 'conflict' as const;
}

export class UnprocessableError extends DomainError {
  readonly code = 'unprocessable' as const;
}

export class RateLimitedError extends DomainError {
  readonly code = 'rate-limited' as const;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
