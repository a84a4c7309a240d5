import { Inject, Injectable, Logger } from '@nestjs/common';
import { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import {
  Attempt,
  AttemptChangeListener,
  AttemptKind,
  AttemptStateMachine,
  InvalidTransitionError,
  LoginStatus,
  isFinal,
} from '@simauth/attempts';
import { generateSecret, hashSecret } from '@simauth/credentials';
import {
  ConflictError,
  ForbiddenError,
  RequestValidationError,
  UnauthorizedError,
  UnprocessableError,
} from '@simauth/http';
import {
  CheckNotFoundError,
  DeadPushTokenError,
  NumberNotSupportedError,
  PhoneCheckPort,
  PhoneCheckResult,
  ProviderUnavailableError,
  PushPort,
  SimSwapResult,
  VerificationEndedError,
  VerifyPort,
} from '@simauth/providers';
import { AccountsService, Device } from '../../platform/identity/accounts.service';
import { FactorCodesService } from '../../platform/factors/factor-codes.service';
import { FactorsRepository } from '../../platform/factors/factors.repository';
import { ID_TOKEN_CLAIM, IdTokenService } from '../../platform/tokens/id-token.service';
import { SimSwapPolicy, simSwapEvidence } from '../../platform/sim-proof/sim-swap-policy.service';
import { StepUpRequiredError, WrongCheckError } from './companion-login.errors';
import { drawMatchNumbers } from './match-numbers';

const KIND = AttemptKind.CompanionLogin;
type Login = Attempt<LoginStatus>;

export interface StartedLogin {
  login: Login;
  pollToken: string;
  matchNumber: number;
}

/** What the web client sees of a login, on each poll or live event. */
export interface LoginView {
  loginId: string;
  status: LoginStatus;
  expiresAt: Date;
  version: number;
  idToken?: string;
}

export const POLL_TOKEN_PREFIX = 'simauth_pt';

/** A login started by a CIBA request (the OpenID Provider's backchannel authentication). */
export interface CibaLogin {
  /** The BackchannelAuthenticationRequest's id (auth_req_id). */
  requestId: string;
  /** Shown on the phone; a two-digit one is the login's match number. */
  bindingMessage?: string;
}

/** How a login started for an OpenID interaction ended, for that interaction. */
export type InteractionOutcome =
  | { outcome: 'signed_in'; userId: string; loginId: string; amr: string[]; authTime: number }
  | { outcome: 'denied' }
  | { outcome: 'failed'; status: LoginStatus };

/** Sign in on the web, approve on the registered phone, prove it with the SIM. */
@Injectable()
export class CompanionLoginService {
  private readonly logger = new Logger(CompanionLoginService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: AttemptStateMachine,
    private readonly changes: AttemptChangeListener,
    private readonly accounts: AccountsService,
    private readonly idTokens: IdTokenService,
    private readonly phoneCheck: PhoneCheckPort,
    private readonly push: PushPort,
    private readonly simSwapPolicy: SimSwapPolicy,
    private readonly verify: VerifyPort,
    private readonly factors: FactorsRepository,
    private readonly factorCodes: FactorCodesService,
  ) {}

  /**
   * Starts a login for a phone number. Unknown numbers get the same answer, by the same queries,
   * and no push, so the endpoint does not tell who is registered.
   */
  async start(
    phoneNumber: string,
    requestId?: string,
    options: { oidcInteraction?: string; ciba?: CibaLogin } = {},
  ): Promise<StartedLogin> {
    // A blocked user is addressed like an unknown number: same answer, no push.
    const userId = (await this.accounts.findSignInUserIdByPhone(phoneNumber)) ?? null;
    const pollToken = generateSecret(POLL_TOKEN_PREFIX);
    const bindingMessage = options.ciba?.bindingMessage;
    const { matchNumber, candidates } = drawMatchNumbers(
      bindingMessage && /^[1-9][0-9]$/.test(bindingMessage) ? Number(bindingMessage) : undefined,
    );
    const context: Record<string, unknown> = { match_number: matchNumber, candidates };
    if (options.oidcInteraction || options.ciba) {
      // The result goes to the OpenID Provider only: the /v1 id_token claim is closed from the
      // start, so neither the poll nor the stream ever hands one out for this login.
      context[ID_TOKEN_CLAIM] = null;
    }
    if (options.oidcInteraction) context.oidc_interaction = options.oidcInteraction;
    if (options.ciba) {
      context.ciba_request = options.ciba.requestId;
      if (bindingMessage) context.binding_message = bindingMessage;
    }
    const login = await this.attempts.create({
      kind: KIND,
      ttlSeconds: this.config.attempts.loginTtlSeconds,
      actor: 'web',
      // A CIBA request waits for the outcome on a subscription (CibaService).
      watched: !!options.ciba,
      phoneNumber,
      userId,
      tokenHash: hashSecret(pollToken),
      context,
      requestId,
    });
    // Not awaited: the answer must not wait for (or reveal) the push.
    if (userId) void this.notifyDevices(login, userId, candidates, requestId, bindingMessage);
    return { login, pollToken, matchNumber };
  }

  /**
   * Logins this device can act on (pushes can be lost, and apps restart): those waiting for
   * approval, and those it approved whose PhoneCheck it has still to finish.
   */
  async pendingFor(device: Device): Promise<Login[]> {
    // One query, oldest first; of the APPROVED ones, only those this phone can finish.
    const live = await this.attempts.findLiveByUser(KIND, device.userId, [
      LoginStatus.Pending,
      LoginStatus.Approved,
    ]);
    return live.filter(
      (l) =>
        l.status === LoginStatus.Pending ||
        (l.providerRef && !l.leaseUntil && l.context.approved_by_device === device.id),
    );
  }

  /**
   * The phone approves with the number the web page shows. The right number moves the login to
   * APPROVED and creates the PhoneCheck the phone must now pass; a wrong one denies the login.
   */
  async approve(
    id: string,
    device: Device,
    matchNumber: number,
    requestId?: string,
  ): Promise<{ login: Login; checkUrl?: string; channel?: 'sms' }> {
    const login = await this.takeOverLapsedStep(await this.ownedLiveLogin(id, device), requestId);
    if (matchNumber !== login.context.match_number) {
      return {
        login: await this.move(requestId, id, LoginStatus.Denied, 'device', 'wrong match number'),
      };
    }
    if (login.context.step_up_required) throw new StepUpRequiredError();
    const approved = await this.move(
      requestId,
      id,
      LoginStatus.Approved,
      'device',
      'approved on the phone',
      { approved_by_device: device.id },
      // Held while the PhoneCheck is created; recording the check ends it.
      this.config.attempts.stepLeaseSeconds,
    );
    // Before paying for a PhoneCheck: a SIM that moved recently would match for whoever holds it.
    let swap: SimSwapResult | undefined;
    try {
      swap = await this.simSwapPolicy.recentSwap(login.phoneNumber!, {
        kind: KIND,
        id,
        status: LoginStatus.Approved,
        requestId,
      });
    } catch (err) {
      // Closed (the policy already made it a ProviderUnavailableError): refused for now; the
      // phone may approve again once the provider answers.
      await this.move(
        requestId,
        id,
        LoginStatus.Pending,
        'system',
        'SIM-swap check failed; the phone may approve again',
      );
      throw err;
    }
    if (swap) return { login: await this.onSimSwap(id, swap, requestId) };
    let check;
    try {
      check = await this.phoneCheck.createCheck(login.phoneNumber!, id);
    } catch (err) {
      // No PhoneCheck for this number: the code goes out by SMS instead, if allowed.
      if (err instanceof NumberNotSupportedError && this.config.providers.fallback === 'sms') {
        return this.approveBySms(approved, requestId);
      }
      if (err instanceof ProviderUnavailableError) {
        await this.move(
          requestId,
          id,
          LoginStatus.Pending,
          'system',
          'PhoneCheck unavailable; the phone may approve again',
        );
      } else {
        const reason =
          err instanceof NumberNotSupportedError
            ? 'number not supported by PhoneCheck'
            : 'PhoneCheck refused';
        await this.move(requestId, id, LoginStatus.ProviderError, 'provider', reason);
      }
      throw err;
    }
    const annotated = await this.attempts.annotate(approved, check.checkId, {
      check_url: check.checkUrl,
    });
    return { login: annotated, checkUrl: check.checkUrl };
  }

  /** The login stays APPROVED, its proof now an SMS code (Vonage Verify v2) instead of a PhoneCheck. */
  private async approveBySms(
    approved: Login,
    requestId?: string,
  ): Promise<{ login: Login; checkUrl?: string; channel?: 'sms' }> {
    let verifyRequestId: string;
    try {
      ({ requestId: verifyRequestId } = await this.verify.start(
        approved.phoneNumber!,
        this.config.factors.issuer,
      ));
    } catch (err) {
      await this.move(
        requestId,
        approved.id,
        err instanceof ProviderUnavailableError ? LoginStatus.Pending : LoginStatus.ProviderError,
        err instanceof ProviderUnavailableError ? 'system' : 'provider',
        'the SMS code could not be sent',
      );
      throw err;
    }
    const annotated = await this.attempts.annotate(approved, verifyRequestId, { channel: 'sms' });
    return { login: annotated, channel: 'sms' };
  }

  /**
   * Fallback where the phone cannot run a PhoneCheck (its network is unsupported, or it is on
   * Wi-Fi): the person approves with the right number and a code of one of their active
   * authenticator factors. The login succeeds with amr ["otp"] instead of ["sim"].
   */
  async approveWithCode(
    id: string,
    device: Device,
    matchNumber: number,
    factorId: string,
    code: string,
    requestId?: string,
  ): Promise<Login> {
    const login = await this.takeOverLapsedStep(await this.ownedLiveLogin(id, device), requestId);
    if (matchNumber !== login.context.match_number) {
      return this.move(requestId, id, LoginStatus.Denied, 'device', 'wrong match number');
    }
    if (login.status !== LoginStatus.Pending)
      throw new InvalidTransitionError(id, login.status, LoginStatus.MatchSuccess);
    const factor = await this.factors.find(factorId);
    if (!factor || factor.userId !== device.userId)
      throw new ForbiddenError('This factor is not one of this user.');
    if (factor.status !== 'ACTIVE') throw new ConflictError('The factor is not active.');
    if (!(await this.factorCodes.check(factor, code, { purpose: 'challenge', requestId }))) {
      throw new UnprocessableError('The code is not valid; the login stays PENDING.');
    }
    return this.attempts.transition({
      kind: KIND,
      id,
      to: LoginStatus.MatchSuccess,
      actor: 'user',
      reason: 'approved with an authenticator code',
      context: { amr: ['otp'], factor_id: factorId, approved_by_device: device.id },
      requestId,
    });
  }

  /** A recent SIM swap: the login ends SIM_SWAP_DETECTED (deny) or needs a factor (step_up). */
  private async onSimSwap(id: string, swap: SimSwapResult, requestId?: string): Promise<Login> {
    const evidence = simSwapEvidence(swap);
    if (this.simSwapPolicy.policy === 'step_up') {
      await this.attempts.transition({
        kind: KIND,
        id,
        to: LoginStatus.Pending,
        actor: 'system',
        reason: `SIM changed recently (${swap.provider}): an authenticator code is required`,
        context: { ...evidence, step_up_required: true },
        requestId,
      });
      throw new StepUpRequiredError();
    }
    return this.attempts.transition({
      kind: KIND,
      id,
      to: LoginStatus.SimSwapDetected,
      actor: 'provider',
      reason: `SIM changed recently (${swap.provider})`,
      context: evidence,
      result: evidence,
      requestId,
    });
  }

  async deny(id: string, device: Device, requestId?: string): Promise<Login> {
    await this.takeOverLapsedStep(await this.ownedLiveLogin(id, device), requestId);
    return this.move(requestId, id, LoginStatus.Denied, 'device', 'denied on the phone');
  }

  /**
   * The phone sends the code its check_url ended with. MATCH_PENDING is claimed first, so one
   * code exchange runs per login; a provider outage returns the login to APPROVED for a retry.
   */
  async submitCode(
    id: string,
    device: Device,
    checkId: string | undefined,
    code: string,
    requestId?: string,
  ): Promise<Login> {
    const login = await this.takeOverLapsedStep(await this.ownedLiveLogin(id, device), requestId);
    if (login.status !== LoginStatus.Approved || !login.providerRef) {
      throw new InvalidTransitionError(id, login.status, LoginStatus.MatchPending);
    }
    if (login.context.channel === 'sms') {
      if (checkId !== undefined) throw new WrongCheckError();
      return this.submitSmsCode(login, code, requestId);
    }
    if (checkId === undefined) {
      throw new RequestValidationError([
        { field: 'check_id', message: "is required: this login's proof is a PhoneCheck" },
      ]);
    }
    if (checkId !== login.providerRef) throw new WrongCheckError();
    await this.move(
      requestId,
      id,
      LoginStatus.MatchPending,
      'device',
      'code submitted',
      undefined,
      // Held while the code is exchanged; the move that records the answer ends it.
      this.config.attempts.stepLeaseSeconds,
    );

    let result: PhoneCheckResult;
    try {
      result = await this.phoneCheck.exchangeCode(checkId, code);
    } catch (err) {
      if (err instanceof ProviderUnavailableError || err instanceof CheckNotFoundError) {
        await this.move(
          requestId,
          id,
          LoginStatus.Approved,
          'system',
          'code exchange failed; the phone may retry',
        );
        throw err;
      }
      await this.move(
        requestId,
        id,
        LoginStatus.ProviderError,
        'provider',
        'code exchange refused',
      );
      throw err;
    }
    if (result.status === 'COMPLETED' && result.match) {
      return this.move(
        requestId,
        id,
        LoginStatus.MatchSuccess,
        'provider',
        'SIM matches the number',
        {
          match: true,
        },
      );
    }
    if (result.status === 'ERROR') {
      return this.move(
        requestId,
        id,
        LoginStatus.ProviderError,
        'provider',
        result.errorCode ?? 'check error',
      );
    }
    return this.move(
      requestId,
      id,
      LoginStatus.MatchFailed,
      'provider',
      result.status === 'EXPIRED' ? 'check expired' : 'no match',
      {
        match: false,
      },
    );
  }

  /**
   * The SMS code of a login whose number cannot PhoneCheck. Right: MATCH_SUCCESS with amr
   * ["sms"]; wrong: back to APPROVED for another try (422); ended by the provider: MATCH_FAILED (410).
   */
  private async submitSmsCode(login: Login, code: string, requestId?: string): Promise<Login> {
    const id = login.id;
    await this.move(
      requestId,
      id,
      LoginStatus.MatchPending,
      'device',
      'SMS code submitted',
      undefined,
      this.config.attempts.stepLeaseSeconds,
    );
    let right: boolean;
    try {
      right = await this.verify.check(login.providerRef!, code);
    } catch (err) {
      if (err instanceof VerificationEndedError) {
        await this.move(
          requestId,
          id,
          LoginStatus.MatchFailed,
          'provider',
          'SMS verification ended',
        );
      } else {
        await this.move(
          requestId,
          id,
          LoginStatus.Approved,
          'system',
          'SMS code check failed; retry',
        );
      }
      throw err;
    }
    if (!right) {
      await this.move(requestId, id, LoginStatus.Approved, 'system', 'wrong SMS code');
      throw new UnprocessableError('The code is not right; send the one the SMS brought.');
    }
    return this.move(requestId, id, LoginStatus.MatchSuccess, 'provider', 'SMS code right', {
      amr: ['sms'],
    });
  }

  /** The web client's view of its login; authorised by the poll token the start returned. */
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
      const reread = () =>
        emit(async () => this.view(await this.attempts.get(KIND, id), requestId));
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
        await this.attempts.watch(KIND, id);
        return this.view(await this.attempts.get(KIND, id), requestId);
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
    const login = await this.attempts.claimOnce(
      KIND,
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
      amr: (login.context.amr as string[] | undefined) ?? ['sim'],
      sessionId: login.id,
    });
    return { ...view, idToken };
  }

  /**
   * The outcome of a login started for OpenID interaction `interactionUid`, for the holder of its
   * poll token: on MATCH_SUCCESS the signed-in user, once (a second call gets a conflict).
   */
  async interactionOutcome(
    interactionUid: string,
    pollToken: string,
    requestId?: string,
  ): Promise<InteractionOutcome> {
    const login = await this.attempts.findByTokenHash(KIND, hashSecret(pollToken));
    if (!login || login.context.oidc_interaction !== interactionUid)
      throw new UnauthorizedError('Unknown poll token for this sign-in.');
    if (login.status === LoginStatus.Denied) return { outcome: 'denied' };
    if (login.status !== LoginStatus.MatchSuccess) {
      if (isFinal(KIND, login.status)) return { outcome: 'failed', status: login.status };
      throw new ConflictError(`The sign-in is not finished yet (${login.status}).`);
    }
    // Like the id_token's claim: never for a blocked user (a block committed first is not missed).
    const claimed = await this.attempts.claimOnce(
      KIND,
      login.id,
      LoginStatus.MatchSuccess,
      'oidc_result_delivered',
      'web',
      requestId,
      { whileUserActive: true },
    );
    if (!claimed) {
      const now = await this.attempts.findByTokenHash(KIND, hashSecret(pollToken));
      if (now?.context.oidc_result_delivered !== undefined)
        throw new ConflictError('This sign-in was already used.');
      // The user was blocked: told as a lapsed login is, nothing more.
      return { outcome: 'failed', status: LoginStatus.Expired };
    }
    return {
      outcome: 'signed_in',
      userId: claimed.userId!,
      loginId: claimed.id,
      amr: (claimed.context.amr as string[] | undefined) ?? ['sim'],
      authTime: Math.floor(claimed.updatedAt.getTime() / 1000),
    };
  }

  private async authorisedLogin(id: string, pollToken: string | undefined): Promise<Login> {
    if (!pollToken)
      throw new UnauthorizedError(
        'The poll token of this login is required (Authorization: Bearer <poll_token>).',
      );
    const login = await this.attempts.findByTokenHash(KIND, hashSecret(pollToken));
    if (!login) throw new UnauthorizedError('Unknown poll token.');
    if (login.id !== id) throw new ForbiddenError('This poll token belongs to another login.');
    return login;
  }

  /** A login addressed to this device's user, not expired. */
  private async ownedLiveLogin(id: string, device: Device): Promise<Login> {
    const login = await this.attempts.get(KIND, id);
    if (login.userId !== device.userId)
      throw new ForbiddenError('This login is not addressed to this device.');
    this.attempts.assertLive(login);
    return login;
  }

  private move(
    requestId: string | undefined,
    id: string,
    to: LoginStatus,
    actor: 'device' | 'provider' | 'system',
    reason: string,
    context?: Record<string, unknown>,
    leaseSeconds?: number,
  ) {
    return this.attempts.transition({
      kind: KIND,
      id,
      to,
      actor,
      reason,
      context,
      requestId,
      leaseSeconds,
    });
  }

  /**
   * A login whose in-flight step (PhoneCheck create, code exchange) was interrupted (its process
   * died mid-call) goes back to where the phone can take the step again, once the step's lease
   * lapsed. While the lease holds, the move that follows answers 409 with Retry-After.
   */
  private async takeOverLapsedStep(login: Login, requestId?: string): Promise<Login> {
    if (!login.leaseUntil) return login;
    return (
      (await this.attempts.recoverInterrupted(KIND, login, { requestId, waitForLease: true })) ??
      login
    );
  }

  /** Runs after the answer; its log lines carry the id of the request that started the login. */
  private async notifyDevices(
    login: Login,
    userId: string,
    candidates: number[],
    requestId?: string,
    bindingMessage?: string,
  ): Promise<void> {
    const req = { id: requestId };
    try {
      for (const device of await this.accounts.pushableDevices(userId)) {
        try {
          await this.push.send(device.pushToken!, {
            data: {
              type: 'login_request',
              login_id: login.id,
              match_numbers: candidates.join(','),
              expires_at: login.expiresAt.toISOString(),
              ...(bindingMessage ? { binding_message: bindingMessage } : {}),
            },
            title: 'Sign-in request',
            body: 'Someone is signing in with your number. Approve only if it is you.',
          });
        } catch (err) {
          if (err instanceof DeadPushTokenError) {
            await this.accounts.markPushTokenDead(device.id, device.pushToken!);
            this.logger.warn(
              { req, device_id: device.id },
              'push token no longer registered; removed',
            );
          } else {
            this.logger.warn(
              { req, device_id: device.id, err: (err as Error).message },
              'push failed',
            );
          }
        }
      }
    } catch (err) {
      this.logger.warn({ req, err: (err as Error).message }, 'could not notify devices');
    }
  }
}
