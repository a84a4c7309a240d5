import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, WebhookEventType, subscribes } from '@simauth/config';
import { webhookTargetsSql } from '@simauth/attempts';

/**
 * Writes events that are not moves of an attempt (an operator's action) to the webhook outbox,
 * inside the caller's transaction: the event exists exactly when the action committed. The
 * dispatcher delivers and signs them like the moves' events.
 */
@Injectable()
export class WebhookOutbox {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** One outbox row per endpoint that takes `type`: `{type, timestamp, data}`, as every event. */
  async write(tx: EntityManager, type: WebhookEventType, data: Record<string, unknown>) {
    const configured = this.config.webhooks.endpoints
      .filter((e) => subscribes(e, type))
      .map((e) => e.url);
    await tx.query(
      `INSERT INTO webhook_outbox (endpoint, type, attempt_id, payload)
       SELECT e.url, $1, NULL,
              jsonb_build_object('type', $1::text, 'timestamp', now(), 'data', $3::jsonb)
         FROM (${webhookTargetsSql('$1', '$2')}) AS e`,
      [type, configured, JSON.stringify(data)],
    );
  }
}
