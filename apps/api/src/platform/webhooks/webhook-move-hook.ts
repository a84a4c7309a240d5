import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, WebhookEndpoint } from '@simauth/config';
import { AttemptMoveHook, HookedMove } from '@simauth/attempts';
import { eventTargets, webhookTargetsSql } from './webhook-events';

/**
 * The outbox write of a move's webhook event, a CTE of the move's own statement (transitionSql):
 * the event exists exactly when the move committed, even if the process dies right after. One
 * row per endpoint that takes the event: `{type, timestamp, data}`, data saying the move (and
 * `provider`, the one whose SIM proof it records, $16 of the move). Parameters: $17 the event
 * type (null: the move reports none), $18 and $19 its targets.
 */
export const WEBHOOK_MOVE_SQL = `
    INSERT INTO webhook_outbox (endpoint, type, attempt_id, payload)
    SELECT e.url, $17, a.id, jsonb_build_object(
             'type', $17::text,
             'timestamp', now(),
             'data', jsonb_build_object(
               'attempt_id', a.id, 'kind', a.kind, 'status', a.status,
               'previous_status', a.from_status, 'user_id', a.user_id, 'actor', $11::text,
               'reason', $12::text, 'request_id', $13::text, 'provider', $16::text,
               'result', a.result))
      FROM a CROSS JOIN (${webhookTargetsSql('$18', '$19')}) AS e
  `;

/** The parameters of WEBHOOK_MOVE_SQL for a move reporting `type` (the benches send them too). */
export function webhookMoveParameters(
  endpoints: WebhookEndpoint[],
  type: string | undefined,
): unknown[] {
  const { configured, patterns } = eventTargets(endpoints, type);
  return [type ?? null, configured, patterns];
}

/**
 * Hooks the webhooks' outbox into every move (provided globally by WebhooksModule, so the state
 * machine finds it without knowing webhooks): a move whose flow names an event for it writes that
 * event for the endpoints that take it, configured (WEBHOOKS) or registered through the admin API.
 */
@Injectable()
export class WebhookMoveHook extends AttemptMoveHook {
  readonly sql = WEBHOOK_MOVE_SQL;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  parameters(move: HookedMove): unknown[] {
    return webhookMoveParameters(this.config.webhooks.endpoints, move.event);
  }
}
