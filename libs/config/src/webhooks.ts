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
    const e = (entry ?? {}) as Partial<Record<keyof WebhookEndpoint, unknown>>;
    const name = `WEBHOOKS[${i}]`;
    let url: URL | undefined;
    try {
      url = new URL(String(e.url));
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      problems.push(`${name}.url must be an http(s) URL`);
      return;
    }
    if (seen.has(url.toString())) {
      problems.push(`${name}.url ${url.toString()} is listed twice`);
      return;
    }
    const secret = typeof e.secret === 'string' ? e.secret : '';
    const key = secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : undefined;
    if (!key || key.length < 24) {
      problems.push(
        `${name}.secret must be a Standard Webhooks key: whsec_ and at least 24 base64 bytes`,
      );
      return;
    }
    const events = Array.isArray(e.events) ? e.events : [];
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
      problems.push(
        `${name}.events must list event types (${WEBHOOK_EVENT_TYPES.join(', ')}), "prefix.*" or "*"` +
          (unknown.length ? `; unknown: ${unknown.map((u) => JSON.stringify(u)).join(', ')}` : ''),
      );
      return;
    }
    seen.add(url.toString());
    endpoints.push({ url: url.toString(), secret, events: events as string[] });
  });
  return endpoints;
}
