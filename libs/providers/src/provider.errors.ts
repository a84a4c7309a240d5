import { DomainError } from '@simauth/http';

/** The provider could not be reached or is overloaded (timeout, network, 5xx, 429): retry later. */
export class ProviderUnavailableError extends DomainError {
  readonly code = 'provider-unavailable' as const;
  constructor(message: string, retryAfterSeconds = 5) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The provider answered, but not as its API promises, or refused our credentials. */
export class ProviderError extends DomainError {
  readonly code = 'provider-error' as const;
  constructor(
    message: string,
    /** A short machine word for the audit trail (e.g. `invalid_grant`). */
    readonly reason = 'provider_error',
  ) {
    super(message);
  }
}

/** The provider cannot check this phone number (its network or country is not supported). */
export class NumberNotSupportedError extends DomainError {
  readonly code = 'number-not-supported' as const;
}

/** The provider has no such check, or the device has not finished its check_url yet (422). */
export class CheckNotFoundError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor(
    message = 'The check is not complete: open check_url on the phone over mobile data first.',
  ) {
    super(message);
  }
}

/** The push token is no longer registered with FCM; it should be forgotten. */
export class DeadPushTokenError extends DomainError {
  readonly code = 'unprocessable' as const;
}
