import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { Attempt, AttemptStateMachine, InvalidTransitionError } from '@simauth/attempts';
import { AttemptKind } from '../attempt-kind';
import { FactorActivationStatus } from './factor-activation.states';
import { FactorChallengeStatus as CS } from './factor-challenge.states';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  UnprocessableError,
} from '@simauth/http';
import { CallbackRequest, TruIdCallbackVerifier } from '@simauth/providers';
import { FactorRemoval } from '../../platform/factors/factor-removal';
import { FactorCodesService } from '../../platform/factors/factor-codes.service';
import { Factor, FactorsRepository, FactorType } from '../../platform/factors/factors.repository';
import { SignedInUser } from '../../platform/tokens/user-auth.guard';

type Challenge = Attempt<CS>;

/** The flag on a challenge whose code was sent to simauth (one per challenge). */
const CODE_SUBMITTED = 'code_submitted';

/** A signed-in user's authenticator factors: onboarding, activation, challenges, provider callbacks. */
@Injectable()
export class AuthenticatorsService {
  private readonly logger = new Logger(AuthenticatorsService.name);
  private readonly callbackVerifier?: TruIdCallbackVerifier;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: AttemptStateMachine,
    private readonly factors: FactorsRepository,
    private readonly codes: FactorCodesService,
    private readonly db: DataSource,
    private readonly removal: FactorRemoval,
  ) {
    const truId = config.providers.truId;
    const publicUrl = config.http.publicUrl;
    if (truId?.callbackPublicKey) {
      this.callbackVerifier = TruIdCallbackVerifier.withPublicKey(
        truId.callbackPublicKey,
        publicUrl,
      );
    } else if (truId) {
      this.callbackVerifier = TruIdCallbackVerifier.withJwks(
        truId.baseUrl,
        config.providers.timeoutMs,
        publicUrl,
      );
    }
  }

  /** A PENDING factor with its QR code; it must be activated with a first code before it expires. */
  async create(user: SignedInUser, type: FactorType, requestId?: string) {
    const id = randomUUID();
    const secret = await this.codes.newSecret(type, user.phoneNumber, `${user.userId}:${id}`);
    await this.db.transaction(async (tx) => {
      await this.factors.insert({ id, userId: user.userId, type, ...secret }, tx);
      await this.attempts.create(
        {
          id,
          kind: AttemptKind.FactorActivation,
          ttlSeconds: this.config.factors.activationTtlSeconds,
          actor: 'user',
          userId: user.userId,
          requestId,
        },
        tx,
      );
    });
    return { factorId: id, otpauthUrl: secret.otpauthUrl, qrDataUrl: secret.qrDataUrl };
  }

  list(user: SignedInUser): Promise<Factor[]> {
    return this.factors.listByUser(user.userId);
  }

  /**
   * The user deletes one of their own factors (with `factor.deleted`, as an operator's deletion);
   * another user's factor is answered 404 like an unknown one, so ids cannot be probed.
   */
  async remove(user: SignedInUser, factorId: string, requestId?: string): Promise<void> {
    const by = user.deviceId
      ? { actor: 'device' as const, device_id: user.deviceId, request_id: requestId ?? null }
      : { actor: 'user' as const, request_id: requestId ?? null };
    if (!(await this.removal.remove(factorId, by, user.userId)))
      throw new NotFoundError('No such factor.');
  }

  async activate(
    user: SignedInUser,
    factorId: string,
    code: string,
    requestId?: string,
  ): Promise<Factor['status']> {
    const factor = await this.owned(user, factorId);
    const activation = await this.attempts.get(AttemptKind.FactorActivation, factorId);
    this.attempts.assertLive(activation);
    if (factor.status !== 'PENDING')
      throw new InvalidTransitionError(factorId, factor.status, 'ACTIVE');
    if (!(await this.codes.check(factor, code, { purpose: 'activate', requestId }))) {
      throw new UnprocessableError('The code is not valid; the factor stays PENDING.');
    }
    await this.db.transaction(async (tx) => {
      await this.attempts.transition(
        {
          kind: AttemptKind.FactorActivation,
          id: factorId,
          to: FactorActivationStatus.Active,
          actor: 'user',
          reason: 'first valid code',
          requestId,
        },
        tx,
      );
      await this.factors.activate(factorId, tx);
    });
    return 'ACTIVE';
  }

  async createChallenge(
    user: SignedInUser,
    factorId: string,
    message?: string,
    requestId?: string,
  ): Promise<Challenge> {
    const factor = await this.owned(user, factorId);
    if (factor.status !== 'ACTIVE') throw new ConflictError('The factor is not active.');
    const id = randomUUID();
    const providerRef =
      factor.type === 'truid' ? (await this.codes.providerChallenge(factor, id)).challengeId : null;
    return this.attempts.create({
      id,
      kind: AttemptKind.FactorChallenge,
      ttlSeconds: this.config.factors.challengeTtlSeconds,
      actor: 'user',
      userId: user.userId,
      providerRef,
      context: { factor_id: factorId, ...(message ? { message } : {}) },
      requestId,
    });
  }

  /** A challenge on one of this user's factors (404 for another factor's). */
  async getChallenge(
    user: SignedInUser,
    factorId: string,
    challengeId: string,
  ): Promise<Challenge> {
    await this.owned(user, factorId);
    const challenge = await this.attempts.get(AttemptKind.FactorChallenge, challengeId);
    if (challenge.context.factor_id !== factorId)
      throw new NotFoundError('No such challenge on this factor.');
    return challenge;
  }

  /** One answer per challenge: a right code verifies it, a wrong or replayed one fails it. */
  async verifyChallenge(
    user: SignedInUser,
    factorId: string,
    challengeId: string,
    code: string,
    requestId?: string,
  ): Promise<CS> {
    const factor = await this.owned(user, factorId);
    const challenge = await this.attempts.get(AttemptKind.FactorChallenge, challengeId);
    if (challenge.context.factor_id !== factorId)
      throw new NotFoundError('No such challenge on this factor.');
    this.attempts.assertLive(challenge);
    if (challenge.isFinal)
      throw new InvalidTransitionError(challengeId, challenge.status, CS.Verified);
    // One code per challenge: the claim also tells tru.ID's callback for this challenge (sent
    // when tru.ID resolves it) that simauth decides it, replay protection included.
    const claimed = await this.attempts.claimOnce(
      AttemptKind.FactorChallenge,
      challengeId,
      CS.Pending,
      CODE_SUBMITTED,
      'user',
      requestId,
    );
    if (!claimed) throw new InvalidTransitionError(challengeId, 'being answered', CS.Verified);
    let valid: boolean;
    try {
      valid = await this.codes.check(factor, code, {
        purpose: 'challenge',
        providerChallengeId: challenge.providerRef ?? undefined,
        requestId,
      });
    } catch (err) {
      // Not evaluated (factor locked, provider down): the challenge may take a code again.
      await this.attempts.releaseClaim(
        AttemptKind.FactorChallenge,
        challengeId,
        CS.Pending,
        CODE_SUBMITTED,
      );
      throw err;
    }
    const moved = await this.attempts.transition({
      kind: AttemptKind.FactorChallenge,
      id: challengeId,
      to: valid ? CS.Verified : CS.Failed,
      actor: 'user',
      reason: valid ? 'valid code' : 'wrong or reused code',
      requestId,
    });
    return moved.status;
  }

  /**
   * tru.ID tells us a challenge changed. Only a correctly signed, fresh callback is believed. Its
   * receipt (the signature's bytes, however encoded) commits with the move, so a callback is
   * applied once: a duplicate (tru.ID retries until it gets a 2xx) is acknowledged with the
   * challenge's status, changes nothing, and is logged.
   */
  async challengeCallback(
    req: CallbackRequest,
    body: { challenge_id?: unknown; status?: unknown },
    requestId?: string,
  ): Promise<CS> {
    const verdict = (await this.callbackVerifier?.verify(req)) ?? {
      ok: false,
      reason: 'no callback key configured',
    };
    if (!verdict.ok)
      throw new UnauthorizedError(`The callback signature is not valid (${verdict.reason}).`);

    const status = body.status as CS;
    if (
      typeof body.challenge_id !== 'string' ||
      ![CS.Verified, CS.Failed, CS.Expired].includes(status)
    ) {
      throw new UnprocessableError('The callback names no challenge or no final status.');
    }
    const challengeId = body.challenge_id;
    return this.db.transaction(async (tx) => {
      const duplicate = await this.factors.hasReceipt(tx, verdict.signatureHash);
      const challenge = await this.attempts.findByProviderRef(
        AttemptKind.FactorChallenge,
        challengeId,
      );
      if (!challenge) throw new NotFoundError('Unknown challenge.');
      if (challenge.context[CODE_SUBMITTED]) {
        // A code sent to simauth answers this challenge: simauth's verdict stands (a code tru.ID
        // accepts again may be one simauth refuses as reused).
        this.logger.log(
          { req: { id: requestId }, challenge_id: challenge.id },
          'tru.ID callback for a challenge answered by code through simauth; nothing changed',
        );
        return challenge.status;
      }
      if (duplicate) {
        this.logger.log(
          { req: { id: requestId }, challenge_id: challenge.id },
          'duplicate tru.ID callback acknowledged; nothing changed',
        );
        return challenge.status;
      }
      if (challenge.status === status) return status;
      const moved = await this.attempts.transition(
        {
          kind: AttemptKind.FactorChallenge,
          id: challenge.id,
          to: status,
          actor: 'provider',
          reason: 'tru.ID challenge callback',
          requestId,
        },
        tx,
      );
      return moved.status;
    });
  }

  private async owned(user: SignedInUser, factorId: string): Promise<Factor> {
    const factor = await this.factors.find(factorId);
    if (!factor) throw new NotFoundError('No such factor.');
    if (factor.userId !== user.userId)
      throw new ForbiddenError('This factor belongs to another user.');
    return factor;
  }
}
