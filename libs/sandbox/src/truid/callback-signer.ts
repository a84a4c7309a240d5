import { createHash, createSign, KeyObject } from 'node:crypto';

/**
 * Signs a callback the way tru.ID documents for its callbacks: a SHA-256 `Digest` of the body, a
 * `Date`, and an HTTP message signature over `(request-target) host date x-tru-callback digest`.
 * Written on its own (not shared with simauth's verifier) so the two check each other.
 */
export function signedCallbackHeaders(
  url: string,
  body: string,
  kind: string,
  privateKey: KeyObject,
  keyId: string,
) {
  const target = new URL(url);
  const date = new Date().toUTCString();
  const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
  const lines = [
    `(request-target): post ${target.pathname}${target.search}`,
    `host: ${target.host}`,
    `date: ${date}`,
    `x-tru-callback: ${kind}`,
    `digest: ${digest}`,
  ];
  const signature = createSign('sha256').update(lines.join('\n')).sign(privateKey, 'base64');
  return {
    'content-type': 'application/json',
    date,
    digest,
    'x-tru-callback': kind,
    authorization: `Signature keyId="${keyId}",algorithm="rsa-sha256",headers="(request-target) host date x-tru-callback digest",signature="${signature}"`,
  };
}
