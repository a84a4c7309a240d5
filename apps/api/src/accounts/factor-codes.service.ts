import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { SecretBox } from '@simauth/credentials';
import { RateLimitedError } from '@simauth/http';
import { AuthenticatorPort } from '@simauth/providers';
import { Factor, FactorsRepository, FactorType } from './factors.repository';
import { sharedSecret } from './shared-secret';

export interface NewFactorSecret {
  providerFactorId?: string;
  secretCiphertext?: Buffer;
  otpauthUrl: string;
  qrDataUrl: string;
}

/**
 * How a code is checked: to activate a factor, or to answer a challenge (tru.ID's, if any); for
 * the request that brought it (its id goes into the log line of a lock).
 */
export type CodeCheck = { requestId?: string } & (
  { purpose: 'activate' } | { purpose: 'challenge'; providerChallengeId?: string }
);

// One period either side: authenticator apps and servers drift by a few seconds.
const EPOCH_TOLERANCE_SECONDS = 30;

/**
 * The authenticator codes of a user's factors: local TOTP (RFC 6238, otplib) with the seed
 * encrypted at rest, or tru.ID Authenticator. Every check counts wrong codes and refuses a locked
 * factor; a local code is single use within its window.
 */
@Injectable()
export class FactorCodesService implements OnModuleInit {
  private readonly logger = new Logger(FactorCodesService.name);
  private box!: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly factors: FactorsRepository,
    private readonly authenticator: AuthenticatorPort,
    private readonly db: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    this.box = new SecretBox(
      this.config.factors.encryptionKey ?? (await this.sharedGeneratedKey()),
    );
  }

  /** A new seed: generated here (totp) or by tru.ID (truid), with its otpauth URI and QR code. */
  async newSecret(
    type: FactorType,
    phoneNumber: string,
    externalUserId: string,
  ): Promise<NewFactorSecret> {
    if (type === 'truid') {
      const f = await this.authenticator.createFactor(phoneNumber, externalUserId);
      return { providerFactorId: f.factorId, otpauthUrl: f.otpauthUrl, qrDataUrl: f.qrDataUrl };
    }
    const secret = generateSecret();
    const otpauthUrl = generateURI({
      issuer: this.config.factors.issuer,
      label: phoneNumber,
      secret,
    });
    return {
      secretCiphertext: this.box.seal(secret),
      otpauthUrl,
      qrDataUrl: await toDataURL(otpauthUrl),
    };
  }

  /** Opens a challenge at tru.ID for a truid factor (the code is then checked against it). */
  providerChallenge(factor: Factor, referenceId: string): Promise<{ challengeId: string }> {
    return this.authenticator.createChallenge(factor.providerFactorId!, referenceId);
  }

  /** Throws RateLimitedError while the factor is locked; otherwise whether the code is right. */
  async check(factor: Factor, code: string, how: CodeCheck): Promise<boolean> {
    if (factor.lockedUntil && factor.lockedUntil.getTime() > Date.now()) {
      throw new RateLimitedError(
        'Too many wrong codes; this factor is locked for a while.',
        (factor.lockedUntil.getTime() - Date.now()) / 1000,
      );
    }
    const valid = /^\d{6}$/.test(code) && (await this.verify(factor, code, how));
    if (valid) {
      await this.factors.resetFailures(factor.id);
      return true;
    }
    const lockedUntil = await this.factors.recordFailure(
      factor.id,
      this.config.factors.maxFailedCodes,
      this.config.factors.lockSeconds,
    );
    if (lockedUntil)
      this.logger.warn(
        { req: { id: how.requestId }, factor_id: factor.id },
        'factor locked after repeated wrong codes',
      );
    return false;
  }

  private async verify(factor: Factor, code: string, how: CodeCheck): Promise<boolean> {
    if (factor.type === 'truid') {
      if (how.purpose === 'activate')
        return this.authenticator.activateFactor(factor.providerFactorId!, code);
      const challengeId =
        how.providerChallengeId ??
        (await this.authenticator.createChallenge(factor.providerFactorId!, factor.id)).challengeId;
      return (
        (await this.authenticator.verifyChallenge(factor.providerFactorId!, challengeId, code)) ===
        'VERIFIED'
      );
    }
    const result = await verify({
      secret: this.box.open(factor.secretCiphertext!),
      token: code,
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      ...(factor.lastTimeStep !== null ? { afterTimeStep: factor.lastTimeStep } : {}),
    });
    // The conditional update settles a race between two requests carrying the same code.
    if (!result.valid || !('timeStep' in result)) return false;
    return this.factors.acceptTimeStep(factor.id, result.timeStep);
  }

  private async sharedGeneratedKey(): Promise<Buffer> {
    this.logger.warn(
      'TOTP_ENCRYPTION_KEY is not set: using a key kept in the database (set it in production)',
    );
    const key = await sharedSecret(this.db, 'totp-encryption', () =>
      randomBytes(32).toString('base64'),
    );
    return Buffer.from(key, 'base64');
  }
}
