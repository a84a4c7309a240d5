import { DomainError } from '@simauth/http';

export class WrongCheckError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor() {
    super('check_id does not belong to this login.');
  }
}
