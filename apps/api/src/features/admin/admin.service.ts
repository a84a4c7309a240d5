import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError, UUID_PATTERN } from '@simauth/http';
import { AttemptHistory, AttemptStateMachine } from '@simauth/attempts';
import { AttemptKind } from '../attempt-kind';
import { LoginStatus } from '../companion-login/companion-login.states';
import { FactorsRepository } from '../../platform/factors/factors.repository';
import { AccountsService } from '../../platform/identity/accounts.service';
import { DeviceRevocation } from '../../platform/identity/device-revocation';
import { FactorRemoval } from '../../platform/factors/factor-removal';
import { ID_TOKEN_CLAIM } from '../../platform/tokens/id-token.service';
import { WebhookOutbox } from '../../platform/webhooks/webhook-outbox';
import { OidcProviderRecords } from '../oidc/oidc-provider-records';
import { AttemptSearchQuery, Page } from './dto/admin.dto';
import {
  AdminUser,
  toAttemptHistoryResponse,
  toAttemptResponse,
  toDeviceResponse,
  toFactorResponse,
  toGrantResponse,
  toRecentAttemptResponse,
  toSessionResponse,
  toUserResponse,
} from './dto/admin-responses';
import { PG_TIMESTAMP, decodePageCursor, pageOf } from './page';

export type { AdminUser } from './dto/admin-responses';

/** Who made an admin call, for the webhook events it causes. */
interface AdminCall {
  clientId: string;
  requestId?: string;
}

/** The part of an admin action's webhook event that says who did it. */
const actorOf = (by: AdminCall) => ({
  actor: 'admin' as const,
  client_id: by.clientId,
  request_id: by.requestId ?? null,
});

/** How many of a user's attempts their page shows. */
const RECENT_ATTEMPTS = 20;

/**
 * The operators' view of users, their devices, factors, attempts and OpenID sessions, read and
 * changed through the modules that own them; each change in one transaction with the webhook
 * event it causes.
 */
