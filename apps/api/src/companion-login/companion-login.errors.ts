import { DomainError } from '@simauth/http';

export class WrongCheckError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor() {
    super('check_id does not belong to this login.');
  }
}

export class CheckNotCompletedError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor() {
    super('The check is not complete: open check_url on the phone over mobile data first.');
  }
}
