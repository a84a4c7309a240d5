import { applyDecorators, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { RequestValidationError } from './domain-error';

/** E.164: a plus, a non-zero country digit, 8 to 15 digits in all; ASCII digits only. */
export const E164_PATTERN = /^\+[1-9][0-9]{7,14}$/;
/** A UUID (any version), as our ids are. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const E164_MESSAGE = 'must be an E.164 phone number with a leading + (e.g. +447700900001)';

/** A request field holding an E.164 phone number, validated and documented in one place. */
export function ValidateE164(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({
      example: '+447700900001',
      pattern: E164_PATTERN.source,
      ...options,
    } as ApiPropertyOptions),
    IsString({ message: E164_MESSAGE }),
    Matches(E164_PATTERN, { message: E164_MESSAGE }),
  );
}

/** A request field holding a UUID. */
export function ValidateUuid(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ format: 'uuid', ...options } as ApiPropertyOptions),
    IsDefined({ message: 'is required' }),
    IsUUID('all', { message: 'must be a UUID' }),
  );
}

/** A short required string (ids and codes from providers and devices). */
export function ValidateToken(maxLength: number, options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty(options),
    IsDefined({ message: 'is required' }),
    IsString({ message: 'must be a string' }),
    IsNotEmpty({ message: 'must not be empty' }),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
  );
}

/** A UUID route parameter; anything else is a 400 naming the parameter. */
export function UuidParam(name = 'id') {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new RequestValidationError([{ field: name, message: 'must be a UUID' }]),
    }),
  );
}
