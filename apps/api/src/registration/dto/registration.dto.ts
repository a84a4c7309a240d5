import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ValidateE164, ValidateToken } from '@simauth/http';
import { Attempt, RegistrationStatus } from '@simauth/attempts';

export class CreateRegistrationDto {
  @ValidateE164({ description: 'The number of the SIM in this phone' })
  phone_number: string;

  @ValidateToken(128, {
    description: "The app's own stable id for this install",
    example: 'ios-6f1c2a',
  })
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'may hold letters, digits and . _ : - only' })
  device_id: string;
}

export class SubmitCodeDto {
  @ValidateToken(64, {
    description: 'check_id from the end of the check_url redirects',
    example: 'c69bc0e6a2b44e7f9b2b1d3a4c5e6f70',
  })
  check_id: string;

  @ValidateToken(64, {
    description: 'code from the end of the check_url redirects',
    example: '123456',
  })
  code: string;
}

export class RegistrationCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  registration_id: string;

  @ApiProperty({
    description: 'Open on the phone over mobile data, follow redirects; ends in {check_id, code}',
  })
  check_url: string;

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
