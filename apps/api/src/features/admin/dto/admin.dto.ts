import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AttemptKind } from '../../attempt-kind';
import { FactorActivationStatus } from '../../authenticators/factor-activation.states';
import { FactorChallengeStatus } from '../../authenticators/factor-challenge.states';
import { LoginStatus } from '../../companion-login/companion-login.states';
import { NumberVerificationStatus } from '../../number-verification/number-verification.states';
import { RegistrationStatus } from '../../registration/registration.states';
import { ValidateE164 } from '@simauth/http';
import { WEBHOOK_EVENT_TYPES } from '../../../platform/webhooks/webhook-events';
import { CURSOR_PATTERN } from '../audit-trail';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value;

const STATUSES = [
  ...new Set<string>([
    ...Object.values(RegistrationStatus),
    ...Object.values(LoginStatus),
    ...Object.values(FactorActivationStatus),
    ...Object.values(FactorChallengeStatus),
    ...Object.values(NumberVerificationStatus),
  ]),
].sort();

/** A page cursor handed out as `next_cursor`: opaque, base64url. */
const PAGE_CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

export class FindUserQuery {
  @ValidateE164({
    description: "The user's number, in any E.164 spelling (found in its canonical form)",
  })
  phone_number: string;
}

export class EventsQuery {
  @ApiPropertyOptional({
    description:
      'Start after this event: the `cursor` of the last line you kept (absent: from the oldest kept event)',
    example: '1234-0-5678',
  })
  @IsOptional()
  @Matches(CURSOR_PATTERN, { message: 'must be a cursor from an earlier line of the export' })
  after?: string;

  @ApiPropertyOptional({
    description: 'Only events at or after this time (ISO 8601)',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date and time' })
  since?: string;

  @ApiPropertyOptional({
    description: 'Most lines in this response',
    default: 1000,
    maximum: 10000,
  })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(10000)
  limit?: number;
}

class PageQuery {
  @ApiPropertyOptional({ description: 'The `next_cursor` of the previous page' })
  @IsOptional()
  @Matches(PAGE_CURSOR, { message: 'must be a next_cursor from an earlier page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Items per page', default: 50, maximum: 200 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AttemptSearchQuery extends PageQuery {
  @ValidateE164({ required: false, description: 'Attempts for this number (any E.164 spelling)' })
  @IsOptional()
  phone_number?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Attempts of this user (logins, factors)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  user_id?: string;

  @ApiPropertyOptional({ enum: Object.values(AttemptKind) })
  @IsOptional()
  @IsIn(Object.values(AttemptKind), {
    message: `must be one of ${Object.values(AttemptKind).join(', ')}`,
  })
  kind?: AttemptKind;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: 'must be an attempt status, e.g. MATCH_SUCCESS' })
  status?: string;

  @ApiPropertyOptional({ description: 'Created at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date and time' })
  since?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date and time' })
  until?: string;
}

const DELIVERY_STATES = ['pending', 'delivered', 'dead'] as const;

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATES, description: 'Only deliveries in this state' })
  @IsOptional()
  @IsIn(DELIVERY_STATES, { message: `must be one of ${DELIVERY_STATES.join(', ')}` })
  state?: (typeof DELIVERY_STATES)[number];

  @ApiPropertyOptional({ description: 'Only deliveries to this endpoint (its url in WEBHOOKS)' })
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  @MaxLength(2048)
  endpoint?: string;
}

export class Page<T> {
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  items: T[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  next_cursor: string | null;
}

/**
 * A webhook endpoint to register. The URL, events and secret are checked as WEBHOOKS entries are
 * (one rule for both), so only their presence and types are declared here.
 */
export class CreateEndpointBody {
  @ApiProperty({ example: 'https://fraud.example/hooks', description: 'Where to POST, http(s)' })
  @IsString({ message: 'must be an http(s) URL' })
  @MaxLength(2048)
  url: string;

  @ApiProperty({
    type: [String],
    example: ['login.*', 'registration.sim_swap_detected'],
    description: `Event types (${WEBHOOK_EVENT_TYPES.join(', ')}), "prefix.*" or "*"`,
  })
  @IsArray({ message: 'must list event types' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'must list event types' })
  events: string[];

  @ApiPropertyOptional({
    description:
      'A Standard Webhooks key (whsec_ and base64, at least 24 bytes); absent: one is generated and returned once',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;
}
