import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { createHash } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';
import type {
  Account,
  BackchannelAuthenticationRequest,
  Configuration,
  KoaContextWithOIDC,
} from 'oidc-provider';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { scheduleSweep } from '@simauth/database';
import { RateLimitedError, checkPhoneNumber } from '@simauth/http';
import { AccountsService } from '../../platform/identity/accounts.service';
import { BoundLogins, LoginStatus } from '../companion-login';
import { countsPerPhone, phoneBudgetKey } from '../../platform/rate-limits/rate-limit.guard';
import { RateLimiterService } from '../../platform/rate-limits/rate-limiter.service';
import { phoneNumberPolicy } from '../../platform/phone-numbers/phone-number-policy';
import { CIBA_REQUEST } from './login-consumers';
import { acrOf, amrOf } from './oidc-configuration';

const BATCH = 100;
/** The account of a login_hint that names no user: it can be asked for, and never signs in. */
const UNKNOWN_PREFIX = 'unknown:';
/** What a phone shows: letters, digits, spaces and plain punctuation, at most 40 characters. */
const BINDING_MESSAGE = /^[\p{L}\p{N} .,:;!?#+/_()-]{1,40}$/u;

/** oidc-provider's client, with the method it pings a CIBA client by (not in its types). */
interface PingingClient {
  backchannelPing(request: BackchannelAuthenticationRequest): Promise<void>;
}

const FAILED: Partial<Record<LoginStatus, string>> = {
  [LoginStatus.Denied]: 'The sign-in was denied on the phone.',
  [LoginStatus.MatchFailed]: 'The phone that approved does not hold the SIM of this number.',
  [LoginStatus.ProviderError]: 'The SIM check could not be completed.',
  [LoginStatus.SimSwapDetected]: 'The SIM behind this number changed recently.',
};

/**
 * CIBA (Client-Initiated Backchannel Authentication, poll and ping): a client names a phone
 * number, the registered phone gets the same push as a companion login, and the login's outcome
 * is handed to the library by whichever replica sees it first, or by the sweep that follows.
 */
@Injectable()
export class CibaService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CibaService.name);
  private provider?: Provider;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logins: BoundLogins,
    private readonly accounts: AccountsService,
    private readonly limiter: RateLimiterService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  /** The provider whose requests this service resolves (set once it exists). */
  attach(provider: Provider): void {
    this.provider = provider;
  }

  /** The library's `features.ciba`, with simauth's hooks. */
  feature(): NonNullable<Configuration['features']>['ciba'] {
    return {
      enabled: true,
      deliveryModes: ['poll', 'ping'],
      processLoginHint: (ctx, hint) => this.accountOfHint(ctx, hint ?? ''),
      validateBindingMessage: async (_ctx, message) => {
        if (message !== undefined && !BINDING_MESSAGE.test(message)) {
          throw new errors.InvalidBindingMessage(
            'binding_message must be 1 to 40 letters, digits, spaces or plain punctuation',
          );
        }
      },
      // request_context is not used: nothing to check.
      validateRequestContext: async () => undefined,
      verifyUserCode: async (_ctx, _account, userCode) => {
        if (userCode !== undefined) throw new errors.InvalidRequest('user_code is not supported');
      },
      triggerAuthenticationDevice: (ctx, request, account) => this.trigger(ctx, request, account),
    };
  }

  /** The account a CIBA request may name that is no user: only the backchannel endpoint sees it. */
  static unknownAccount(ctx: KoaContextWithOIDC, id: string): Account | undefined {
    if (!id.startsWith(UNKNOWN_PREFIX) || ctx.oidc.route !== 'backchannel_authentication')
      return undefined;
    return { accountId: id, claims: () => ({ sub: id }) };
  }

  onApplicationBootstrap(): void {
    const { sweepIntervalMs } = this.config.attempts;
    scheduleSweep(
      this.scheduler,
      'ciba-result-sweep',
      sweepIntervalMs,
      () => this.sweep(),
      this.logger,
    );
  }

  /** Hands on every finished CIBA login not handed on yet (a replica may have died first). */
  async sweep(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const batch = await this.logins.undelivered(CIBA_REQUEST, BATCH);
      for (const login of batch) if (await this.deliver(login.id)) delivered++;
      if (batch.length < BATCH) return delivered;
    }
  }

  /**
   * login_hint is the E.164 number (`tel:` allowed). Known or not, the answer is the same and the
   * same queries run: an unknown number, or a blocked user's, gets an account that never signs
   * in (one query tells both from a user who may sign in). Counted per number.
   */
  private async accountOfHint(ctx: KoaContextWithOIDC, hint: string): Promise<string> {
    const {
      number: phoneNumber,
      reason,
      message,
    } = checkPhoneNumber(hint.replace(/^tel:/, ''), phoneNumberPolicy(this.config));
    if (!phoneNumber) throw new errors.InvalidRequest(`login_hint ${message} (${reason})`);
    try {
      if (countsPerPhone(this.config, phoneNumber)) {
        await this.limiter.hit({
          key: phoneBudgetKey(phoneNumber),
          ...this.config.rateLimits.phone,
          what: 'for this phone number',
        });
      }
    } catch (err) {
      if (!(err instanceof RateLimitedError)) throw err;
      ctx.set('Retry-After', String(err.retryAfterSeconds));
      const refused = new errors.TemporarilyUnavailable(err.message);
      throw Object.assign(refused, { status: 429, statusCode: 429 });
    }
    const userId = await this.accounts.findSignInUserIdByPhone(phoneNumber);
    return (
      userId ?? `${UNKNOWN_PREFIX}${createHash('sha256').update(phoneNumber).digest('base64url')}`
    );
  }

  private async trigger(
    ctx: KoaContextWithOIDC,
    request: BackchannelAuthenticationRequest,
    account: Account,
  ): Promise<void> {
    const params = ctx.oidc.params ?? {};
    const hint = params.login_hint as string | undefined;
    const phoneNumber = hint
      ? checkPhoneNumber(hint.replace(/^tel:/, ''), phoneNumberPolicy(this.config)).number
      : await this.accounts.findPhoneByUserId(account.accountId);
    if (!phoneNumber) return;
    const requestId = ctx.res.getHeader('x-request-id') as string | undefined;
    const { login } = await this.logins.start(phoneNumber, requestId, {
      consumer: CIBA_REQUEST,
      ref: request.jti,
      bindingMessage: params.binding_message as string | undefined,
      clientName: ctx.oidc.client?.clientName?.trim() || undefined,
      // The outcome is waited for on a subscription (below).
      watched: true,
    });
    // The fast path: this replica hands the outcome on as soon as it is committed (from any
    // replica, via LISTEN). If this process dies first, the sweep does it.
    this.logins.onFinal(login.id, () => {
      this.deliver(login.id).catch((err: Error) =>
        this.logger.warn(
          {
            login_id: login.id,
            err: err.message,
            cause: (err.cause as Error | undefined)?.message,
          },
          'CIBA result not handed on; the sweep retries',
        ),
      );
    });
  }

  /**
   * Hands a finished login's outcome to its CIBA request: tokens on MATCH_SUCCESS, access_denied
   * on a denial or a failed check (an expired login leaves the request to expire too). The login
   * is marked handed on only once that, and a ping client's ping, succeeded; until then the sweep
   * retries, while the request lives. An outcome is never handed on twice.
   */
  private async deliver(loginId: string): Promise<boolean> {
    const provider = this.provider!;
    const login = await this.logins.get(loginId);
    if (!login.isFinal) return false;
    const request = await provider.BackchannelAuthenticationRequest.find(
      login.context.boundTo!.ref,
      { ignoreExpiration: true },
    );
    if (request && !request.isExpired && (request.grantId || request.error)) {
      // Handed on before, but not marked: the ping may be what failed. A ping client is pinged
      // again (the spec lets a client receive more than one); the next sweep retries a failure.
      const rp = await provider.Client.find(request.clientId!);
      if (rp?.backchannelTokenDeliveryMode === 'ping')
        await (rp as unknown as PingingClient).backchannelPing(request);
    } else if (request && !request.isExpired) {
      if (login.status === LoginStatus.MatchSuccess) {
        const methods = login.context.amr ?? ['sim'];
        const grant = new provider.Grant({
          accountId: request.accountId!,
          clientId: request.clientId!,
        });
        if (request.scope) grant.addOIDCScope(request.scope);
        await grant.save();
        await provider.backchannelResult(request, grant, {
          amr: amrOf(methods),
          acr: acrOf(methods),
          authTime: Math.floor(login.updatedAt.getTime() / 1000),
        });
      } else if (FAILED[login.status]) {
        await provider.backchannelResult(request, new errors.AccessDenied(FAILED[login.status]));
      }
    }
    return this.logins.markDelivered(CIBA_REQUEST, login);
  }
}
