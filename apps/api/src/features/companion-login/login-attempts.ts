import { Injectable } from '@nestjs/common';
import {
  Actor,
  AnnotationEvent,
  Attempt,
  AttemptStateMachine,
  ClaimTarget,
} from '@simauth/attempts';
import { AttemptKind } from '../attempt-kind';
import { LoginStatus } from './companion-login.states';
import { hashSecret } from '@simauth/credentials';
import { ForbiddenError } from '@simauth/http';
import { Device } from '../../platform/identity/accounts.service';
import { LoginContext, fromStoredContext, toStoredContext } from './login-context';

export const KIND = AttemptKind.CompanionLogin;

/** A companion login: its attempt row, with its context typed. */
export interface Login extends Omit<Attempt<LoginStatus>, 'context'> {
  context: LoginContext;
}

function toLogin(attempt: Attempt<LoginStatus>): Login;
function toLogin(attempt: Attempt<LoginStatus> | undefined): Login | undefined;
function toLogin(attempt: Attempt<LoginStatus> | undefined): Login | undefined {
  return attempt && { ...attempt, context: fromStoredContext(attempt.context) };
}

export interface LoginMove {
  id: string;
  to: LoginStatus;
  actor: Actor;
  reason: string;
  context?: Partial<LoginContext>;
  result?: Record<string, unknown>;
  /** Held on the step that follows the move (a provider call); the next move ends it. */
  leaseSeconds?: number;
  requestId?: string;
  /** The provider whose SIM proof the move records (its audit event and webhook name it). */
  provider?: string;
}

/**
 * The companion logins in the attempt state machine, with their context typed: every read and
 * write of a login goes through here, the one place its context is converted.
 */
@Injectable()
export class LoginAttempts {
  constructor(private readonly attempts: AttemptStateMachine) {}

  async create(login: {
    ttlSeconds: number;
    watched: boolean;
    phoneNumber: string;
    userId: string | null;
    pollToken: string;
    context: LoginContext;
    requestId?: string;
  }): Promise<Login> {
    return toLogin(
      await this.attempts.create({
        kind: KIND,
        ttlSeconds: login.ttlSeconds,
        actor: 'web',
        watched: login.watched,
        phoneNumber: login.phoneNumber,
        userId: login.userId,
        tokenHash: hashSecret(login.pollToken),
        context: toStoredContext(login.context),
        requestId: login.requestId,
      }),
    );
  }

  async get(id: string): Promise<Login> {
    return toLogin(await this.attempts.get(KIND, id));
  }

  /** The login a poll token was issued for, if any. */
  async findByPollToken(pollToken: string): Promise<Login | undefined> {
    return toLogin(await this.attempts.findByTokenHash(KIND, hashSecret(pollToken)));
  }

  async findLiveByUser(userId: string, statuses: LoginStatus[]): Promise<Login[]> {
    return (await this.attempts.findLiveByUser(KIND, userId, statuses)).map((l) => toLogin(l));
  }

  /** Final logins with `marker` in their context and without `flag` (oldest first). */
  async findFinalWithout(marker: string, flag: string, limit: number): Promise<Login[]> {
    return (await this.attempts.findFinalWithout(KIND, marker, flag, limit)).map((l) => toLogin(l));
  }

  async move(move: LoginMove): Promise<Login> {
    return toLogin(
      await this.attempts.transition({
        kind: KIND,
        id: move.id,
        to: move.to,
        actor: move.actor,
        reason: move.reason,
        context: move.context && toStoredContext(move.context),
        result: move.result,
        requestId: move.requestId,
        leaseSeconds: move.leaseSeconds,
        provider: move.provider,
      }),
    );
  }

  /**
   * Records the proof's provider reference and context while the login is still as read, with
   * an audit event (`audit`: why, and the provider that took the proof).
   */
  async annotate(
    login: Login,
    providerRef: string,
    context: Partial<LoginContext>,
    audit: AnnotationEvent,
  ): Promise<Login> {
    const stored: Attempt<LoginStatus> = { ...login, context: toStoredContext(login.context) };
    return toLogin(
      await this.attempts.annotate(stored, providerRef, toStoredContext(context), audit),
    );
  }

  /**
   * See AttemptStateMachine.claimOnce: on the login `target`, its id, or the one of a poll token
   * while it is bound to `boundTo` (its consumer's key and ref), read and claimed in one statement.
   */
  async claimOnce(
    target: string | { pollToken: string; boundTo: { key: string; ref: string } },
    status: LoginStatus,
    flag: string,
    actor: Actor,
    requestId?: string,
    options?: { whileUserActive?: boolean },
  ): Promise<Login | undefined> {
    const claimed: ClaimTarget =
      typeof target === 'string'
        ? target
        : {
            tokenHash: hashSecret(target.pollToken),
            marker: { key: target.boundTo.key, value: target.boundTo.ref },
          };
    return toLogin(
      await this.attempts.claimOnce(KIND, claimed, status, flag, actor, requestId, options),
    );
  }

  /** Its moves NOTIFY from now on (see AttemptStateMachine.watch). */
  watch(id: string): Promise<void> {
    return this.attempts.watch(KIND, id);
  }

  /** A login addressed to this device's user, not expired. */
  async ownedLive(id: string, device: Device): Promise<Login> {
    const login = await this.get(id);
    if (login.userId !== device.userId)
      throw new ForbiddenError('This login is not addressed to this device.');
    this.attempts.assertLive({ ...login, context: {} });
    return login;
  }

  /**
   * A login whose in-flight step (PhoneCheck create, code exchange) was interrupted (its process
   * died mid-call) goes back to where the phone can take the step again, once the step's lease
   * lapsed. While the lease holds, the move that follows answers 409 with Retry-After.
   */
  async takeOverLapsedStep(login: Login, requestId?: string): Promise<Login> {
    if (!login.leaseUntil) return login;
    return (
      toLogin(
        await this.attempts.recoverInterrupted(KIND, login, { requestId, waitForLease: true }),
      ) ?? login
    );
  }
}
