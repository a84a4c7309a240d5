import { Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointStore } from './webhook-endpoints';

/** Signed webhooks from the transactional outbox the attempt moves write. */
@Module({
  providers: [WebhookDispatcher, WebhookEndpointStore],
  exports: [WebhookDispatcher, WebhookEndpointStore],
})
export class WebhooksModule {}
