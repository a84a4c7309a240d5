import { randomUUID } from 'node:crypto';
import { importPKCS8, KeyLike, SignJWT } from 'jose';
import { Clock, SystemClock } from './clock';

/** Signs Vonage application JWTs (RS256: application_id, iat, exp, jti), as Vonage's SDK does. */
export class VonageJwtSigner {
  private key?: Promise<KeyLike>;

  constructor(
    private readonly applicationId: string,
    private readonly privateKeyPem: string,
    private readonly ttlSeconds = 900,
    private readonly clock: Clock = new SystemClock(),
  ) {}

  async sign(): Promise<string> {
    // Parse the key once; a malformed key fails here with a message that does not include it.
    this.key ??= importPKCS8(this.privateKeyPem, 'RS256').catch(() => {
      throw new Error('VONAGE_PRIVATE_KEY is not a PKCS#8 PEM RSA private key');
    });
    const iat = Math.floor(this.clock.now() / 1000);
    return new SignJWT({ application_id: this.applicationId })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(await this.key);
  }
}
