import { createHash, randomBytes } from 'node:crypto';

/**
 * A new bearer secret: a readable prefix (so secret scanners and people can tell what leaked)
 * and 256 random bits.
 */
export function generateSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What we store and look up instead of a secret we only ever compare. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
