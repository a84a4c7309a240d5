import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { InvalidTransitionError } from '@simauth/attempts';
import { LoginStatus } from './companion-login.states';
import { generateSecret } from '@simauth/credentials';
import { AccountsService, Device } from '../../platform/identity/accounts.service';
import { StepUpRequiredError } from './companion-login.errors';
import { LoginBinding, LoginContext } from './login-context';
import { Login, LoginAttempts } from './login-attempts';
import { ApprovedLogin, LoginProofService, SimCheckReference } from './login-proof.service';
import { LoginPush } from './login-push';
import { drawMatchNumbers } from './match-numbers';

export interface StartedLogin {
  login: Login;
  pollToken: string;
  matchNumber: number;
}

const POLL_TOKEN_PREFIX = 'simauth_pt';

/** How a login is started for a consumer other than the web client (see BoundLogins). */
interface StartOptions {
  /** The consumer that takes the outcome: no /v1 id_token is ever handed out for this login. */
  boundTo?: Pick<LoginBinding, 'consumer' | 'ref'>;
  /** Shown on the phone too; a two-digit one is the login's match number. */
  bindingMessage?: string;
  /** The app the person signs in to (an OpenID client's client_name): named on the phone. */
  clientName?: string;
  /** The consumer waits for the outcome on a subscription: its moves NOTIFY from the start. */
  watched?: boolean;
}

/**
 * Sign in on the web, approve on the registered phone, prove it with the SIM: the start, and the
 * phone's answer (approve, approve with a factor's code, deny). The proof itself is
 * LoginProofService's; the web client's status and id_token are LoginStatusService's.
 */
@Injectable()
export class CompanionLoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logins: LoginAttempts,
    private readonly accounts: AccountsService,
    private readonly proof: LoginProofService,
    private readonly push: LoginPush,
  ) {}

  /**
   * Starts a login for a phone number. Unknown numbers get the same answer, by the same queries,
   * and no push, so the endpoint does not tell who is registered.
   */
  async start(
    phoneNumber: string,
    requestId?: string,
    options: StartOptions = {},
  ): Promise<StartedLogin> {
    // A blocked user is addressed like an unknown number: same answer, no push.
    const userId = (await this.accounts.findSignInUserIdByPhone(phoneNumber)) ?? null;
    const pollToken = generateSecret(POLL_TOKEN_PREFIX);
    const { bindingMessage, boundTo } = options;
    const { matchNumber, candidates } = drawMatchNumbers(
      bindingMessage && /^[1-9][0-9]$/.test(bindingMessage) ? Number(bindingMessage) : undefined,
    );
    const context: LoginContext = { matchNumber, candidates };
    if (boundTo) {
      // The result goes to the consumer only: the /v1 id_token claim is closed from the start,
      // so neither the poll nor the stream ever hands one out for this login.
      context.idTokenIssued = null;
      context.boundTo = { consumer: boundTo.consumer, ref: boundTo.ref };
    }
    if (bindingMessage) context.bindingMessage = bindingMessage;
    if (options.clientName) context.clientName = options.clientName.trim().slice(0, 80);
    const login = await this.logins.create({
      ttlSeconds: this.config.attempts.loginTtlSeconds,
      watched: !!options.watched,
      phoneNumber,
      userId,
      pollToken,
      context,
      requestId,
    });
    // Not awaited: the answer must not wait for (or reveal) the push.
    if (userId) void this.push.notifyDevices(login, userId, requestId);
    return { login, pollToken, matchNumber };
  }

  /**
   * Logins this device can act on (pushes can be lost, and apps restart): those waiting for
   * approval, and those it approved whose PhoneCheck it has still to finish.
   */
  async pendingFor(device: Device): Promise<Login[]> {
    // One query, oldest first; of the APPROVED ones, only those this phone can finish.
    const live = await this.logins.findLiveByUser(device.userId, [
      LoginStatus.Pending,
      LoginStatus.Approved,
    ]);
    return live.filter(
      (l) =>
        l.status === LoginStatus.Pending ||
        (l.providerRef && !l.leaseUntil && l.context.approvedByDevice === device.id),
    );
  }

  /**
   * The phone approves with the number the web page shows. The right number moves the login to
   * APPROVED and begins the SIM proof the phone must now pass; a wrong one denies the login.
   */
  async approve(
    id: string,
    device: Device,
    matchNumber: number,
    requestId?: string,
  ): Promise<ApprovedLogin> {
    const login = await this.answerable(id, device, requestId);
    if (matchNumber !== login.context.matchNumber) {
      return { login: await this.denyForWrongNumber(id, requestId) };
    }
    if (login.context.stepUpRequired) throw new StepUpRequiredError();
    const approved = await this.logins.move({
      id,
      to: LoginStatus.Approved,
      actor: 'device',
      reason: 'approved on the phone',
      context: { approvedByDevice: device.id },
      // Held while the proof is begun; recording it ends it.
      leaseSeconds: this.config.attempts.stepLeaseSeconds,
      requestId,
    });
    return this.proof.begin(approved, requestId);
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
    const login = await this.answerable(id, device, requestId);
    if (matchNumber !== login.context.matchNumber) return this.denyForWrongNumber(id, requestId);
    if (login.status !== LoginStatus.Pending)
      throw new InvalidTransitionError(id, login.status, LoginStatus.MatchSuccess);
    return this.proof.approveWithFactor(login, device, factorId, code, requestId);
  }

  async deny(id: string, device: Device, requestId?: string): Promise<Login> {
    await this.answerable(id, device, requestId);
    return this.logins.move({
      id,
      to: LoginStatus.Denied,
      actor: 'device',
      reason: 'denied on the phone',
      requestId,
    });
  }

  /** The phone sends the code of the login's SIM proof (see LoginProofService.submitCode). */
  async submitCode(
    id: string,
    device: Device,
    reference: SimCheckReference,
    code: string | undefined,
    requestId?: string,
  ): Promise<Login> {
    return this.proof.submitCode(
      await this.answerable(id, device, requestId),
      reference,
      code,
      requestId,
    );
  }

  /** A live login of this device's user, its interrupted step (if any) taken over. */
  private async answerable(id: string, device: Device, requestId?: string): Promise<Login> {
    return this.logins.takeOverLapsedStep(await this.logins.ownedLive(id, device), requestId);
  }

  private denyForWrongNumber(id: string, requestId?: string): Promise<Login> {
    return this.logins.move({
      id,
      to: LoginStatus.Denied,
      actor: 'device',
      reason: 'wrong match number',
      requestId,
    });
  }
}
