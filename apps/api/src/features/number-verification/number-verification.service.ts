import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { Attempt, AttemptStateMachine, InvalidTransitionError } from '@simauth/attempts';
import { AttemptKind } from '../attempt-kind';
import { NumberVerificationStatus as NV } from './number-verification.states';
import { hashSecret } from '@simauth/credentials';
import { NotFoundError } from '@simauth/http';
import { NetworkEnablementPort, NumberVerificationPort, ProviderError } from '@simauth/providers';
import { AccountsService } from '../../platform/identity/accounts.service';
import { IdTokenService } from '../../platform/tokens/id-token.service';

const KIND = AttemptKind.NumberVerification;
type Verification = Attempt<NV>;

interface CallbackOutcome {
  verification: Verification;
  idToken?: string;
}

/** Vonage Network Enablement → the device authorises over mobile data → CAMARA Number Verification. */
@Injectable()
export class NumberVerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: AttemptStateMachine,
    private readonly enablement: NetworkEnablementPort,
    private readonly numberVerification: NumberVerificationPort,
    private readonly accounts: AccountsService,
    private readonly idTokens: IdTokenService,
    private readonly db: DataSource,
  ) {}

  /** A random state (stored hashed) binds the auth URL to this attempt and this number. */
  async start(
    phoneNumber: string,
    requestId?: string,
  ): Promise<{ verification: Verification; authUrl: string }> {
    const state = randomBytes(32).toString('base64url');
    const { authUrl } = await this.enablement.enable(phoneNumber, state);
    const verification = await this.attempts.create({
      id: randomUUID(),
      kind: KIND,
      ttlSeconds: this.config.attempts.numberVerificationTtlSeconds,
      actor: 'device',
      phoneNumber,
      tokenHash: hashSecret(state),
      requestId,
    });
    return { verification, authUrl };
  }

  get(id: string): Promise<Verification> {
    return this.attempts.get(KIND, id);
  }

  /**
   * The redirect target. The state must name one live attempt and is claimed before any provider
   * call, so a replayed or concurrent callback changes nothing (409). Provider failures end the
   * attempt in PROVIDER_ERROR with the reason in its event trail: the code cannot be used twice.
   */
  async callback(
    state: string,
    code: string | undefined,
    error: string | undefined,
    requestId?: string,
  ): Promise<CallbackOutcome> {
    const attempt = await this.attempts.findByTokenHash(KIND, hashSecret(state));
    if (!attempt) throw new NotFoundError('Unknown state.');
    this.attempts.assertLive(attempt);
    if (
      !(await this.attempts.claimOnce(
        KIND,
        attempt.id,
        NV.AuthUrlIssued,
        'state_used',
        'device',
        requestId,
      ))
    ) {
      throw new InvalidTransitionError(
        attempt.id,
        attempt.isFinal ? attempt.status : 'in progress',
        NV.Verified,
      );
    }

    let verified: boolean;
    try {
      if (error || !code)
        throw new ProviderError('The network did not authorise the device', error ?? 'no_code');
      const { accessToken } = await this.numberVerification.exchangeCode(code);
      verified = await this.numberVerification.verify(accessToken, attempt.phoneNumber!);
    } catch (err) {
      const reason = err instanceof ProviderError ? err.reason : (err as Error).name;
      await this.attempts.transition({
        kind: KIND,
        id: attempt.id,
        to: NV.ProviderError,
        actor: 'provider',
        reason,
        result: { reason },
        requestId,
      });
      throw err;
    }

    // A verified number of a registered user signs that user in; an unknown or blocked one gets
    // no token (the same answer). The user is read, and held, in the transaction of the move: a
    // block that committed first is seen, and one that comes later finds the attempt final.
    // The user's row first, then the attempt's: the order a block takes them in.
    const { verification, userId } = await this.db.transaction(async (tx) => ({
      userId: verified
        ? await this.accounts.holdSignInUserByPhone(attempt.phoneNumber!, tx)
        : undefined,
      verification: await this.attempts.transition(
        {
          kind: KIND,
          id: attempt.id,
          to: verified ? NV.Verified : NV.NotVerified,
          actor: 'provider',
          reason: verified ? 'the network confirms the number' : 'the device holds another number',
          result: { device_phone_number_verified: verified },
          requestId,
        },
        tx,
      ),
    }));
    const idToken = userId
      ? await this.idTokens.sign({
          userId,
          phoneNumber: verification.phoneNumber!,
          amr: ['nv'],
          sessionId: verification.id,
        })
      : undefined;
    return { verification, idToken };
  }
}
