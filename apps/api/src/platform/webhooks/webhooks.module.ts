import { Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointStore } from './webhook-endpoints';
import { WebhookOutbox } from './webhook-outbox';

/** Signed webhooks from the transactional outbox the attempt moves write. */
@Module({
  providers: [WebhookDispatcher, WebhookEndpointStore, WebhookOutbox],
  exports: [WebhookDispatcher, WebhookEndpointStore, WebhookOutbox],
})
export class WebhooksModule {}
