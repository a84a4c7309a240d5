import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { generateKeyPairSync } from 'node:crypto';
import { SANDBOX_OPTIONS } from '../sandbox.tokens';
import { SandboxOptions } from '../sandbox-options';

/**
 * tru.ID's callback signing keys, published at `{base}/.well-known/jwks.json`; a callback's
 * signature names its key by keyId (the JWK's kid).
 */
@Controller()
export class CallbackKeysController {
  constructor(@Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions) {}

  @Get('.well-known/jwks.json')
  jwks() {
    return {
      keys: this.options.authenticator.published.map(({ kid, publicKey }) => ({
        ...publicKey.export({ format: 'jwk' }),
        kid,
        use: 'sig',
        alg: 'RS256',
      })),
    };
  }

  /** Sandbox only: tru.ID starts signing with a new key (published beside the old ones). */
  @Post('sandbox/truid/callback-keys/rotate')
  @HttpCode(200)
  rotate() {
    const auth = this.options.authenticator;
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = `sandbox-callbacks-${auth.published.length + 1}`;
    auth.published.push({ kid, publicKey });
    auth.privateKey = privateKey;
    auth.keyId = kid;
    auth.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    return { kid };
  }
}
