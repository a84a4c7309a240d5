import { ValidateE164 } from '@simauth/http';

export class FindUserQuery {
  @ValidateE164({
    description: "The user's number, in any E.164 spelling (found in its canonical form)",
  })
  phone_number: string;
}
