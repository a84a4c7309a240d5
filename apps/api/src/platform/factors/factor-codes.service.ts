import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { SecretBox } from '@simauth/credentials';
import { RateLimitedError } from '@simauth/http';
import { AuthenticatorPort } from '@simauth/providers';
import { Factor, FactorsRepository, FactorType } from './factors.repository';
import { dataKey } from '../secrets/shared-secret';

interface NewFactorSecret {
  providerFactorId?: string;
  secretCiphertext?: Buffer;
  otpauthUrl: string;
  qrDataUrl: string;
}

/**
 * How a code is checked: to activate a factor, or to answer a challenge (tru.ID's, if any); for
 * the request that brought it (its id goes into the log line of a lock).
 */
type CodeCheck = { requestId?: string } & (
  { purpose: 'activate' } | { purpose: 'challenge'; providerChallengeId?: string }
);

// One period either side: authenticator apps and servers drift by a few seconds.
const EPOCH_TOLERANCE_SECONDS = 30;
// How long a code tru.ID accepted could still be valid: its 30 s period and a period either side.
const PROVIDER_CODE_WINDOW_SECONDS = 3 * 30;

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

  /**
   * Whether the code is right. Each check first takes one of the factor's tries (one statement),
   * so concurrent wrong codes cannot be evaluated more often than FACTOR_MAX_FAILED_CODES; throws
   * RateLimitedError while the factor is locked or its tries are all in use.
   */
  async check(factor: Factor, code: string, how: CodeCheck): Promise<boolean> {
    const { maxFailedCodes } = this.config.factors;
    if (!(await this.factors.takeTry(factor.id, maxFailedCodes))) {
      const lockedUntil = (await this.factors.find(factor.id))?.lockedUntil;
      if (lockedUntil && lockedUntil.getTime() > Date.now()) {
        throw new RateLimitedError(
          'Too many wrong codes; this factor is locked for a while.',
          (lockedUntil.getTime() - Date.now()) / 1000,
        );
      }
      throw new RateLimitedError('Other codes for this factor are being checked; try again.', 1);
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
      let accepted: boolean;
      if (how.purpose === 'activate') {
        accepted = await this.authenticator.activateFactor(factor.providerFactorId!, code);
      } else {
        const challengeId =
          how.providerChallengeId ??
          (await this.authenticator.createChallenge(factor.providerFactorId!, factor.id))
            .challengeId;
        accepted =
          (await this.authenticator.verifyChallenge(
            factor.providerFactorId!,
            challengeId,
            code,
          )) === 'VERIFIED';
      }
      // tru.ID keeps the seed, so no time step is known here: a code it accepted is remembered
      // (hashed) for as long as it could be valid, and accepted once.
      return (
        accepted &&
        this.factors.useCode(
          factor.id,
          createHash('sha256').update(`${factor.id}:${code}`).digest(),
          PROVIDER_CODE_WINDOW_SECONDS,
        )
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

  private sharedGeneratedKey(): Promise<Buffer> {
    this.logger.warn(
      'TOTP_ENCRYPTION_KEY is not set: using a key kept in the database (set it in production)',
    );
    return dataKey(this.db, undefined);
  }
}