@Injectable()
export class AdminService {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly factorStore: FactorsRepository,
    private readonly attempts: AttemptStateMachine,
    private readonly history: AttemptHistory,
    private readonly oidc: OidcProviderRecords,
    private readonly outbox: WebhookOutbox,
    private readonly revocation: DeviceRevocation,
    private readonly factorRemoval: FactorRemoval,
  ) {}

  async userByPhone(phoneNumber: string): Promise<AdminUser> {
    const user = await this.accounts.findUserByPhone(phoneNumber);
    if (!user) throw new NotFoundError('No user has this phone number.');
    return toUserResponse(user);
  }

  async user(userId: string): Promise<AdminUser> {
    const user = await this.accounts.findUser(userId);
    if (!user) throw new NotFoundError('No such user.');
    return toUserResponse(user);
  }

  /** A user with their devices, factors and latest attempts. */
  async userOverview(userId: string) {
    const user = await this.user(userId);
    return {
      ...user,
      devices: await this.devices(userId),
      factors: await this.factors(userId),
      recent_attempts: (
        await this.history.recentOf(userId, user.phone_number, RECENT_ATTEMPTS)
      ).map(toRecentAttemptResponse),
    };
  }

  /**
   * Blocks (or unblocks) a user, in one transaction with all that follows from it. A blocked
   * user's new logins are answered like an unknown number's; their live logins and the live
   * number verifications of their number end at once in EXPIRED (reason `user-blocked` in the
   * audit trail only), and a login that succeeded but whose id_token was not yet handed out never
   * hands it out. A change of state writes `user.blocked` / `user.unblocked` to the webhook outbox.
   */
  async setBlocked(userId: string, blocked: boolean, by: AdminCall): Promise<AdminUser> {
    return this.db.transaction(async (tx) => {
      // The user's row first (locked by the update), then the attempts': the order in which a
      // sign-in that checks the user takes them, so the two queue instead of deadlocking.
      const changed = await this.accounts.setBlocked(userId, blocked, tx);
      if (!changed) throw new NotFoundError('No such user.');
      const user = toUserResponse(changed.user);
      if (changed.wasBlocked === blocked) return user;
      if (blocked) {
        await this.attempts.endLiveOf(
          {
            userId,
            phoneNumber: user.phone_number,
            userKinds: [AttemptKind.CompanionLogin],
            // A number verification names the number only.
            numberKinds: [AttemptKind.NumberVerification],
            actor: 'admin',
            reason: 'user-blocked',
            requestId: by.requestId,
            closeClaim: {
              kind: AttemptKind.CompanionLogin,
              status: LoginStatus.MatchSuccess,
              flag: ID_TOKEN_CLAIM,
            },
          },
          tx,
        );
      }
      await this.outbox.write(tx, blocked ? 'user.blocked' : 'user.unblocked', {
        user_id: userId,
        blocked_at: user.blocked_at,
        ...actorOf(by),
      });
      return user;
    });
  }

  async devices(userId: string) {
    return (await this.accounts.listDevices(userId)).map(toDeviceResponse);
  }

  /** A known user's devices (404 for an unknown user). */
  async devicesOfUser(userId: string) {
    await this.user(userId);
    return this.devices(userId);
  }

  /**
   * Revokes a device: its row goes, so its credential is refused at once by every replica (each
   * request reads it from Postgres) and its push token is forgotten.
   */
  async revokeDevice(deviceId: string, by: AdminCall): Promise<void> {
    if (!(await this.revocation.revoke(deviceId, actorOf(by))))
      throw new NotFoundError('No such device.');
  }

  async factors(userId: string) {
    return (await this.factorStore.listByUser(userId)).map(toFactorResponse);
  }

  /** A known user's factors (404 for an unknown user). */
  async factorsOfUser(userId: string) {
    await this.user(userId);
    return this.factors(userId);
  }

  /** Deletes a factor (the account-recovery path: the person enrols a new one). */
  async deleteFactor(factorId: string, by: AdminCall): Promise<void> {
    if (!(await this.factorRemoval.remove(factorId, actorOf(by))))
      throw new NotFoundError('No such factor.');
  }

  /** One attempt with every move it made (its audit trail). */
  async attempt(attemptId: string) {
    const attempt = await this.history.find(attemptId);
    if (!attempt) throw new NotFoundError('No such attempt.');
    return toAttemptHistoryResponse(attempt);
  }

  /**
   * Attempts matching every filter given, newest first, a page at a time (keyset on created_at
   * and id, so a page holds still while new attempts arrive).
   */
  async searchAttempts(q: AttemptSearchQuery): Promise<Page<ReturnType<typeof toAttemptResponse>>> {
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodePageCursor(q.cursor, [PG_TIMESTAMP, UUID_PATTERN]) : undefined;
    const rows = await this.history.search({
      phoneNumber: q.phone_number,
      userId: q.user_id,
      kind: q.kind,
      status: q.status,
      since: q.since,
      until: q.until,
      after: after && { createdAt: after[0], id: after[1] },
      limit: limit + 1,
    });
    return pageOf(
      rows,
      limit,
      (row) => [row.position.createdAt, row.position.id],
      toAttemptResponse,
    );
  }

  /** A known user's browser sessions at the OpenID Provider and the apps signed in through each. */
  async sessions(userId: string) {
    await this.user(userId);
    return (await this.oidc.sessionsOf(userId)).map(toSessionResponse);
  }

  /** A known user's grants: what each app may do on their behalf, with a refresh token or not. */
  async grants(userId: string) {
    await this.user(userId);
    return (await this.oidc.grantsOf(userId)).map(toGrantResponse);
  }

  /**
   * Ends a browser session and revokes the grants given through it: the person signs in again,
   * and the apps' refresh and access tokens of those grants stop working at once.
   */
  async revokeSession(sessionUid: string): Promise<void> {
    if (!(await this.oidc.endSession(sessionUid))) throw new NotFoundError('No such session.');
  }

  /** Revokes a grant with every token issued under it (refresh tokens included), at once. */
  async revokeGrant(grantId: string): Promise<void> {
    if (!(await this.oidc.revokeGrant(grantId))) throw new NotFoundError('No such grant.');
  }
}
