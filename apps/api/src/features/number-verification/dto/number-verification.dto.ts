import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NumberVerificationStatus } from '../number-verification.states';
import { ValidateE164, ValidateToken } from '@simauth/http';

export class StartNumberVerificationDto {
  @ValidateE164({
    description: 'The number to verify, as the device claims it',
    example: '+99012345670',
  })
  phone_number: string;
}

/** The query of the redirect from Vonage's auth server (OIDC: code + state, or error + state). */
export class NumberVerificationCallbackQuery {
  @ValidateToken(256, { description: 'The state of the verification (single use)' })
  state: string;

  @ApiPropertyOptional({ description: 'Authorization code' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(2048, { message: 'must be at most 2048 characters' })
  code?: string;

  @ApiPropertyOptional({ description: 'OIDC error, when the network refused (e.g. access_denied)' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(256, { message: 'must be at most 256 characters' })
  error?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(1024, { message: 'must be at most 1024 characters' })
  error_description?: string;
}

export class NumberVerificationStartedResponse {
  @ApiProperty({ format: 'uuid' })
  verification_id: string;

  @ApiProperty({ description: 'Open on the device over mobile data and follow the redirects' })
  auth_url: string;

  @ApiProperty({ format: 'date-time' })
  expires_at: string;
}

export class NumberVerificationResponse {
  @ApiProperty({ format: 'uuid' })
  verification_id: string;

  @ApiProperty({ enum: NumberVerificationStatus })
  status: NumberVerificationStatus;

  @ApiPropertyOptional({
    description: 'The network says the device holds the number (once decided)',
  })
  device_phone_number_verified?: boolean;

  @ApiPropertyOptional({
    description:
      'On VERIFIED, for a registered number, in the callback answer only: ES256 JWT, amr ["nv"]',
  })
  id_token?: string;
}
