import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, Max, Min, ValidateIf } from 'class-validator';
import { ValidateE164, ValidateToken, ValidateUuid } from '@simauth/http';
import { LoginStatus } from '../companion-login.states';
import { StartedLogin } from '../companion-login.service';
import { LoginView } from '../login-status.service';

export class StartLoginDto {
  @ValidateE164({ description: 'The number the person signs in with' })
  phone_number: string;
}

export class ApproveLoginDto {
  @ApiProperty({
    description: 'The number the web page shows, picked from the three on the phone',
    example: 42,
  })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be a two-digit number' })
  @Max(99, { message: 'must be a two-digit number' })
  match_number: number;
}

export class ApproveWithCodeDto extends ApproveLoginDto {
  @ValidateUuid({ description: 'An ACTIVE authenticator factor of the user' })
  factor_id: string;

  @ValidateToken(16, { description: 'The code the authenticator app shows', example: '123456' })
  code: string;
}

export class LoginCodeDto {
  @ValidateIf((body: LoginCodeDto) => body.check_id !== undefined)
  @ValidateToken(64, {
    description:
      'check_id from the end of the check_url redirects (absent when the code came by SMS)',
  })
  check_id?: string;

  @ValidateIf((body: LoginCodeDto) => body.request_id !== undefined)
  @ValidateToken(64, {
    required: false,
    description:
      "request_id from what the check_url answered (a login whose `provider` is `vonage`: Vonage silent authentication); the login's provider decides which of check_id and request_id it takes",
  })
  request_id?: string;

  // Absent for a login whose `provider` is `twilio` (the phone posts `{}`): the service decides.
  @ValidateIf(
    (body: LoginCodeDto) =>
      body.code !== undefined || body.check_id !== undefined || body.request_id !== undefined,
  )
  @ValidateToken(64, {
    description:
      'code from the end of the check_url redirects, or the code the SMS brought; none for a login whose `provider` is `twilio` (post `{}`)',
    example: '123456',
  })
  code?: string;
}

export class LoginStartedResponse {
  @ApiProperty({ format: 'uuid' })
  login_id: string;

  @ApiProperty({
    description: 'Bearer secret for GET /v1/logins/{id} and its event stream; keep it in the page',
  })
  poll_token: string;

  @ApiProperty({ enum: LoginStatus, example: LoginStatus.Pending })
  status: LoginStatus;

  @ApiProperty({
    description: 'Show this on the page; the person picks it on the phone',
    example: 42,
  })
  match_number: number;

  @ApiProperty({ format: 'date-time' })
  expires_at: string;
}

export class LoginResponse {
  @ApiProperty({ format: 'uuid' })
  login_id: string;

  @ApiProperty({ enum: LoginStatus })
  status: LoginStatus;

  @ApiProperty({ format: 'date-time' })
  expires_at: string;

  @ApiPropertyOptional({
    description: 'ES256 JWT (verify with /.well-known/jwks.json); on MATCH_SUCCESS, delivered once',
  })
  id_token?: string;
}

export class LoginStatusResponse {
  @ApiProperty({ enum: LoginStatus })
  status: LoginStatus;
}

export class ApproveResponse {
  @ApiProperty({ enum: LoginStatus, example: LoginStatus.Approved })
  status: LoginStatus;

  @ApiPropertyOptional({
    description: 'Open on the phone over mobile data; absent when the number was wrong (DENIED)',
  })
  check_url?: string;

  @ApiPropertyOptional({
    enum: ['truid', 'vonage', 'twilio'],
    description:
      'Who made the check_url (SIM_PROOF_PROVIDERS, after any failover): post what it answered to /code, `{check_id, code}` from tru.ID, `{request_id, code}` from Vonage, `{}` after Twilio (its answer is not JSON)',
  })
  provider?: 'truid' | 'vonage' | 'twilio';

  @ApiPropertyOptional({
    enum: ['sms'],
    description:
      'Present when no PhoneCheck can run for the number and a code went out by SMS instead (REGISTRATION_FALLBACK=sms): send it to /code as {code}',
  })
  channel?: 'sms';
}

export class PendingLoginResponse {
  @ApiProperty({ format: 'uuid' })
  login_id: string;

  @ApiProperty({ type: [Number], example: [17, 42, 83] })
  match_numbers: number[];

  @ApiProperty({ format: 'date-time' })
  expires_at: string;

  @ApiPropertyOptional({
    description:
      "A CIBA client's message to show on the phone (point of sale, call centre); a two-digit one is the number to pick",
    example: 'Till 4: pay 12.50',
  })
  binding_message?: string;

  @ApiPropertyOptional({
    description:
      'The app the person signs in to, when an OpenID client started the login (its `client_name`): show it on the phone',
    example: 'Beispiel Shop',
  })
  client_name?: string;

  @ApiProperty({
    enum: ['PENDING', 'APPROVED'],
    description:
      'PENDING: approve or deny it. APPROVED: this phone approved it and has still to open check_url and send the code (e.g. the app restarted)',
  })
  status: string;

  @ApiPropertyOptional({ description: "APPROVED only: the PhoneCheck to finish (tru.ID's)" })
  check_id?: string;

  @ApiPropertyOptional({
    description:
      "APPROVED only: the silent authentication to finish (Vonage's, instead of check_id)",
  })
  request_id?: string;

  @ApiPropertyOptional({ description: 'APPROVED only: the URL to open over mobile data' })
  check_url?: string;

  @ApiPropertyOptional({
    enum: ['truid', 'vonage', 'twilio'],
    description: 'APPROVED only, with check_url: whose check it is',
  })
  provider?: 'truid' | 'vonage' | 'twilio';

  @ApiPropertyOptional({
    enum: ['sms'],
    description: 'APPROVED only, instead of a check: the code came by SMS; send it to /code',
  })
  channel?: 'sms';
}

/** The answer to a started login, on /v1/logins and on the OpenID Provider's login page alike. */
export function toLoginStartedResponse(started: StartedLogin): LoginStartedResponse {
  return {
    login_id: started.login.id,
    poll_token: started.pollToken,
    status: started.login.status,
    match_number: started.matchNumber,
    expires_at: started.login.expiresAt.toISOString(),
  };
}

export function toLoginResponse(view: LoginView): LoginResponse {
  return {
    login_id: view.loginId,
    status: view.status,
    expires_at: view.expiresAt.toISOString(),
    ...(view.idToken ? { id_token: view.idToken } : {}),
  };
}
