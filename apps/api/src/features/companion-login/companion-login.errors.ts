import { DomainError } from '@simauth/http';

export class WrongCheckError extends DomainError {
  readonly code = 'unprocessable' as const;
  constructor() {
    super('check_id does not belong to this login.');
  }
}

/** SIM_SWAP_POLICY=step_up found a recent swap: the phone approves with a factor's code instead. */
export class StepUpRequiredError extends DomainError {
  readonly code = 'step-up-required' as const;
  constructor() {
    super(
      "This number's SIM changed recently: approve with a code of one of your authenticator factors (POST /v1/logins/{id}/approve-with-code).",
    );
  }
}
