import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { ValidateE164, ValidateToken } from '@simauth/http';
import { Attempt } from '@simauth/attempts';
import { ValidateDeviceLocale } from '../../../platform/identity/dto/device-locale';
import { RegistrationStatus } from '../registration.states';

export class CreateRegistrationDto {
  @ValidateE164({ description: 'The number of the SIM in this phone' })
  phone_number: string;

  @ValidateToken(128, {
    description: "The app's own stable id for this install",
    example: 'ios-6f1c2a',
  })
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'may hold letters, digits and . _ : - only' })
  device_id: string;

  @ApiPropertyOptional({
    enum: ['phone_check', 'sms'],
    description:
      'How to prove the number. `phone_check` (default) falls back to `sms` by itself where PhoneCheck cannot run for the number (REGISTRATION_FALLBACK=sms); ask for `sms` when GET /v1/coverage said the phone cannot (e.g. on Wi-Fi only)',
  })
  @IsOptional()
  @IsIn(['phone_check', 'sms'], { message: 'must be phone_check or sms' })
  channel?: 'phone_check' | 'sms';

  @ValidateDeviceLocale()
  locale?: string;
}

export class SubmitCodeDto {
  // With an `error` and no reference, the service asks for the one the registration's provider gives.
  @ValidateIf((body: SubmitCodeDto) => body.check_id !== undefined)
  @ValidateToken(64, {
    description:
      'check_id from the end of the check_url redirects (a registration whose `provider` is `truid`; absent for an SMS one)',
    example: 'c69bc0e6a2b44e7f9b2b1d3a4c5e6f70',
  })
  check_id?: string;

  @ValidateIf((body: SubmitCodeDto) => body.request_id !== undefined)
  @ValidateToken(64, {
    required: false,
    description:
      "request_id from what the check_url answered, with its code (a registration whose `provider` is `vonage`: Vonage silent authentication); the registration's provider decides which of check_id and request_id it takes",
    example: 'c11236f4-00bf-4b89-84ba-88b25df97315',
  })
  request_id?: string;

  // Absent too for a Twilio SNA registration, whose phone posts `{}` (the service decides).
  @ValidateIf(
    (body: SubmitCodeDto) =>
      body.error === undefined &&
      (body.code !== undefined || body.check_id !== undefined || body.request_id !== undefined),
  )
  @ValidateToken(64, {
    description:
      'code from the end of the check_url redirects (absent when they ended in `error`), or the code the SMS brought; none for a registration whose `provider` is `twilio` (post `{}`)',
    example: '123456',
  })
  code?: string;

  @ApiPropertyOptional({
    description:
      "The error the check_url redirects ended with instead of a code (e.g. tru.ID's `not_mobile_ip` on Wi-Fi, with its check_id; Vonage's `network-error`, the fragment of its problem's `type`, alone): the registration ends PROVIDER_ERROR",
    example: 'not_mobile_ip',
  })
  @ValidateIf((body: SubmitCodeDto) => body.error !== undefined)
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be an error code such as not_mobile_ip' })
  @ValidateBy({
    name: 'notWithCode',
    validator: {
      validate: (_: unknown, args) => (args?.object as SubmitCodeDto).code === undefined,
      defaultMessage: () => 'must not be sent with code: the check ended in one or the other',
    },
  })
  error?: string;

  @ApiPropertyOptional({ description: "The provider's description of that error; not stored" })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(512, { message: 'must be at most 512 characters' })
  error_description?: string;
}

export class RegistrationCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  registration_id: string;

  @ApiPropertyOptional({
    description:
      'Open on the phone over mobile data, follow redirects; ends in {check_id, code} (tru.ID) or {request_id, code} (Vonage), which the phone posts to /code as it is; the SNA URL of Twilio answers text (`ErrorCode=0&…`), and the phone posts `{}`. Absent when the code went by SMS',
  })
  check_url?: string;

  @ApiPropertyOptional({
    enum: ['sms'],
    description:
      'Present when the code went out by SMS (status CODE_SENT): post it to /code as {code}',
  })
  channel?: 'sms';

  @ApiPropertyOptional({
    enum: ['truid', 'vonage', 'twilio'],
    description:
      'Who made the check_url (SIM_PROOF_PROVIDERS, after any failover): post what it answered to /code, `{check_id, code}` from tru.ID, `{request_id, code}` from Vonage, `{}` after Twilio (its answer is not JSON). Absent when the code went by SMS',
  })
  provider?: 'truid' | 'vonage' | 'twilio';

  @ApiProperty({ enum: RegistrationStatus, example: RegistrationStatus.CheckCreated })
  status: RegistrationStatus;

  @ApiProperty({ format: 'date-time' })
  expires_at: string;
}

export class RegistrationResponse {
  @ApiProperty({ format: 'uuid' })
  registration_id: string;

  @ApiProperty({ enum: RegistrationStatus })
  status: RegistrationStatus;

  @ApiProperty({ format: 'date-time' })
  expires_at: string;
}

export class RegistrationCodeResponse {
  @ApiProperty({ enum: RegistrationStatus, example: RegistrationStatus.MatchSuccess })
  status: RegistrationStatus;

  @ApiProperty({ description: 'Whether the SIM in the phone holds the registered number' })
  match: boolean;

  @ApiPropertyOptional({
    description:
      'The device credential, on MATCH_SUCCESS only, shown once: send it as Bearer on device calls',
  })
  device_token?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'On MATCH_SUCCESS only: the user simauth knows this phone number as (the `sub` of its id_tokens, the `user_id` of webhooks and the admin API); the same for every device of the number',
  })
  user_id?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "On MATCH_SUCCESS only: this device as simauth knows it (the `device_id` of `device.revoked` and the admin API), not the app's own `device_id` sent to POST /v1/registrations; the same on a re-registration of that install",
  })
  device_id?: string;
}

export class CoverageResponse {
  @ApiProperty({ description: "Whether the caller's mobile network supports a PhoneCheck" })
  phone_check_supported: boolean;

  @ApiPropertyOptional({ example: 'Sandbox Mobile' })
  network_name?: string;
}

export function toRegistrationResponse(attempt: Attempt<RegistrationStatus>): RegistrationResponse {
  return {
    registration_id: attempt.id,
    status: attempt.status,
    expires_at: attempt.expiresAt.toISOString(),
  };
}
