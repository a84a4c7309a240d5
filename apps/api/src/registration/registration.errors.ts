import { DomainError } from '@simauth/http';

/** The code came with a check_id that is not the one this registration created. */
export class CheckMismatchError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor() {
    super('check_id does not belong to this registration.');
  }
}

/** The device has not finished the check_url flow yet. */
export class CheckNotCompletedError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor() {
    super('The check is not complete: open check_url on the phone over mobile data first.');
  }
}
