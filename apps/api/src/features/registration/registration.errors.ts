import { DomainError } from '@simauth/http';

/** The code came with a check_id that is not the one this registration created. */
export class CheckMismatchError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor() {
    super('check_id does not belong to this registration.');
  }
}
