import { applyDecorators, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateBy } from 'class-validator';
import {
  CountryCode,
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { RequestValidationError } from './domain-error';

/** E.164: a plus, a non-zero country digit, 8 to 15 digits in all; ASCII digits only. */
const E164_PATTERN = /^\+[1-9][0-9]{7,14}$/;
/** A UUID (any version), as our ids are. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164_MESSAGE = 'must be an E.164 phone number with a leading + (e.g. +447700900001)';

/**
 * Why a phone number is refused, as a field error's `reason`: libphonenumber's parse errors, and
 * INVALID_NUMBER for a number of a possible length in no range its country allocates.
 */
export type PhoneNumberReason =
  | 'NOT_A_NUMBER'
  | 'INVALID_COUNTRY'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'INVALID_LENGTH'
  | 'INVALID_NUMBER';

/** What each reason says after the field's name; one message per reason (see phoneNumberReasonOf). */
export const PHONE_NUMBER_MESSAGES: Readonly<Record<PhoneNumberReason, string>> = {
  NOT_A_NUMBER: E164_MESSAGE,
  INVALID_COUNTRY: 'starts with no country calling code in use (check the digits after the +)',
  TOO_SHORT: 'is too short for a number of its country calling code',
  TOO_LONG: 'is too long for a number of its country calling code',
  INVALID_LENGTH: 'has a number of digits that no number of its country calling code has',
  INVALID_NUMBER: 'is in no range its country allocates: no phone can have this number',
};

export const PHONE_NUMBER_REASONS = Object.keys(PHONE_NUMBER_MESSAGES) as PhoneNumberReason[];

/** The reason of a phone number field error, from its message; undefined for any other message. */
export function phoneNumberReasonOf(message: string): PhoneNumberReason | undefined {
  return PHONE_NUMBER_REASONS.find((reason) => PHONE_NUMBER_MESSAGES[reason] === message);
}

/** Which numbers an app accepts beyond those a phone can have: a setting of the app, not global. */
export interface PhoneNumberPolicy {
  /**
   * The provider sandbox's test numbers: the UK block +447700900000–+447700999999 and
   * Vonage's +990 Virtual Operator numbers, which no phone has. Only while the sandbox serves
   * the providers; a deployment on real providers refuses them like any impossible number.
   */
  sandboxTestNumbers: boolean;
}

/** The policy of a deployment on real providers: only numbers a phone can have. */
export const REAL_NUMBERS_ONLY: PhoneNumberPolicy = Object.freeze({ sandboxTestNumbers: false });

type PhoneNumberVerdict =
  | { number: string; reason?: undefined; message?: undefined }
  | { number?: undefined; reason: PhoneNumberReason; message: string };

/** What a written number is, whatever the policy (kept for recent numbers: see classify). */
interface Classification {
  /** The canonical E.164 form, for a number of a possible length or an unknown country code. */
  canonical?: string;
  /** Why no phone can have it (unset: a valid number). */
  reason?: PhoneNumberReason;
  /** One of the sandbox's test numbers (then reason says why a real network would refuse it). */
  sandboxTestNumber: boolean;
}

/**
 * The sandbox's UK block, 07700 900000–999999 (unallocated; 900000–900999 is Ofcom's range for
 * drama), and Vonage's Virtual Operator numbers (+990, a code no country has).
 */
const SANDBOX_UK_BLOCK = /^\+4477009\d{5}$/;
const SANDBOX_VONAGE = /^\+990\d{5,12}$/;

/**
 * Classifies a written number with libphonenumber's full metadata. One request asks up to three
 * times (its rate limit, the DTO's transform and its validator): the answers for recent numbers
 * are kept, so a number is parsed once.
 */
function classify(value: string): Classification {
  // What is not a + and at most 15 digits (E.164's most, whatever the country) is answered at
  // once and not kept: a body may hold a 16 KiB string.
  if (!/^\+[0-9]{1,15}$/.test(value)) return /^\+[0-9]+$/.test(value) ? TOO_LONG : NOT_A_NUMBER;
  const known = RECENT_NUMBERS.get(value);
  if (known) return known;
  const found = classifyAnew(value);
  if (RECENT_NUMBERS.size >= RECENT_NUMBERS_KEPT) {
    RECENT_NUMBERS.delete(RECENT_NUMBERS.keys().next().value!);
  }
  RECENT_NUMBERS.set(value, found);
  return found;
}

const NOT_A_NUMBER: Classification = { reason: 'NOT_A_NUMBER', sandboxTestNumber: false };
const TOO_LONG: Classification = { reason: 'TOO_LONG', sandboxTestNumber: false };

function classifyAnew(value: string): Classification {
  const lengthReason = validatePhoneNumberLength(value) as PhoneNumberReason | undefined;
  if (lengthReason) {
    return {
      // A country code the metadata does not know is kept as written (the sandbox's +990…).
      canonical: lengthReason === 'INVALID_COUNTRY' && E164_PATTERN.test(value) ? value : undefined,
      reason: lengthReason in PHONE_NUMBER_MESSAGES ? lengthReason : 'NOT_A_NUMBER',
      sandboxTestNumber: SANDBOX_VONAGE.test(value),
    };
  }
  try {
    const number = parsePhoneNumberWithError(value);
    // Our own floor: E.164_PATTERN's 8 digits (a few territories have shorter numbers).
    if (!E164_PATTERN.test(number.number)) return { reason: 'TOO_SHORT', sandboxTestNumber: false };
    return {
      canonical: number.number,
      reason: number.isValid() ? undefined : 'INVALID_NUMBER',
      sandboxTestNumber: SANDBOX_UK_BLOCK.test(number.number),
    };
  } catch (err) {
    return { reason: parseErrorReason(err), sandboxTestNumber: false };
  }
}

/** classify's recent answers, oldest first; at most RECENT_NUMBERS_KEPT. */
const RECENT_NUMBERS = new Map<string, Classification>();
const RECENT_NUMBERS_KEPT = 1024;

/**
 * What `value` is as a phone number under `policy`: its canonical E.164 form (a national prefix
 * written after the country code goes: `+4407700900011` is `+447700900011`), or why no phone can
 * have it. The one check of every entry point: request bodies and queries (ValidateE164), the
 * CIBA login_hint and the admin searches.
 */
export function checkPhoneNumber(value: unknown, policy: PhoneNumberPolicy): PhoneNumberVerdict {
  if (typeof value !== 'string') return refused('NOT_A_NUMBER');
  const found = classify(value);
  if (found.canonical && (!found.reason || (found.sandboxTestNumber && policy.sandboxTestNumbers)))
    return { number: found.canonical };
  return refused(found.reason ?? 'NOT_A_NUMBER');
}

/** What people put between a number's digits: spaces, dots, dashes, slashes and parentheses. */
const SEPARATORS = /[\s.\-/()\u00a0]/g;

/**
 * What a number written as people write it is: `+44 7700 900001`, or, when `region` (ISO 3166
 * alpha-2, one libphonenumber knows) is given, the national `07700 900001` or the international
 * dialling `00 44 7700 900001`. Turned into E.164 and then judged by checkPhoneNumber, the check
 * of every entry point, sandbox numbers included. Only the login page's own route takes this: the
 * API's fields stay E.164 (ValidateE164).
 */
export function checkWrittenPhoneNumber(
  value: unknown,
  policy: PhoneNumberPolicy,
  region?: string,
): PhoneNumberVerdict {
  if (typeof value !== 'string' || value.length > 40) return refused('NOT_A_NUMBER');
  const digits = value.replace(SEPARATORS, '');
  if (digits.startsWith('+') || !region || !isSupportedCountry(region))
    return checkPhoneNumber(digits, policy);
  if (!/^[0-9]{1,20}$/.test(digits)) return refused('NOT_A_NUMBER');
  try {
    return checkPhoneNumber(
      parsePhoneNumberWithError(digits, { defaultCountry: region as CountryCode }).number,
      policy,
    );
  } catch (err) {
    return refused(parseErrorReason(err));
  }
}

/** libphonenumber-js's ParseError as one of our reasons; anything else is NOT_A_NUMBER. */
function parseErrorReason(err: unknown): PhoneNumberReason {
  const reason = err instanceof ParseError ? (err.message as PhoneNumberReason) : 'NOT_A_NUMBER';
  return reason in PHONE_NUMBER_MESSAGES ? reason : 'NOT_A_NUMBER';
}

const refused = (reason: PhoneNumberReason): PhoneNumberVerdict => ({
  reason,
  message: PHONE_NUMBER_MESSAGES[reason],
});

/**
 * The canonical E.164 form of a number of a possible length, valid or not (a country code the
 * metadata does not know is kept as written); undefined for what cannot be a phone number. The
 * form a request's number takes before it is validated; acceptance is checkPhoneNumber's.
 */
function canonicalE164(value: string): string | undefined {
  return classify(value).canonical;
}

/**
 * The policy of the validation under way: set by the app's validation pipe around class-validator's
 * validate(), which runs synchronous validators before it returns, and restored right after. So it
 * is one app's setting for one synchronous call, never shared by two apps in one process; outside
 * a pipe (class-validator called directly) only real numbers pass. No AsyncLocalStorage: see
 * RequestId.
 */
let validatingWith: PhoneNumberPolicy = REAL_NUMBERS_ONLY;

/** Runs `validate` (class-validator's, synchronous up to its promise) with `policy`'s numbers. */
export function withPhoneNumberPolicy<T>(policy: PhoneNumberPolicy, validate: () => T): T {
  const outer = validatingWith;
  validatingWith = policy;
  try {
    return validate();
  } finally {
    validatingWith = outer;
  }
}

/**
 * A request field holding a phone number: E.164, a number a phone can have (full metadata; the
 * sandbox's test numbers too while the app's policy allows them), and turned into its canonical
 * form before anything else sees it. A refusal's message says why; its reason is in the field
 * error (see phoneNumberReasonOf). Validated and documented in one place.
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
        validate: (value: unknown) => checkPhoneNumber(value, validatingWith).number === value,
        defaultMessage: (args) =>
          checkPhoneNumber(args?.value, validatingWith).message ?? E164_MESSAGE,
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
