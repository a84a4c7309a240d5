import { Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import { AttemptChangeListener, isFinal } from '@simauth/attempts';
import { LoginStatus } from './companion-login.states';
import { ForbiddenError, UnauthorizedError } from '@simauth/http';
import { ID_TOKEN_CLAIM, IdTokenService } from '../../platform/tokens/id-token.service';
import { KIND, Login, LoginAttempts } from './login-attempts';

/** What the web client sees of a login, on each poll or live event. */
export interface LoginView {
  loginId: string;
  status: LoginStatus;
  expiresAt: Date;
  version: number;
  idToken?: string;
}

/**
 * The web client's side of a login, authorised by the poll token the start returned: its status
 * by poll or live stream, and on MATCH_SUCCESS the one /v1 id_token.
 */
@Injectable()
export class LoginStatusService {
  constructor(
    private readonly logins: LoginAttempts,
    private readonly changes: AttemptChangeListener,
    private readonly idTokens: IdTokenService,
  ) {}

  /** The web client's view of its login. */
  async poll(id: string, pollToken: string | undefined, requestId?: string): Promise<LoginView> {
    return this.view(await this.authorisedLogin(id, pollToken), requestId);
  }

  /**
   * Live status: the current view, then one view per committed move (from any replica, via
   * LISTEN), in version order; completes after a final status.
   */
  async watch(
    id: string,
    pollToken: string | undefined,
    requestId?: string,
  ): Promise<Observable<LoginView>> {
    await this.authorisedLogin(id, pollToken);
    return new Observable<LoginView>((subscriber) => {
      let lastVersion = 0;
      let chain = Promise.resolve();
      const emit = (next: () => Promise<LoginView | undefined>) => {
        chain = chain
          .then(async () => {
            if (subscriber.closed) return;
            const view = await next();
            if (!view || view.version <= lastVersion) return;
            lastVersion = view.version;
            subscriber.next(view);
            if (isFinal(KIND, view.status)) subscriber.complete();
          })
          .catch((err) => subscriber.error(err));
      };
      const reread = () => emit(async () => this.view(await this.logins.get(id), requestId));
      const stopChanges = this.changes.subscribe(id, (change) =>
        emit(async () =>
          this.withIdToken(
            {
              loginId: id,
              status: change.status as LoginStatus,
              expiresAt: new Date(change.expires_at),
              version: change.version,
            },
            requestId,
          ),
        ),
      );
      // NOTIFYs sent while the LISTEN connection was down are lost: read the row again.
      const stopReconnects = this.changes.onReconnect(reread);
      // Subscribed first, then marked watched (its moves notify from here on), then read: a move
      // either notifies or is in what the read sees.
      emit(async () => {
        await this.logins.watch(id);
        return this.view(await this.logins.get(id), requestId);
      });
      return () => {
        stopChanges();
        stopReconnects();
      };
    });
  }

  private async view(login: Login, requestId?: string): Promise<LoginView> {
    return this.withIdToken(
      {
        loginId: login.id,
        status: login.status,
        expiresAt: login.expiresAt,
        version: login.version,
      },
      requestId,
    );
  }

  /**
   * On MATCH_SUCCESS the first reader, by poll or stream, receives the id_token; nobody after, and
   * nobody while the user is blocked (the claim itself checks, so a block that committed first is
   * never missed; blocking closes the claim for good).
   */
  private async withIdToken(view: LoginView, requestId?: string): Promise<LoginView> {
    if (view.status !== LoginStatus.MatchSuccess) return view;
    // The claim returns the row, so the token is signed without reading the login again.
    const login = await this.logins.claimOnce(
      view.loginId,
      LoginStatus.MatchSuccess,
      ID_TOKEN_CLAIM,
      'web',
      requestId,
      { whileUserActive: true },
    );
    if (!login) return view;
    const idToken = await this.idTokens.sign({
      userId: login.userId!,
      phoneNumber: login.phoneNumber!,
      amr: login.context.amr ?? ['sim'],
      sessionId: login.id,
    });
    return { ...view, idToken };
  }

  private async authorisedLogin(id: string, pollToken: string | undefined): Promise<Login> {
    if (!pollToken)
      throw new UnauthorizedError(
        'The poll token of this login is required (Authorization: Bearer <poll_token>).',
      );
    const login = await this.logins.findByPollToken(pollToken);
    if (!login) throw new UnauthorizedError('Unknown poll token.');
    if (login.id !== id) throw new ForbiddenError('This poll token belongs to another login.');
    return login;
  }
}
