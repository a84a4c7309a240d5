import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { ApiProblems, RequestId, RequestValidationError, UuidParam } from '@simauth/http';
import { ADMIN_PHONE_NUMBERS_SCOPE } from '../../platform/operator-access/admin-tokens';
import { LimitPerIp } from '../../platform/rate-limits/rate-limit.guard';
import { AdminAuth, AdminCaller, CurrentAdmin } from './admin-auth.guard';
import { AdminService } from './admin.service';
import { AuditTrail } from './audit-trail';
import { MaskPhoneNumbersInterceptor, seesPhoneNumbers } from './phone-number-mask';
import {
  AttemptSearchQuery,
  CreateEndpointBody,
  DeliveriesQuery,
  EventsQuery,
  FindUserQuery,
  Page,
} from './dto/admin.dto';

/** Ids of the OpenID Provider's models: the library's random base64url strings. */
const OidcIdPipe = {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(value))
      throw new RequestValidationError([
        { field: 'id', message: 'must be an id from the list it came from' },
      ]);
    return value;
  },
};

/** A webhook delivery's id as receivers see it in webhook-id: `msg_` and a UUID. */
const DeliveryIdPipe = {
  transform(value: string): string {
    if (!/^msg_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
      throw new RequestValidationError([
        { field: 'id', message: 'must be a delivery_id (the webhook-id, msg_ and a UUID)' },
      ]);
    return value.toLowerCase();
  },
};

const OBJECT = { schema: { type: 'object' as const } };
const LIST = { schema: { type: 'array' as const, items: { type: 'object' as const } } };

/**
 * The operators' API: find a user, block them, revoke a lost phone, reset a factor, read an
 * attempt's history. Access tokens from simauth's own token endpoint (client_credentials, scope
 * simauth:admin); every call is recorded in admin_actions.
 */
@ApiTags('admin')
@Controller('admin/v1')
// Phone numbers in every answer are masked unless the token has simauth:admin:phone_numbers.
@UseInterceptors(MaskPhoneNumbersInterceptor)
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    private readonly audit: AuditTrail,
  ) {}

  @Get('users')
  @AdminAuth()
  @ApiOperation({ summary: 'Find a user by phone number' })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  async findUser(
    @Query() query: FindUserQuery,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.userByPhone(query.phone_number);
    await this.admin.audit(caller.clientId, 'user.find', user.user_id, requestId);
    return user;
  }

  @Get('users/:id')
  @AdminAuth()
  @ApiOperation({ summary: 'A user, with devices, factors and recent attempts' })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  async user(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.read', id, requestId);
    return {
      ...user,
      devices: await this.admin.devices(id),
      factors: await this.admin.factors(id),
      recent_attempts: await this.admin.recentAttempts(id),
    };
  }

  @Post('users/:id/block')
  @LimitPerIp()
  @HttpCode(200)
  @AdminAuth()
  @ApiOperation({
    summary:
      "Block a user: their logins are answered like an unknown number's, their live logins and number verifications end (EXPIRED)",
  })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 429)
  async block(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.setBlocked(id, true, { clientId: caller.clientId, requestId });
    await this.admin.audit(caller.clientId, 'user.block', id, requestId);
    return user;
  }

  @Post('users/:id/unblock')
  @LimitPerIp()
  @HttpCode(200)
  @AdminAuth()
  @ApiOperation({ summary: 'Unblock a user' })
  @ApiOkResponse({ description: 'The user', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 429)
  async unblock(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const user = await this.admin.setBlocked(id, false, { clientId: caller.clientId, requestId });
    await this.admin.audit(caller.clientId, 'user.unblock', id, requestId);
    return user;
  }

  @Get('users/:id/devices')
  @AdminAuth()
  @ApiOperation({ summary: "A user's trusted phones" })
  @ApiOkResponse({ description: 'The devices', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  async devices(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.devices', id, requestId);
    return this.admin.devices(id);
  }

  @Delete('devices/:id')
  @HttpCode(204)
  @AdminAuth()
  @ApiOperation({ summary: 'Revoke a device: its credential stops working at once, everywhere' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 401, 403, 404)
  async revokeDevice(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.revokeDevice(id, { clientId: caller.clientId, requestId });
    await this.admin.audit(caller.clientId, 'device.revoke', id, requestId);
  }

  @Get('users/:id/factors')
  @AdminAuth()
  @ApiOperation({ summary: "A user's authenticator factors" })
  @ApiOkResponse({ description: 'The factors', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  async factors(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.factors', id, requestId);
    return this.admin.factors(id);
  }

  @Delete('factors/:id')
  @HttpCode(204)
  @AdminAuth()
  @ApiOperation({ summary: 'Delete a factor (account recovery: the person enrols a new one)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  async deleteFactor(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.deleteFactor(id, { clientId: caller.clientId, requestId });
    await this.admin.audit(caller.clientId, 'factor.delete', id, requestId);
  }

  @Get('attempts')
  @AdminAuth()
  @ApiOperation({ summary: 'Search attempts by number, user, kind, status and time, newest first' })
  @ApiOkResponse({ description: 'A page of attempts', type: Page })
  @ApiProblems(400, 401, 403)
  async searchAttempts(
    @Query() query: AttemptSearchQuery,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const page = await this.admin.searchAttempts(query);
    await this.admin.audit(
      caller.clientId,
      'attempt.search',
      query.user_id ?? query.phone_number ?? null,
      requestId,
    );
    return page;
  }

  @Get('attempts/:id')
  @AdminAuth()
  @ApiOperation({ summary: 'An attempt with every move it made' })
  @ApiOkResponse({ description: 'The attempt and its events', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  async attempt(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const attempt = await this.admin.attempt(id);
    await this.admin.audit(caller.clientId, 'attempt.read', id, requestId);
    return attempt;
  }

  @Get('users/:id/sessions')
  @AdminAuth()
  @ApiOperation({ summary: "A user's browser sessions at the OpenID Provider" })
  @ApiOkResponse({ description: 'The sessions', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  async sessions(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.sessions', id, requestId);
    return this.admin.sessions(id);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @AdminAuth()
  @ApiOperation({
    summary: 'End a session and revoke the grants given in it (their refresh tokens die)',
  })
  @ApiParam({ name: 'id', description: 'The session_id of a session in the list' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiProblems(400, 401, 403, 404)
  async revokeSession(
    @Param('id', OidcIdPipe) id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.revokeSession(id);
    await this.admin.audit(caller.clientId, 'session.revoke', id, requestId);
  }

  @Get('users/:id/grants')
  @AdminAuth()
  @ApiOperation({ summary: "A user's grants: which apps may act for them, with which scopes" })
  @ApiOkResponse({ description: 'The grants', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  async grants(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.user(id);
    await this.admin.audit(caller.clientId, 'user.grants', id, requestId);
    return this.admin.grants(id);
  }

  @Delete('grants/:id')
  @HttpCode(204)
  @AdminAuth()
  @ApiOperation({ summary: 'Revoke a grant: every access and refresh token under it dies at once' })
  @ApiParam({ name: 'id', description: 'The grant_id of a grant in the list' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 401, 403, 404)
  async revokeGrant(
    @Param('id', OidcIdPipe) id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.revokeGrant(id);
    await this.admin.audit(caller.clientId, 'grant.revoke', id, requestId);
  }

  @Get('events')
  @AdminAuth()
  @ApiOperation({
    summary:
      'The audit trail as JSON lines: every attempt move and admin call, in commit order, from a cursor',
  })
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
  async events(
    @Query() query: EventsQuery,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const phoneNumbers = seesPhoneNumbers(caller);
    await this.admin.audit(
      caller.clientId,
      phoneNumbers ? 'events.export_with_phone_numbers' : 'events.export',
      query.after ?? null,
      requestId,
    );
    const events = this.audit.events({
      after: query.after,
      since: query.since ? new Date(query.since) : undefined,
      limit: query.limit ?? 1000,
      phoneNumbers,
    });
    const lines = async function* () {
      for await (const event of events) yield `${JSON.stringify(event)}\n`;
    };
    await reply
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  }

  @Get('webhooks/endpoints')
  @AdminAuth()
  @ApiOperation({
    summary:
      'The webhook endpoints (set in WEBHOOKS) and the event types each takes; never secrets',
  })
  @ApiOkResponse({ description: 'The endpoints', ...LIST })
  @ApiProblems(401, 403)
  async endpoints(@CurrentAdmin() caller: AdminCaller, @RequestId() requestId: string) {
    await this.admin.audit(caller.clientId, 'webhook.endpoints', null, requestId);
    return this.admin.endpoints();
  }

  @Post('webhooks/endpoints')
  @LimitPerIp()
  @AdminAuth()
  @ApiOperation({
    summary:
      'Register a webhook endpoint (beside those of WEBHOOKS); the answer carries its secret, shown once',
  })
  @ApiCreatedResponse({ description: 'The endpoint with its secret', ...OBJECT })
  @ApiProblems(400, 401, 403, 409, 429)
  async createEndpoint(
    @Body() body: CreateEndpointBody,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const created = await this.admin.createEndpoint(body, caller.clientId);
    await this.admin.audit(caller.clientId, 'webhook.endpoint_create', created.id, requestId);
    return created;
  }

  @Delete('webhooks/endpoints/:id')
  @HttpCode(204)
  @AdminAuth()
  @ApiOperation({
    summary: 'Remove a registered endpoint; its undelivered events are marked dead',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404)
  async deleteEndpoint(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    await this.admin.deleteEndpoint(id);
    await this.admin.audit(caller.clientId, 'webhook.endpoint_delete', id, requestId);
  }

  @Get('webhooks/deliveries')
  @AdminAuth()
  @ApiOperation({ summary: 'Webhook deliveries (pending, delivered, dead), newest first' })
  @ApiOkResponse({ description: 'A page of deliveries', type: Page })
  @ApiProblems(400, 401, 403)
  async deliveries(
    @Query() query: DeliveriesQuery,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const page = await this.admin.deliveries(query);
    await this.admin.audit(caller.clientId, 'webhook.deliveries', query.state ?? null, requestId);
    return page;
  }

  @Post('webhooks/deliveries/:id/redeliver')
  @LimitPerIp()
  @HttpCode(202)
  @AdminAuth()
  @ApiOperation({
    summary: 'Send a delivery again from its first try, with the same webhook-id (e.g. a dead one)',
  })
  @ApiAcceptedResponse({ description: 'Queued: the delivery as it is now', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 409, 429)
  @ApiParam({ name: 'id', description: 'The delivery_id (its webhook-id, msg_…)' })
  async redeliver(
    @Param('id', DeliveryIdPipe) id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ) {
    const delivery = await this.admin.redeliver(id);
    await this.admin.audit(caller.clientId, 'webhook.redeliver', id, requestId);
    return delivery;
  }
}
