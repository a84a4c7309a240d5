import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { exportJWK, importPKCS8, jwtVerify, JWK, KeyLike, SignJWT } from 'jose';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { sharedSecret } from './shared-secret';

export interface IdTokenSubject {
  userId: string;
  phoneNumber: string;
  /** How the person proved it: `sim` (PhoneCheck), `otp`, `nv` (Number Verification). */
  amr: string[];
  /** Unique id of this sign-in (the attempt id). */
  sessionId: string;
}

const KEY_ID_BYTES = 8;

/** Signs id_tokens (ES256) and publishes the verification key as a JWKS. */
@Injectable()
export class IdTokenService implements OnModuleInit {
  private signingKey!: KeyLike;
  private verifyKey!: KeyLike;
  private kid!: string;
  private publicJwk!: JWK;
  private privateJwk!: JWK;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const pem = this.config.tokens.signingKey ?? (await this.sharedGeneratedKey());
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('JWT_SIGNING_KEY must be an EC P-256 key');
    }
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.signingKey = await importPKCS8(pkcs8, 'ES256');
    const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    this.kid = createHash('sha256')
      .update(spki)
      .digest('base64url')
      .slice(0, KEY_ID_BYTES * 2);
    this.verifyKey = createPublicKey(privateKey);
    this.publicJwk = {
      ...(await exportJWK(this.verifyKey)),
      kid: this.kid,
      use: 'sig',
      alg: 'ES256',
    };
    this.privateJwk = { ...(await exportJWK(privateKey)), kid: this.kid, use: 'sig', alg: 'ES256' };
  }

  async sign(subject: IdTokenSubject): Promise<string> {
    const { issuer, audience, idTokenTtlSeconds } = this.config.tokens;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      phone_number: subject.phoneNumber,
      amr: subject.amr,
      auth_time: now,
      sid: subject.sessionId,
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + idTokenTtlSeconds)
      .setJti(subject.sessionId)
      .sign(this.signingKey);
  }

  /** The signed-in user of a valid, unexpired id_token of ours, or undefined. */
  async verify(idToken: string): Promise<{ userId: string; phoneNumber: string } | undefined> {
    try {
      const { payload } = await jwtVerify(idToken, this.verifyKey, {
        algorithms: ['ES256'],
        issuer: this.config.tokens.issuer,
        audience: this.config.tokens.audience,
      });
      if (typeof payload.sub !== 'string' || typeof payload.phone_number !== 'string')
        return undefined;
      return { userId: payload.sub, phoneNumber: payload.phone_number };
    } catch {
      return undefined;
    }
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** The private signing keys, for the OpenID Provider: its tokens and ours share one JWKS. */
  signingJwks(): { keys: JWK[] } {
    return { keys: [this.privateJwk] };
  }

  /** The first replica to start generates the key; every replica then reads the same one. */
  private sharedGeneratedKey(): Promise<string> {
    return sharedSecret(this.db, 'default', () =>
      generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    );
  }
}
