import { Global, Module } from '@nestjs/common';
import { AttemptMoveHook } from '@simauth/attempts';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointStore } from './webhook-endpoints';
import { WebhookMoveHook } from './webhook-move-hook';
import { WebhookOutbox } from './webhook-outbox';

/**
 * Signed webhooks from a transactional outbox: event types and matching (webhook-events), the
 * outbox writes of moves (webhook-move-hook) and of operators' actions (webhook-outbox), delivery
 * (webhook-dispatcher) and the endpoints registered through the admin API (webhook-endpoints).
 * Global, so that libs/attempts' state machine finds the AttemptMoveHook wherever it is imported.
 */
@Global()
@Module({
  providers: [
    WebhookDispatcher,
    WebhookEndpointStore,
    WebhookOutbox,
    WebhookMoveHook,
    { provide: AttemptMoveHook, useExisting: WebhookMoveHook },
  ],
  exports: [WebhookDispatcher, WebhookEndpointStore, WebhookOutbox, AttemptMoveHook],
})
export class WebhooksModule {}
