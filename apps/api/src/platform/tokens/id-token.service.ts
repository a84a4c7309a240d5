import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createLocalJWKSet,
  exportJWK,
  importPKCS8,
  jwtVerify,
  JWK,
  JWTPayload,
  KeyLike,
  SignJWT,
} from 'jose';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { SecretBox } from '@simauth/credentials';
import { AccountsService } from '../identity/accounts.service';
import { dataKey, keptDataKey, resealWithConfiguredKey } from '../secrets/shared-secret';
import {
  keyIdOf,
  liveSigningKeys,
  sealClearSigningKeys,
  SIGNING_ALGS,
  SigningAlg,
  StoredSigningKey,
} from './signing-keys';

interface IdTokenSubject {
  userId: string;
  phoneNumber: string;
  /** How the person proved it: `sim` (PhoneCheck), `otp`, `nv` (Number Verification). */
  amr: string[];
  /** Unique id of this sign-in (the attempt id). */
  sessionId: string;
}

interface LoadedKey {
  kid: string;
  alg: SigningAlg;
  signsFrom: Date;
  signingKey: KeyLike;
  publicJwk: JWK;
  privateJwk: JWK;
}

/**
 * The context flag (AttemptStateMachine.claimOnce) that marks a login's one /v1 id_token as
 * handed out; set to null, it is closed: none is ever handed out for that login.
 */
export const ID_TOKEN_CLAIM = 'id_token_issued';

/** Clocks of replicas and clients disagree by this much at most. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** How often a replica re-reads the key set, to publish a rotated key and to start signing with it. */
const RELOAD_MS = 30_000;
/** The smallest RSA key that signs (RFC 7518 §3.3 asks 2048 bits at least). */
const MIN_RSA_BITS = 2048;

/**
 * Signs id_tokens (ES256) and publishes the verification keys as a JWKS. The keys come from the
 * database, sealed with the data key, where `npm run keys:rotate` adds an ES256 and an RS256 one
 * (the OpenID Provider's, for relying parties that ask for RS256); JWT_SIGNING_KEY, when set,
 * is the ES256 key instead. Every key in force is published; of each algorithm, the newest whose
 * time has come signs.
 */
