import { errors } from 'oidc-provider';
import type { AdapterPayload } from 'oidc-provider';

/*
 * Postgres stores no NUL character, in text or in jsonb. A request that carries one where the
 * OpenID Provider stores or looks up what it sent gets an OAuth error, never a failed write.
 */

/** An id with a NUL character names nothing that could have been stored. */
export const storableId = (id: string): boolean => !id.includes('\0');

/**
 * The name of the first value in `value` holding a NUL character, or undefined. Every stored
 * payload passes here (several per sign-in), so the walk makes no arrays of entries: an array's
 * items by index, an object's own keys by `for…in`.
 */
function nulAt(value: unknown, name: string): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? name : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulAt(value[i], name);
      if (found) return found;
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const found = nulAt((value as Record<string, unknown>)[key], key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses a payload that cannot be stored: OAuth's invalid_request naming the parameter (e.g.
 * the authorization request's `state`), answered by the endpoint as its spec says (a redirect to
 * the client once its redirect_uri is known, else an error page or JSON).
 */
export function refuseNulCharacters(payload: AdapterPayload): void {
  const name = nulAt(payload, 'a value');
  if (name) throw new errors.InvalidRequest(`${name} must not contain a NUL character`);
}
