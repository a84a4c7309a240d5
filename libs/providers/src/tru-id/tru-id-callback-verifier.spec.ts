import { generateKeyPairSync } from 'node:crypto';
import { signedCallbackHeaders } from '@simauth/sandbox';
import { TruIdCallbackVerifier } from './tru-id-callback-verifier';

/** tru.ID signs the URL it calls; behind a proxy the process receives another path and Host. */
describe('TruIdCallbackVerifier behind a proxy', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const body = JSON.stringify({ challenge_id: 'c1', status: 'VERIFIED' });

  /** What reaches the process when tru.ID calls `calledUrl`: the proxy strips /auth and sets Host. */
  const received = (calledUrl: string) => ({
    method: 'POST',
    target: '/v1/callbacks/truid/challenges',
    headers: {
      ...signedCallbackHeaders(calledUrl, body, 'authenticator_challenge', privateKey, 'k1'),
      host: 'simauth:3000',
    },
    rawBody: Buffer.from(body),
  });

  it('verifies what tru.ID signed for PUBLIC_URL (its host and path prefix)', async () => {
    const verifier = TruIdCallbackVerifier.withPublicKey(pem, 'https://login.example.com/auth');
    const verdict = await verifier.verify(
      received('https://login.example.com/auth/v1/callbacks/truid/challenges'),
    );
    expect(verdict.ok).toBe(true);
  });

  it('refuses a signature made for another path or host', async () => {
    const verifier = TruIdCallbackVerifier.withPublicKey(pem, 'https://login.example.com/auth');
    for (const url of [
      'https://login.example.com/auth/v1/other',
      'https://evil.example.com/auth/v1/callbacks/truid/challenges',
    ]) {
      expect(await verifier.verify(received(url))).toEqual({ ok: false, reason: 'bad signature' });
    }
  });

  it('without PUBLIC_URL, only what reached the process verifies', async () => {
    const verifier = TruIdCallbackVerifier.withPublicKey(pem);
    const verdict = await verifier.verify(
      received('https://login.example.com/auth/v1/callbacks/truid/challenges'),
    );
    expect(verdict.ok).toBe(false);
  });
});
