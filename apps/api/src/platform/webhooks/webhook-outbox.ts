import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { WebhookEventType, eventTargets, webhookTargetsSql } from './webhook-events';

/**
 * Writes events that are not moves of an attempt (an operator's action) to the webhook outbox,
 * inside the caller's transaction: the event exists exactly when the action committed. The
 * dispatcher delivers and signs them like the moves' events (written by WebhookMoveHook).
 */
@Injectable()
export class WebhookOutbox {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** One outbox row per endpoint that takes `type`: `{type, timestamp, data}`, as every event. */
  async write(tx: EntityManager, type: WebhookEventType, data: Record<string, unknown>) {
    const { configured, patterns } = eventTargets(this.config.webhooks.endpoints, type);
    await tx.query(
      `INSERT INTO webhook_outbox (endpoint, type, attempt_id, payload)
       SELECT e.url, $1, NULL,
              jsonb_build_object('type', $1::text, 'timestamp', now(), 'data', $3::jsonb)
         FROM (${webhookTargetsSql('$2', '$4')}) AS e`,
      [type, configured, JSON.stringify(data), patterns],
    );
  }
}
