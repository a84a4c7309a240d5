/**
 * The event types simauth sends to webhooks; an endpoint takes those its `events` name. The
 * webhooks live in apps/api/src/platform/webhooks; this list and the rule of `events` patterns
 * (eventPatternsMatching) are here, below them, because WEBHOOKS is checked when the settings
 * load, before anything starts (and by the command-line tools, which start no webhooks).
 */
export const WEBHOOK_EVENT_TYPES = [
  'registration.succeeded',
  'registration.failed',
  'registration.sim_swap_detected',
  'login.approved',
  'login.succeeded',
  'login.failed',
  'login.sim_swap_detected',
  'factor.activated',
  'factor.challenge_verified',
  'factor.challenge_failed',
  // Operators' actions through the admin API, written with the action itself.
  'factor.deleted',
  'device.revoked',
  'user.blocked',
  'user.unblocked',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEndpoint {
  url: string;
  /** A Standard Webhooks key, `whsec_` and base64. */
  secret: string;
  /** Event types, `prefix.*`, or `*`. */
  events: string[];
}

/**
 * The `events` patterns that take an event of `type`: "*", the type itself, and "prefix.*" for
 * each prefix of it that ends at a dot ("login.*" for login.succeeded). The one definition of
 * webhook matching: an endpoint takes an event when its `events` and these share a pattern, in
 * TypeScript (platform/webhooks' subscribes) and in SQL (an array overlap) alike.
 */
export function eventPatternsMatching(type: string): string[] {
  const patterns = ['*', type];
  for (let dot = type.indexOf('.'); dot >= 0; dot = type.indexOf('.', dot + 1)) {
    patterns.push(`${type.slice(0, dot + 1)}*`);
  }
  return patterns;
}

/** What is wrong with one endpoint's field, if anything: the field and a sentence about it. */
interface WebhookEndpointProblem {
  field: 'url' | 'secret' | 'events';
  message: string;
}

/**
 * Checks one endpoint as WEBHOOKS or the admin API gives it: an http(s) URL, a Standard Webhooks
 * key (`whsec_` and at least 24 base64 bytes), and event types, `prefix.*` or `*`. Returns the
 * endpoint with its URL in normal form, or the first problem.
 */
export function checkWebhookEndpoint(e: {
  url?: unknown;
  secret?: unknown;
  events?: unknown;
}): { endpoint: WebhookEndpoint } | { problem: WebhookEndpointProblem } {
  let url: URL | undefined;
  try {
    url = new URL(String(e.url));
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    return { problem: { field: 'url', message: 'must be an http(s) URL' } };
  }
  const secret = typeof e.secret === 'string' ? e.secret : '';
  const key = secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : undefined;
  if (!key || key.length < 24) {
    return {
      problem: {
        field: 'secret',
        message: 'must be a Standard Webhooks key: whsec_ and at least 24 base64 bytes',
      },
    };
  }
  const events = Array.isArray(e.events) ? (e.events as unknown[]) : [];
  const unknown = events.filter(
    (p) =>
      typeof p !== 'string' ||
      !WEBHOOK_EVENT_TYPES.some((t) => eventPatternsMatching(t).includes(p)),
  );
  if (events.length === 0 || unknown.length > 0) {
    return {
      problem: {
        field: 'events',
        message:
          `must list event types (${WEBHOOK_EVENT_TYPES.join(', ')}), "prefix.*" or "*"` +
          (unknown.length ? `; unknown: ${unknown.map((u) => JSON.stringify(u)).join(', ')}` : ''),
      },
    };
  }
  return { endpoint: { url: url.toString(), secret, events: events as string[] } };
}

/** WEBHOOKS: a JSON array of {url, secret, events}; one line per problem, naming the entry. */
export function parseWebhooks(text: string | undefined, problems: string[]): WebhookEndpoint[] {
  if (!text) return [];
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    problems.push('WEBHOOKS must be a JSON array of {url, secret, events} (it is not JSON)');
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push('WEBHOOKS must be a JSON array of {url, secret, events}');
    return [];
  }
  const endpoints: WebhookEndpoint[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const name = `WEBHOOKS[${i}]`;
    const checked = checkWebhookEndpoint((entry ?? {}) as Record<string, unknown>);
    if ('problem' in checked) {
      problems.push(`${name}.${checked.problem.field} ${checked.problem.message}`);
      return;
    }
    if (seen.has(checked.endpoint.url)) {
      problems.push(`${name}.url ${checked.endpoint.url} is listed twice`);
      return;
    }
    seen.add(checked.endpoint.url);
    endpoints.push(checked.endpoint);
  });
  return endpoints;
}
