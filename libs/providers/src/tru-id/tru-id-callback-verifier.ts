import { createHash, createPublicKey, createVerify, KeyObject, timingSafeEqual } from 'node:crypto';

export interface CallbackRequest {
  method: string;
  /** Path and query as received (`originalUrl`). */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export type CallbackVerdict = { ok: true; signature: string } | { ok: false; reason: string };

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

/**
 * Verifies a tru.ID callback: the body matches its SHA-256 Digest, the Date is within five
 * minutes, and the HTTP message signature over (request-target) host date x-tru-callback digest
 * verifies with tru.ID's public key.
 */
export class TruIdCallbackVerifier {
  private readonly key: KeyObject;

  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
  }

  verify(req: CallbackRequest, now = Date.now()): CallbackVerdict {
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

    const lines = signed.map((name) =>
      name === '(request-target)'
        ? `(request-target): ${req.method.toLowerCase()} ${req.target}`
        : `${name}: ${header(req, name) ?? ''}`,
    );
    const valid = createVerify('sha256')
      .update(lines.join('\n'))
      .verify(this.key, params.signature, 'base64');
    return valid
      ? { ok: true, signature: params.signature }
      : { ok: false, reason: 'bad signature' };
  }
}