@Injectable()
export class IdTokenService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IdTokenService.name);
  private keys: LoadedKey[] = [];
  /** The key that signs, of each algorithm. */
  private active!: Record<SigningAlg, LoadedKey>;
  private box!: SecretBox;
  private verifySet!: ReturnType<typeof createLocalJWKSet>;
  private state = '';
  private timer?: NodeJS.Timeout;
  private readonly listeners: (() => void)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const configured = this.config.factors.encryptionKey;
    this.box = new SecretBox(await dataKey(this.db, configured));
    const kept = configured && (await keptDataKey(this.db));
    if (kept && !kept.equals(configured)) {
      // Signing keys, TOTP seeds and registered webhook secrets alike, before anything reads them.
      for (const { what, count } of await resealWithConfiguredKey(
        this.db,
        this.box,
        new SecretBox(kept),
      )) {
        this.logger.log(`sealed ${count} ${what}(s) again with TOTP_ENCRYPTION_KEY`);
      }
    }
    const sealed = await sealClearSigningKeys(this.db, this.box);
    if (sealed > 0) this.logger.log(`sealed ${sealed} signing key(s) kept in clear until now`);
    await this.reload();
    // With JWT_SIGNING_KEY set the RS256 key still comes from the database, and rotates there.
    this.timer = setInterval(() => {
      this.reload().catch((err: Error) => this.logger.warn(`key reload failed: ${err.message}`));
    }, RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Calls `listener` whenever the published keys or the signing key change. */
  onKeysChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Re-reads the keys; tells the listeners when anything changed. */
  async reload(): Promise<void> {
    const pem = this.config.tokens.signingKey;
    const stored: Omit<StoredSigningKey, 'kid' | 'retireAt'>[] = [
      ...(pem ? [{ pem, alg: 'ES256' as const, signsFrom: new Date(0) }] : []),
      ...(await liveSigningKeys(this.db, this.box, pem ? ['RS256'] : SIGNING_ALGS)),
    ];
    const known = new Map(this.keys.map((k) => [k.kid, k]));
    const keys: LoadedKey[] = [];
    for (const key of stored) {
      const kid = keyIdOf(key.pem);
      keys.push(known.get(kid) ?? (await this.load(kid, key.alg, key.pem, key.signsFrom)));
    }
    // The newest key whose time has come signs: a key added later wins over an earlier one, even
    // one whose own time comes after it (a rotation with --now overtakes a scheduled one).
    const now = Date.now();
    const activeOf = (alg: SigningAlg) => {
      const ofAlg = keys.filter((k) => k.alg === alg);
      return ofAlg.filter((k) => k.signsFrom.getTime() <= now).at(-1) ?? ofAlg[0];
    };
    const active = { ES256: activeOf('ES256'), RS256: activeOf('RS256') };
    const state = `${active.ES256.kid}|${active.RS256.kid}|${keys.map((k) => k.kid).join(',')}`;
    if (state === this.state) return;
    const first = this.state === '';
    this.keys = keys;
    this.active = active;
    this.verifySet = createLocalJWKSet({ keys: keys.map((k) => k.publicJwk) });
    this.state = state;
    if (!first) {
      this.logger.log(
        `signing keys: ${keys.map((k) => `${k.kid} (${k.alg})`).join(', ')}; signing with ${active.ES256.kid} and ${active.RS256.kid}`,
      );
      for (const listener of this.listeners) listener();
    }
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
      .setProtectedHeader({ alg: 'ES256', kid: this.active.ES256.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + idTokenTtlSeconds)
      .setJti(subject.sessionId)
      .sign(this.active.ES256.signingKey);
  }

  /**
   * The signed-in user of a valid id_token of ours, or undefined: signature, issuer, audience,
   * `exp` and `iat` required, no older than its lifetime, and `sub` a user that exists.
   */
  async verify(idToken: string): Promise<{ userId: string; phoneNumber: string } | undefined> {
    let sub: string | undefined;
    try {
      const { payload } = await jwtVerify(idToken, this.verifySet, {
        algorithms: ['ES256'],
        issuer: this.config.tokens.issuer,
        audience: this.config.tokens.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: this.config.tokens.idTokenTtlSeconds + CLOCK_TOLERANCE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      sub = payload.sub;
    } catch {
      return undefined;
    }
    // The user as the database knows it now (a token outlives nothing it names).
    const phoneNumber = sub ? await this.accounts.findPhoneByUserId(sub) : undefined;
    return phoneNumber ? { userId: sub!, phoneNumber } : undefined;
  }

  /**
   * The claims of an access token the OpenID Provider issued as a JWT for `audience` (e.g. the
   * admin API's, by the client_credentials grant), or undefined: signature by one of our keys,
   * issuer, audience, `typ` at+jwt, expiry.
   */
  async verifyAccessToken(token: string, audience: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.verifySet, {
        algorithms: ['ES256'],
        issuer: this.config.tokens.issuer,
        audience,
        typ: 'at+jwt',
        requiredClaims: ['exp', 'client_id'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return payload;
    } catch {
      return undefined;
    }
  }

  /** Every key in force, the signing one and those about to sign or just retired from it. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }

  /**
   * The private keys, for the OpenID Provider: its tokens and ours share one JWKS. The signing
   * keys come first, as the library signs with the first key of the algorithm.
   */
  signingJwks(): { keys: JWK[] } {
    const signing = [this.active.ES256, this.active.RS256];
    return {
      keys: [...signing, ...this.keys.filter((k) => !signing.includes(k))].map((k) => k.privateJwk),
    };
  }

  private async load(
    kid: string,
    alg: SigningAlg,
    pem: string,
    signsFrom: Date,
  ): Promise<LoadedKey> {
    const privateKey = createPrivateKey(pem);
    const details = privateKey.asymmetricKeyDetails;
    if (alg === 'ES256' && details?.namedCurve !== 'prime256v1') {
      throw new Error('JWT_SIGNING_KEY must be an EC P-256 key');
    }
    if (
      alg === 'RS256' &&
      (privateKey.asymmetricKeyType !== 'rsa' || details!.modulusLength! < MIN_RSA_BITS)
    ) {
      throw new Error(`signing key ${kid} is not an RSA key of ${MIN_RSA_BITS} bits or more`);
    }
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const meta = { kid, use: 'sig', alg };
    return {
      kid,
      alg,
      signsFrom,
      signingKey: await importPKCS8(pkcs8, alg),
      publicJwk: { ...(await exportJWK(createPublicKey(privateKey))), ...meta },
      privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    };
  }
}
