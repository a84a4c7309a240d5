/**
 * Which relying party an OpenID interaction is for, so the login page can name it ("Sign in to
 * Beispiel Shop"). The OpenID Provider (features/oidc) provides it: the page sits below it and
 * asks through this port, by the interaction's id, never trusting a name in the page's URL (one
 * relying party could otherwise show another's name).
 */
export abstract class InteractionClients {
  /** The client_id of interaction `uid` while it is pending; undefined for an unknown one. */
  abstract clientIdOf(uid: string): Promise<string | undefined>;
}

/** A client's `client_name` as the pages show it (trimmed, at most 80 characters); undefined when it has none. */
export function clientDisplayName(name: unknown): string | undefined {
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : undefined;
}
