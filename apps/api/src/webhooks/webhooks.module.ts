import { Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Signed webhooks from the transactional outbox the attempt moves write. */
@Module({ providers: [WebhookDispatcher], exports: [WebhookDispatcher] })
export class WebhooksModule {}
