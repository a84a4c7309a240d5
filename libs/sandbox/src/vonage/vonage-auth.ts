import type { Request } from 'express';
import { importSPKI, jwtVerify, KeyLike } from 'jose';
import { ProviderStyleError } from '../sandbox-error';

function unauthorized(detail: string, req: Request) {
  return new ProviderStyleError(
    401,
    {
      type: 'https://developer.vonage.com/api-errors#unauthorized',
      title: 'Invalid credentials supplied',
      detail,
      instance: req.path,
    },
    'application/problem+json',
  );
}

/** Verifies Vonage application JWTs (RS256) against the application's public key. */
export class VonageJwtVerifier {
  private key?: Promise<KeyLike>;

  constructor(
    private readonly publicKeyPem: string,
    private readonly applicationId: string,
  ) {}

  async verify(req: Request): Promise<void> {
    const match = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '');
    if (!match) throw unauthorized('Missing bearer JWT', req);
    this.key ??= importSPKI(this.publicKeyPem, 'RS256');
    try {
      const { payload } = await jwtVerify(match[1], await this.key, { algorithms: ['RS256'] });
      if (payload.application_id !== this.applicationId) throw new Error('wrong application');
      if (typeof payload.exp !== 'number' || typeof payload.jti !== 'string')
        throw new Error('claims');
    } catch {
      throw unauthorized('The JWT is invalid, expired, or not signed by this application', req);
    }
  }
}
