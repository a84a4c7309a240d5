import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { FactorChallengeStatus } from '../factor-challenge.states';
import { ValidateToken } from '@simauth/http';

export class CreateFactorDto {
  @ApiProperty({
    enum: ['truid', 'totp'],
    description: 'tru.ID Authenticator, or a local TOTP factor',
  })
  @IsDefined({ message: 'is required' })
  @IsIn(['truid', 'totp'], { message: 'must be truid or totp' })
  type: 'truid' | 'totp';
}

export class FactorCodeDto {
  @ValidateToken(16, {
    description: 'The 6-digit code the authenticator app shows',
    example: '123456',
  })
  code: string;
}

export class CreateChallengeDto {
  @ApiPropertyOptional({
    description: 'Shown to the person where the provider supports it',
    example: 'Confirm the transfer',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  message?: string;
}

export class FactorCreatedResponse {
  @ApiProperty({ format: 'uuid' }) factor_id: string;
  @ApiProperty({ example: 'PENDING' }) status: string;
  @ApiProperty({ description: 'PNG QR code of otpauth_url, as a data URL' }) qr_data_url: string;
  @ApiProperty({ description: 'otpauth:// URI for manual entry' }) otpauth_url: string;
}

export class FactorResponse {
  @ApiProperty({ format: 'uuid' }) factor_id: string;
  @ApiProperty({ enum: ['truid', 'totp'] }) type: string;
  @ApiProperty({ enum: ['PENDING', 'ACTIVE', 'INACTIVE'] }) status: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class FactorStatusResponse {
  @ApiProperty({ example: 'ACTIVE' }) status: string;
}

export class ChallengeResponse {
  @ApiProperty({ format: 'uuid' }) challenge_id: string;
  @ApiProperty({ enum: FactorChallengeStatus }) status: FactorChallengeStatus;
}

export class ChallengeViewResponse {
  @ApiProperty({ format: 'uuid' }) challenge_id: string;
  @ApiProperty({ enum: FactorChallengeStatus }) status: FactorChallengeStatus;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
}

export class ChallengeStatusResponse {
  @ApiProperty({ enum: FactorChallengeStatus }) status: FactorChallengeStatus;
}
