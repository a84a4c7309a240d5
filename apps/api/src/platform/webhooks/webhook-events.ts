import { WebhookEndpoint, eventPatternsMatching } from '@simauth/config';

// The catalogue of event types sits in libs/config, which checks WEBHOOKS when the settings load
// (see WEBHOOK_EVENT_TYPES); everything else of webhooks is in this folder.
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@simauth/config';

/** Whether `endpoint` takes events of `type` (see eventPatternsMatching). */
export function subscribes(endpoint: WebhookEndpoint, type: string): boolean {
  const patterns = eventPatternsMatching(type);
  return endpoint.events.some((pattern) => patterns.includes(pattern));
}

/**
 * Where an event goes: the URLs of the configured endpoints (WEBHOOKS) that take it, matched here,
 * and the patterns that take it, for the statement to match the endpoints registered through the
 * admin API (whose list changes under a running process). Undefined `type`: nowhere.
 */
export function eventTargets(
  endpoints: WebhookEndpoint[],
  type: string | undefined,
): { configured: string[]; patterns: string[] } {
  if (!type) return { configured: [], patterns: [] };
  return {
    configured: endpoints.filter((e) => subscribes(e, type)).map((e) => e.url),
    patterns: eventPatternsMatching(type),
  };
}

/**
 * The URLs an event goes to, as SQL taking the two halves of eventTargets as parameters (text[]
 * each): the configured endpoints given, and those registered through the admin API whose
 * `events` share a pattern with the event's (an array overlap: the matching is
 * eventPatternsMatching's, not the statement's). Used by the moves' outbox write and by the
 * operators' events, so both find endpoints alike.
 */
export function webhookTargetsSql(configured: string, patterns: string): string {
  return `
        SELECT unnest(${configured}::text[]) AS url
        UNION ALL
        SELECT w.url FROM webhook_endpoints w
         WHERE w.events && ${patterns}::text[] AND w.url <> ALL(${configured}::text[])
      `;
}
