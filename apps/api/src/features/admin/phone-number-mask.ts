import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { Readable } from 'node:stream';
import { Observable, map } from 'rxjs';
import { ADMIN_PHONE_NUMBERS_SCOPE } from '../../platform/operator-access/admin-tokens';
import type { AdminCaller } from './admin-auth.guard';

/**
 * A phone number as the admin API shows it without the phone-number scope: the country code and
 * the last two digits (`+44********01`), enough to tell numbers apart in an investigation.
 */
export function maskPhoneNumber(phoneNumber: string): string {
  let countryCode: string;
  try {
    countryCode = parsePhoneNumberWithError(phoneNumber).countryCallingCode;
  } catch {
    countryCode = phoneNumber.slice(1, 2);
  }
  const rest = phoneNumber.slice(1 + countryCode.length);
  return `+${countryCode}${'*'.repeat(Math.max(rest.length - 2, 0))}${rest.slice(-2)}`;
}

/** Whether this admin caller sees phone numbers in full (its token has the scope). */
export function seesPhoneNumbers(caller: AdminCaller | undefined): boolean {
  return !!caller?.scopes.includes(ADMIN_PHONE_NUMBERS_SCOPE);
}

/** `value` with every `phone_number` field, at any depth, masked. */
export function maskPhoneNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPhoneNumbers);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === 'phone_number' && typeof field === 'string'
        ? maskPhoneNumber(field)
        : maskPhoneNumbers(field),
    ]),
  );
}

/**
 * Masks the phone numbers of every admin answer unless the caller's token has
 * simauth:admin:phone_numbers: one rule for every route, present and future (the audit export,
 * a stream, masks its lines with the same function).
 */
@Injectable()
export class MaskPhoneNumbersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const caller = context
      .switchToHttp()
      .getRequest<FastifyRequest & { admin?: AdminCaller }>().admin;
    if (seesPhoneNumbers(caller)) return next.handle();
    // A stream (the audit export) masks its own lines.
    return next
      .handle()
      .pipe(map((answer) => (answer instanceof Readable ? answer : maskPhoneNumbers(answer))));
  }
}
