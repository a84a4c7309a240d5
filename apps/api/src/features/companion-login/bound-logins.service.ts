import { Injectable } from '@nestjs/common';
import { AttemptChangeListener, isFinal } from '@simauth/attempts';
import { LoginStatus } from './companion-login.states';
import { ConflictError, UnauthorizedError } from '@simauth/http';
import { CompanionLoginService, StartedLogin } from './companion-login.service';
import { KIND, Login, LoginAttempts } from './login-attempts';
import { LoginConsumer } from './login-context';

/** How a bound login ended, for its consumer. */
type BoundOutcome =
  | { outcome: 'signed_in'; userId: string; loginId: string; amr: string[]; authTime: number }
  | { outcome: 'denied' }
  | { outcome: 'failed'; status: LoginStatus };

/**
 * Companion logins bound to a consumer: a request of another feature that a login stands in for
 * (its sign-in step), which takes the login's outcome instead of the web client's id_token. The
 * public service of this feature for such consumers; it knows none of them.
 */
@Injectable()
export class BoundLogins {
  constructor(
    private readonly companionLogins: CompanionLoginService,
    private readonly logins: LoginAttempts,
    private readonly changes: AttemptChangeListener,
  ) {}

  /** Starts a login for `phoneNumber` bound to the consumer's request `ref`. */
  start(
    phoneNumber: string,
    requestId: string | undefined,
    binding: {
      consumer: LoginConsumer;
      ref: string;
      /** Shown on the phone too; a two-digit one is the login's match number. */
      bindingMessage?: string;
      /** The app the person signs in to (e.g. an OpenID client's client_name), named on the phone. */
      clientName?: string;
      /** The consumer follows the outcome with `onFinal`: its moves NOTIFY from the start. */
      watched?: boolean;
    },
  ): Promise<StartedLogin> {
    const { consumer, ref, bindingMessage, clientName, watched } = binding;
    return this.companionLogins.start(phoneNumber, requestId, {
      boundTo: { consumer, ref },
      bindingMessage,
      clientName,
      watched,
    });
  }

  /**
   * The outcome of the login bound to `ref`, for the holder of its poll token: on MATCH_SUCCESS
   * the signed-in user, once (a second call gets a conflict).
   */
  async claimOutcome(
    consumer: LoginConsumer,
    ref: string,
    pollToken: string,
    requestId?: string,
  ): Promise<BoundOutcome> {
    // The usual case, a login that succeeded and is claimed here first, in one statement; any
    // other (unknown, denied, unfinished, claimed, a blocked user) is told by the reads below.
    const first = await this.logins.claimOnce(
      { pollToken, boundTo: { key: consumer.key, ref } },
      LoginStatus.MatchSuccess,
      consumer.deliveredFlag,
      'web',
      requestId,
      { whileUserActive: true },
    );
    if (first) return this.signedIn(first);
    const login = await this.logins.findByPollToken(pollToken);
    if (!login || !this.isBoundTo(login, consumer, ref))
      throw new UnauthorizedError('Unknown poll token for this sign-in.');
    if (login.status === LoginStatus.Denied) return { outcome: 'denied' };
    if (login.status !== LoginStatus.MatchSuccess) {
      if (isFinal(KIND, login.status)) return { outcome: 'failed', status: login.status };
      throw new ConflictError(`The sign-in is not finished yet (${login.status}).`);
    }
    // Like the id_token's claim: never for a blocked user (a block committed first is not missed).
    const claimed = await this.logins.claimOnce(
      login.id,
      LoginStatus.MatchSuccess,
      consumer.deliveredFlag,
      'web',
      requestId,
      { whileUserActive: true },
    );
    if (!claimed) {
      const now = await this.logins.findByPollToken(pollToken);
      if (now?.context.boundTo?.deliveredAt !== undefined)
        throw new ConflictError('This sign-in was already used.');
      // The user was blocked: told as a lapsed login is, nothing more.
      return { outcome: 'failed', status: LoginStatus.Expired };
    }
    return this.signedIn(claimed);
  }

  /** A login by id (any state). */
  get(id: string): Promise<Login> {
    return this.logins.get(id);
  }

  /** The signed-in user of a login that reached MATCH_SUCCESS. */
  private signedIn(login: Login): Extract<BoundOutcome, { outcome: 'signed_in' }> {
    return {
      outcome: 'signed_in',
      userId: login.userId!,
      loginId: login.id,
      amr: login.context.amr ?? ['sim'],
      authTime: Math.floor(login.updatedAt.getTime() / 1000),
    };
  }

  /** Finished logins bound to `consumer` whose outcome is not handed on yet (oldest first). */
  undelivered(consumer: LoginConsumer, limit: number): Promise<Login[]> {
    return this.logins.findFinalWithout(consumer.key, consumer.deliveredFlag, limit);
  }

  /** Marks a finished login's outcome handed on to its consumer; false if it already was. */
  async markDelivered(consumer: LoginConsumer, login: Login): Promise<boolean> {
    return !!(await this.logins.claimOnce(
      login.id,
      login.status,
      consumer.deliveredFlag,
      'system',
    ));
  }

  /**
   * Calls `then` once, when the login reaches a final status (committed on any replica, seen
   * via LISTEN) while this process runs; returns the function that stops waiting.
   */
  onFinal(loginId: string, then: () => void): () => void {
    const stop = this.changes.subscribe(loginId, (change) => {
      if (!isFinal(KIND, change.status as LoginStatus)) return;
      stop();
      then();
    });
    return stop;
  }

  private isBoundTo(login: Login, consumer: LoginConsumer, ref: string): boolean {
    return (
      login.context.boundTo?.consumer.key === consumer.key && login.context.boundTo.ref === ref
    );
  }
}
