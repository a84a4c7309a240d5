import { Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { ApiProblems } from '@simauth/http';
import { ADMIN_PHONE_NUMBERS_SCOPE } from '../../platform/operator-access/admin-tokens';
import { AdminAuth, AdminCaller, CurrentAdmin } from './admin-auth.guard';
import { AdminOperation } from './admin-routes';
import { AdminApiController, Audited } from './audited';
import { AuditTrail } from './audit-trail';
import { EventsQuery } from './dto/admin.dto';
import { seesPhoneNumbers } from './phone-number-mask';

/** The audit trail, exported as JSON lines. */
@AdminApiController()
export class AdminEventsController {
  constructor(private readonly audit: AuditTrail) {}

  @Get('events')
  @AdminAuth()
  @AdminOperation(
    'events',
    'The audit trail as JSON lines: every attempt move and admin call, in commit order, from a cursor',
  )
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: `One JSON object per line, each with its \`cursor\`; phone numbers masked unless the token has ${ADMIN_PHONE_NUMBERS_SCOPE}`,
    content: {
      'application/x-ndjson': {
        schema: { type: 'string' },
        example:
          '{"cursor":"812-0-77","type":"attempt.moved","at":"2026-11-30T09:00:00.000Z","attempt_id":"…","kind":"companion_login","from_status":"PENDING","to_status":"APPROVED","actor":"device","reason":null,"request_id":"…","user_id":"…","phone_number":"+44********01"}\n',
      },
    },
  })
  @ApiProblems(400, 401, 403)
  @Header('content-type', 'application/x-ndjson; charset=utf-8')
  @Header('cache-control', 'no-store')
  // Recorded before the stream is first read: this export's own record can be in it.
  @Audited<EventsQuery>(
    ({ caller }) =>
      seesPhoneNumbers(caller) ? 'events.export_with_phone_numbers' : 'events.export',
    { target: ({ query }) => query.after ?? null },
  )
  events(@Query() query: EventsQuery, @CurrentAdmin() caller: AdminCaller): Readable {
    return this.audit.exportLines({
      after: query.after,
      since: query.since ? new Date(query.since) : undefined,
      limit: query.limit ?? 1000,
      phoneNumbers: seesPhoneNumbers(caller),
    });
  }
}
