import { Body, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
} from '@nestjs/swagger';
import { ApiProblems, RequestValidationError, UuidParam } from '@simauth/http';
import { LimitPerIp } from '../../platform/rate-limits/rate-limit.guard';
import { AdminAuth, AdminCaller, CurrentAdmin } from './admin-auth.guard';
import { AdminOperation, LIST, OBJECT } from './admin-routes';
import { AdminWebhooksService } from './admin-webhooks.service';
import { AdminApiController, Audited } from './audited';
import { CreateEndpointBody, DeliveriesQuery, Page } from './dto/admin.dto';

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

/** Webhook endpoints and deliveries. */
@AdminApiController()
export class AdminWebhooksController {
  constructor(private readonly webhooks: AdminWebhooksService) {}

  @Get('webhooks/endpoints')
  @AdminAuth()
  @AdminOperation(
    'endpoints',
    'The webhook endpoints (set in WEBHOOKS) and the event types each takes; never secrets',
  )
  @ApiOkResponse({ description: 'The endpoints', ...LIST })
  @ApiProblems(401, 403)
  @Audited('webhook.endpoints')
  endpoints() {
    return this.webhooks.endpoints();
  }

  @Post('webhooks/endpoints')
  @LimitPerIp()
  @AdminAuth()
  @AdminOperation(
    'createEndpoint',
    'Register a webhook endpoint (beside those of WEBHOOKS); the answer carries its secret, shown once',
  )
  @ApiCreatedResponse({ description: 'The endpoint with its secret', ...OBJECT })
  @ApiProblems(400, 401, 403, 409, 429)
  @Audited('webhook.endpoint_create', { target: ({ result }) => (result as { id: string }).id })
  createEndpoint(@Body() body: CreateEndpointBody, @CurrentAdmin() caller: AdminCaller) {
    return this.webhooks.createEndpoint(body, caller.clientId);
  }

  @Delete('webhooks/endpoints/:id')
  @HttpCode(204)
  @AdminAuth()
  @AdminOperation(
    'deleteEndpoint',
    'Remove a registered endpoint; its undelivered events are marked dead',
  )
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404)
  @Audited('webhook.endpoint_delete')
  async deleteEndpoint(@UuidParam() id: string): Promise<void> {
    await this.webhooks.deleteEndpoint(id);
  }

  @Get('webhooks/deliveries')
  @AdminAuth()
  @AdminOperation('deliveries', 'Webhook deliveries (pending, delivered, dead), newest first')
  @ApiOkResponse({ description: 'A page of deliveries', type: Page })
  @ApiProblems(400, 401, 403)
  @Audited<DeliveriesQuery>('webhook.deliveries', { target: ({ query }) => query.state ?? null })
  deliveries(@Query() query: DeliveriesQuery) {
    return this.webhooks.deliveries(query);
  }

  @Post('webhooks/deliveries/:id/redeliver')
  @LimitPerIp()
  @HttpCode(202)
  @AdminAuth()
  @AdminOperation(
    'redeliver',
    'Send a delivery again from its first try, with the same webhook-id (e.g. a dead one)',
  )
  @ApiAcceptedResponse({ description: 'Queued: the delivery as it is now', ...OBJECT })
  @ApiProblems(400, 401, 403, 404, 409, 429)
  @ApiParam({ name: 'id', description: 'The delivery_id (its webhook-id, msg_…)' })
  // The id as the route reads it (lower case).
  @Audited('webhook.redeliver', { target: ({ params }) => DeliveryIdPipe.transform(params.id) })
  redeliver(@Param('id', DeliveryIdPipe) id: string) {
    return this.webhooks.redeliver(id);
  }
}
