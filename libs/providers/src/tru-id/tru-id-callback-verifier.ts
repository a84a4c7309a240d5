import { createHash, createPublicKey, createVerify, KeyObject, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors } from 'jose';
import { ProviderUnavailableError } from '../provider.errors';

export interface CallbackRequest {
  method: string;
  /** Path and query as received (`originalUrl`). */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

type CallbackVerdict =
  | {
      ok: true;
      /** SHA-256 of the signature's bytes: one callback, however its base64 was written. */
      signatureHash: Buffer;
    }
  | { ok: false; reason: string };

/** The key that verifies signatures made with tru.ID's key `keyId`. */
type CallbackKeyResolver = (keyId: string) => Promise<KeyObject>;

const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const REQUIRED_HEADERS = ['(request-target)', 'host', 'date', 'x-tru-callback', 'digest'];

function header(req: CallbackRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseSignature(authorization: string): Record<string, string> | undefined {
  const match = /^Signature (.+)$/.exec(authorization);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const part of match[1].matchAll(/(\w+)="([^"]*)"/g)) params[part[1]] = part[2];
  return params;
}

/** The key a signature names is not one tru.ID publishes (a 401, not an outage). */
class UnknownKeyError extends Error {}

/**
 * Verifies a tru.ID callback: the body matches its SHA-256 Digest, the Date is within five
 * minutes, and the HTTP message signature over (request-target) host date x-tru-callback digest
 * verifies with tru.ID's key named by the signature's keyId.
 */
export class TruIdCallbackVerifier {
  /**
   * @param resolveKey tru.ID's public key for a keyId
   * @param publicUrl where tru.ID calls us (PUBLIC_URL): behind a proxy that adds a path prefix or
   *   rewrites Host, tru.ID signed that URL's path and host, not what reaches the process
   */
  constructor(
    private readonly resolveKey: CallbackKeyResolver,
    private readonly publicUrl?: string,
  ) {}

  /** One configured key (TRUID_CALLBACK_PUBLIC_KEY), whatever the keyId. */
  static withPublicKey(publicKeyPem: string, publicUrl?: string): TruIdCallbackVerifier {
    const key = createPublicKey(publicKeyPem);
    return new TruIdCallbackVerifier(() => Promise.resolve(key), publicUrl);
  }

  /**
   * tru.ID's published keys, `{baseUrl}/.well-known/jwks.json`, chosen by keyId (as tru.ID's own
   * server sample does). The set is cached; an unknown keyId fetches it again, at most every
   * 5 s (a flood of made-up keyIds costs tru.ID one request per 5 s per replica; a real new key
   * is believed within 5 s, well inside tru.ID's retries).
   */
  static withJwks(baseUrl: string, timeoutMs: number, publicUrl?: string): TruIdCallbackVerifier {
    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', baseUrl), {
      timeoutDuration: timeoutMs,
      cooldownDuration: 5_000,
    });
    return new TruIdCallbackVerifier(async (kid) => {
      try {
        return (await jwks({ alg: 'RS256', kid })) as KeyObject;
      } catch (err) {
        if (
          err instanceof joseErrors.JWKSNoMatchingKey ||
          err instanceof joseErrors.JWKSMultipleMatchingKeys
        )
          throw new UnknownKeyError();
        // The key set could not be fetched: tru.ID retries a callback that gets a 5xx.
        throw new ProviderUnavailableError("tru.ID's callback keys could not be fetched");
      }
    }, publicUrl);
  }

  async verify(req: CallbackRequest, now = Date.now()): Promise<CallbackVerdict> {
    const params = parseSignature(header(req, 'authorization') ?? '');
    if (!params?.signature || params.algorithm !== 'rsa-sha256')
      return { ok: false, reason: 'missing or unsupported signature' };
    const signed = (params.headers ?? '').split(' ');
    if (REQUIRED_HEADERS.some((h) => !signed.includes(h)))
      return { ok: false, reason: 'signature does not cover the required headers' };

    const digest = `SHA-256=${createHash('sha256').update(req.rawBody).digest('base64')}`;
    const claimed = header(req, 'digest') ?? '';
    if (
      claimed.length !== digest.length ||
      !timingSafeEqual(Buffer.from(claimed), Buffer.from(digest))
    ) {
      return { ok: false, reason: 'digest does not match the body' };
    }
    const date = Date.parse(header(req, 'date') ?? '');
    if (!Number.isFinite(date) || Math.abs(now - date) > MAX_CLOCK_SKEW_MS)
      return { ok: false, reason: 'date missing or too far off' };

    let key: KeyObject;
    try {
      key = await this.resolveKey(params.keyId ?? '');
    } catch (err) {
      if (err instanceof UnknownKeyError) return { ok: false, reason: 'unknown keyId' };
      throw err;
    }
    // Node decodes base64 and base64url, padded or not: the bytes are what was verified.
    const signature = Buffer.from(params.signature, 'base64');
    for (const seenAs of this.seenAs(req)) {
      const lines = signed.map((name) => {
        if (name === '(request-target)')
          return `(request-target): ${req.method.toLowerCase()} ${seenAs.target}`;
        if (name === 'host') return `host: ${seenAs.host}`;
        return `${name}: ${header(req, name) ?? ''}`;
      });
      if (createVerify('sha256').update(lines.join('\n')).verify(key, signature)) {
        return { ok: true, signatureHash: createHash('sha256').update(signature).digest() };
      }
    }
    return { ok: false, reason: 'bad signature' };
  }

  /** The request as it reached us, and as tru.ID addressed it (PUBLIC_URL's host and path prefix). */
  private seenAs(req: CallbackRequest): { target: string; host: string }[] {
    const received = { target: req.target, host: header(req, 'host') ?? '' };
    if (!this.publicUrl) return [received];
    const url = new URL(this.publicUrl);
    const prefix = url.pathname.replace(/\/+$/, '');
    const addressed = { target: `${prefix}${req.target}`, host: url.host };
    return addressed.target === received.target && addressed.host === received.host
      ? [received]
      : [received, addressed];
  }
}
