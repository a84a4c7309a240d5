/** The event types simauth sends to webhooks; an endpoint takes those its `events` name. */
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

/** Whether `endpoint` takes events of `type`. */
export function subscribes(endpoint: WebhookEndpoint, type: string): boolean {
  return endpoint.events.some(
    (pattern) =>
      pattern === '*' ||
      pattern === type ||
      (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
  );
}

/** What is wrong with one endpoint's field, if anything: the field and a sentence about it. */
interface WebhookEndpointProblem {
  field: 'url' | 'secret' | 'events';
  message: string;
}

/** A new Standard Webhooks key: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(random: (n: number) => Buffer): string {
  return `whsec_${random(32).toString('base64')}`;
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
      !(
        p === '*' ||
        (WEBHOOK_EVENT_TYPES as readonly string[]).includes(p) ||
        (p.endsWith('.*') && WEBHOOK_EVENT_TYPES.some((t) => t.startsWith(p.slice(0, -1))))
      ),
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
