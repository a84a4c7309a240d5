import { SimProofProviderName } from '@simauth/config';
import { RequestValidationError } from '@simauth/http';
import { Failover } from './provider-failover';

/**
 * The SIM-proof provider of an attempt's check, from the name the attempt stored with it; an
 * attempt from before SIM_PROOF_PROVIDERS (none stored) is tru.ID's.
 */
export function simProofProviderOf(stored: unknown): SimProofProviderName {
  return stored === 'vonage' || stored === 'twilio' ? stored : 'truid';
}

/** What a phone posts to a registration's or a login's /code: what its check URL answered. */
export interface PostedCheck {
  check_id?: string;
  request_id?: string;
  code?: string;
}

/** Whose /code it is, as the 400s name it. */
type Subject = 'registration' | 'login';

/** The field that names a check, by the provider whose check URL answers with it. */
const REFERENCE_FIELD = { truid: 'check_id', vonage: 'request_id' } as const;
const SEND = { truid: "tru.ID's: send check_id", vonage: "Vonage's: send request_id" } as const;

/**
 * Reads the check's reference from what was posted, as the provider of the check asks: tru.ID
 * takes `check_id`, Vonage `request_id` (`value` undefined when it was not posted), Twilio SNA
 * nothing (null: its SNA URL answers text, so the phone posts `{}` and Twilio is asked by the
 * number). Another provider's reference, or for Twilio any reference or code, is a 400 naming
 * the field: it is never sent to a provider.
 */
export function postedReference(
  provider: SimProofProviderName,
  posted: PostedCheck,
  subject: Subject,
): { field: 'check_id' | 'request_id'; value: string | undefined } | null {
  if (provider === 'twilio') {
    for (const field of ['check_id', 'request_id', 'code'] as const) {
      if (posted[field] !== undefined)
        throw new RequestValidationError([
          {
            field,
            message: `is not for this ${subject}: its SIM check is Twilio's (Silent Network Auth), which has none: send {}`,
          },
        ]);
    }
    return null;
  }
  const other = provider === 'vonage' ? 'check_id' : 'request_id';
  if (posted[other] !== undefined)
    throw new RequestValidationError([
      { field: other, message: `is not for this ${subject}: its SIM check is ${SEND[provider]}` },
    ]);
  const field = REFERENCE_FIELD[provider];
  return { field, value: posted[field] };
}

/** The 400 of a check's /code posted without `field`, the reference its provider gave. */
export function referenceRequired(
  field: 'check_id' | 'request_id',
  subject: Subject,
): RequestValidationError {
  return new RequestValidationError([
    {
      field,
      message:
        field === 'request_id'
          ? `is required: this ${subject}'s SIM check is Vonage silent authentication`
          : `is required: this ${subject}'s proof is a PhoneCheck`,
    },
  ]);
}

/**
 * The providers that handed a proof (or a SIM-swap check) on, and why, as the attempt's audit
 * event says it (`truid unavailable, vonage not supported`).
 */
export function failoversText(failovers: readonly Failover<string>[]): string {
  return failovers.map((f) => `${f.provider} ${f.cause.replace('_', ' ')}`).join(', ');
}
