import { applyDecorators, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateBy } from 'class-validator';
import { ParseError, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { RequestValidationError } from './domain-error';

/** E.164: a plus, a non-zero country digit, 8 to 15 digits in all; ASCII digits only. */
export const E164_PATTERN = /^\+[1-9][0-9]{7,14}$/;
/** A UUID (any version), as our ids are. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const E164_MESSAGE = 'must be an E.164 phone number with a leading + (e.g. +447700900001)';

const IMPOSSIBLE_MESSAGE =
  'is not a possible phone number for its country code (check the code and the length)';

/**
 * The one canonical E.164 form of a phone number (libphonenumber, full metadata): a national
 * prefix written after the country code goes (`+4407700900011` is `+447700900011`); undefined
 * for what cannot be a phone number. A country code the metadata does not know (+990, the Vonage
 * Virtual Operator's test range) is kept as written.
 */
export function canonicalE164(value: string): string | undefined {
  if (!E164_PATTERN.test(value)) return undefined;
  // One request asks up to three times (its rate limit, the DTO's transform and its validator):
  // the answers of recent numbers are kept, so a number is parsed once.
  const known = RECENT_NUMBERS.get(value);
  if (known !== undefined) return known || undefined;
  let canonical: string | undefined;
  try {
    const number = parsePhoneNumberWithError(value);
    canonical = number.isPossible() ? number.number : undefined;
  } catch (err) {
    canonical = err instanceof ParseError && err.message === 'INVALID_COUNTRY' ? value : undefined;
  }
  if (RECENT_NUMBERS.size >= RECENT_NUMBERS_KEPT) {
    RECENT_NUMBERS.delete(RECENT_NUMBERS.keys().next().value!);
  }
  RECENT_NUMBERS.set(value, canonical ?? '');
  return canonical;
}

/** canonicalE164's recent answers ('' for none), oldest first; at most RECENT_NUMBERS_KEPT. */
const RECENT_NUMBERS = new Map<string, string>();
const RECENT_NUMBERS_KEPT = 1024;

/**
 * A request field holding a phone number: E.164, possible for its country, and turned into its
 * canonical form before anything else sees it. Validated and documented in one place.
 */
export function ValidateE164(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({
      example: '+447700900001',
      pattern: E164_PATTERN.source,
      ...options,
    } as ApiPropertyOptions),
    Transform(({ value }) => (typeof value === 'string' ? (canonicalE164(value) ?? value) : value)),
    ValidateBy({
      name: 'isPhoneNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && canonicalE164(value) === value,
        defaultMessage: (args) =>
          typeof args?.value === 'string' && E164_PATTERN.test(args.value)
            ? IMPOSSIBLE_MESSAGE
            : E164_MESSAGE,
      },
    }),
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
