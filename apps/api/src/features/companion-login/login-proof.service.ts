import { SimProofProviderName } from '@simauth/config';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { InvalidTransitionError } from '@simauth/attempts';
import { LoginStatus } from './companion-login.states';
import { RequestValidationError, UnprocessableError } from '@simauth/http';
import { CheckNotFoundError, SimSwapResult } from '@simauth/providers';
import { Device } from '../../platform/identity/accounts.service';
import { SimProof } from '../../platform/sim-proof/sim-proof.service';
import { SimSwapPolicy, simSwapEvidence } from '../../platform/sim-proof/sim-swap-policy.service';
import {
  failoversText,
  postedReference,
  referenceRequired,
  simProofProviderOf,
} from '../../platform/sim-proof/check-reference';
import { StepUpRequiredError, WrongCheckError } from './companion-login.errors';
import { KIND, Login, LoginAttempts, LoginMove } from './login-attempts';

/** What an approval answers: the login, and the proof the phone must now give. */
export interface ApprovedLogin {
  login: Login;
  checkUrl?: string;
  /** Whose check_url that is (SIM_PROOF_PROVIDERS, after any failover). */
  provider?: SimProofProviderName;
  channel?: 'sms';
}

/** The provider of the SMS code (Vonage Verify v2), as the login's audit events name it. */
const SMS_PROVIDER = 'vonage';

/** The code every proof but Twilio's SNA needs: a 400 naming `code` when it is missing. */
function requiredCode(code: string | undefined): string {
  if (code === undefined)
    throw new RequestValidationError([{ field: 'code', message: 'is required' }]);
  return code;
}

/** What the phone's check_url answered: tru.ID's check_id, or Vonage's request_id. */
export interface SimCheckReference {
  check_id?: string;
  request_id?: string;
}

/**
 * The SIM proof of a login approved on the phone (the shared SimProof: PhoneCheck, SMS code, or a
 * factor's code as step-up), and what each answer makes of the login. A provider outage puts the
 * login back where the phone can take the step again; a refusal ends it.
 */
@Injectable()
export class LoginProofService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logins: LoginAttempts,
    private readonly proof: SimProof,
    private readonly simSwapPolicy: SimSwapPolicy,
  ) {}

  /**
   * The proof of a login just APPROVED (under a lease): the SIM-swap check first, then the
   * PhoneCheck, or the SMS code where the number has no PhoneCheck and the fallback allows.
   */
  async begin(approved: Login, requestId?: string): Promise<ApprovedLogin> {
    const id = approved.id;
    // Before paying for a PhoneCheck: a SIM that moved recently would match for whoever holds it.
    let swap: SimSwapResult | undefined;
    try {
      swap = await this.simSwapPolicy.recentSwap(approved.phoneNumber!, {
        kind: KIND,
        id,
        status: LoginStatus.Approved,
        requestId,
      });
    } catch (err) {
      // Closed (the policy already made it a ProviderUnavailableError): refused for now; the
      // phone may approve again once the provider answers.
      await this.move(id, LoginStatus.Pending, 'system', requestId, {
        reason: 'SIM-swap check failed; the phone may approve again',
      });
      throw err;
    }
    if (swap) return { login: await this.onSimSwap(id, swap, requestId) };

    const begun = await this.proof.begin(approved.phoneNumber!, id);
    // Which providers handed the proof on, and why: in the reason of the move that records it.
    const handedOn = begun.failovers?.length ? ` (${failoversText(begun.failovers)})` : '';
    if (!begun.ok) {
      // Unavailable: the phone may approve again. Otherwise the provider refused: the login ends.
      const reason =
        (begun.channel === 'sms'
          ? 'the SMS code could not be sent'
          : begun.retry
            ? 'PhoneCheck unavailable; the phone may approve again'
            : begun.unsupported
              ? 'number not supported by PhoneCheck'
              : 'PhoneCheck refused') + handedOn;
      if (begun.retry) await this.move(id, LoginStatus.Pending, 'system', requestId, { reason });
      else await this.move(id, LoginStatus.ProviderError, 'provider', requestId, { reason });
      throw begun.error;
    }
    if (begun.channel === 'sms') {
      // The login stays APPROVED, its proof now an SMS code (Vonage Verify v2).
      const login = await this.logins.annotate(
        approved,
        begun.providerRef,
        {
          channel: 'sms',
          ...(begun.failovers?.length ? { proofFailovers: begun.failovers } : {}),
        },
        {
          actor: 'system',
          reason: `code sent by SMS${handedOn}`,
          requestId,
          provider: SMS_PROVIDER,
        },
      );
      return { login, channel: 'sms' };
    }
    const login = await this.logins.annotate(
      approved,
      begun.providerRef,
      {
        checkUrl: begun.checkUrl,
        proofProvider: begun.provider,
        ...(begun.failovers.length ? { proofFailovers: begun.failovers } : {}),
      },
      {
        actor: 'system',
        reason: `SIM check by ${begun.provider}${handedOn}`,
        requestId,
        provider: begun.provider,
      },
    );
    return { login, checkUrl: begun.checkUrl, provider: begun.provider };
  }

  /**
   * Fallback where the phone cannot run a PhoneCheck (its network is unsupported, or it is on
   * Wi-Fi), and the way through a step-up: a code of one of the user's active authenticator
   * factors approves a PENDING login. It succeeds with amr ["otp"] instead of ["sim"].
   */
  async approveWithFactor(
    login: Login,
    device: Device,
    factorId: string,
    code: string,
    requestId?: string,
  ): Promise<Login> {
    const verdict = await this.proof.stepUp.check(device.userId, factorId, code, requestId);
    if (verdict.outcome !== 'proven')
      throw new UnprocessableError('The code is not valid; the login stays PENDING.');
    return this.move(login.id, LoginStatus.MatchSuccess, 'user', requestId, {
      reason: 'approved with an authenticator code',
      context: { amr: ['otp'], factorId, approvedByDevice: device.id },
    });
  }

  /**
   * The phone sends the code its check_url ended with (or the SMS brought). MATCH_PENDING is
   * claimed first, so one code exchange runs per login; a provider outage returns the login to
   * APPROVED for a retry.
   */
  async submitCode(
    login: Login,
    reference: SimCheckReference,
    code: string | undefined,
    requestId?: string,
  ): Promise<Login> {
    const id = login.id;
    if (login.status !== LoginStatus.Approved || !login.providerRef) {
      throw new InvalidTransitionError(id, login.status, LoginStatus.MatchPending);
    }
    if (login.context.channel === 'sms') {
      if (reference.check_id !== undefined || reference.request_id !== undefined)
        throw new WrongCheckError();
      return this.submitSmsCode(login, requiredCode(code), requestId);
    }
    // The login's own provider decides which reference it takes; the other's is never exchanged.
    const provider = simProofProviderOf(login.context.proofProvider);
    const posted = postedReference(provider, { ...reference, code }, 'login');
    // Twilio SNA: the SNA URL gives the phone nothing to send back ({}); Twilio is asked by number.
    if (!posted) return this.exchange(login, login.providerRef, '', provider, requestId);
    if (posted.value === undefined) throw referenceRequired(posted.field, 'login');
    if (posted.value !== login.providerRef) throw new WrongCheckError();
    return this.exchange(login, posted.value, requiredCode(code), provider, requestId);
  }

  /** Exchanges the SIM check `checkId` of `provider` (MATCH_PENDING while it runs). */
  private async exchange(
    login: Login,
    checkId: string,
    code: string,
    provider: SimProofProviderName,
    requestId?: string,
  ): Promise<Login> {
    const id = login.id;
    // Held while the code is exchanged; the move that records the answer ends it.
    await this.move(id, LoginStatus.MatchPending, 'device', requestId, {
      reason: 'code submitted',
      leaseSeconds: this.config.attempts.stepLeaseSeconds,
      provider,
    });

    const verdict = await this.proof.check(
      'phone_check',
      checkId,
      code,
      provider,
      login.phoneNumber ?? undefined,
    );
    switch (verdict.outcome) {
      case 'failed':
        if (verdict.retry) {
          await this.move(id, LoginStatus.Approved, 'system', requestId, {
            reason: 'code exchange failed; the phone may retry',
            provider,
          });
        } else {
          await this.move(id, LoginStatus.ProviderError, 'provider', requestId, {
            reason: 'code exchange refused',
            provider,
          });
        }
        throw verdict.error;
      case 'proven':
        return this.move(id, LoginStatus.MatchSuccess, 'provider', requestId, {
          reason: 'SIM matches the number',
          context: { match: true },
          provider,
        });
      case 'provider_error':
        return this.move(id, LoginStatus.ProviderError, 'provider', requestId, {
          reason: verdict.errorCode ?? 'check error',
          provider,
        });
      case 'unfinished':
        // The check URL not opened (to its end) yet (Twilio's 60519): the phone may send it again.
        await this.move(id, LoginStatus.Approved, 'system', requestId, {
          reason: 'check not finished; the phone may retry',
          provider,
        });
        throw new CheckNotFoundError();
      default:
        // No match, or an expired check.
        return this.move(id, LoginStatus.MatchFailed, 'provider', requestId, {
          reason:
            verdict.outcome === 'not_proven' && verdict.cause === 'expired'
              ? 'check expired'
              : 'no match',
          context: { match: false },
          provider,
        });
    }
  }

  /**
   * The SMS code of a login whose number cannot PhoneCheck. Right: MATCH_SUCCESS with amr
   * ["sms"]; wrong: back to APPROVED for another try (422); ended by the provider: MATCH_FAILED (410).
   */
  private async submitSmsCode(login: Login, code: string, requestId?: string): Promise<Login> {
    const id = login.id;
    await this.move(id, LoginStatus.MatchPending, 'device', requestId, {
      reason: 'SMS code submitted',
      leaseSeconds: this.config.attempts.stepLeaseSeconds,
      provider: SMS_PROVIDER,
    });
    const verdict = await this.proof.check('sms', login.providerRef!, code);
    switch (verdict.outcome) {
      case 'proven':
        return this.move(id, LoginStatus.MatchSuccess, 'provider', requestId, {
          reason: 'SMS code right',
          context: { amr: ['sms'] },
          provider: SMS_PROVIDER,
        });
      case 'wrong_code':
        await this.move(id, LoginStatus.Approved, 'system', requestId, {
          reason: 'wrong SMS code',
          provider: SMS_PROVIDER,
        });
        throw new UnprocessableError('The code is not right; send the one the SMS brought.');
      case 'not_proven':
        await this.move(id, LoginStatus.MatchFailed, 'provider', requestId, {
          reason: 'SMS verification ended',
          provider: SMS_PROVIDER,
        });
        throw verdict.error;
      default:
        await this.move(id, LoginStatus.Approved, 'system', requestId, {
          reason: 'SMS code check failed; retry',
        });
        throw verdict.outcome === 'failed' ? verdict.error : new Error(verdict.outcome);
    }
  }

  /** A recent SIM swap: the login ends SIM_SWAP_DETECTED (deny) or needs a factor (step_up). */
  private async onSimSwap(id: string, swap: SimSwapResult, requestId?: string): Promise<Login> {
    const evidence = simSwapEvidence(swap);
    if (this.simSwapPolicy.policy === 'step_up') {
      await this.move(id, LoginStatus.Pending, 'system', requestId, {
        reason: `SIM changed recently (${swap.provider}): an authenticator code is required`,
        context: { simSwap: evidence.sim_swap, stepUpRequired: true },
      });
      throw new StepUpRequiredError();
    }
    return this.move(id, LoginStatus.SimSwapDetected, 'provider', requestId, {
      reason: `SIM changed recently (${swap.provider})`,
      context: { simSwap: evidence.sim_swap },
      result: evidence,
    });
  }

  private move(
    id: string,
    to: LoginStatus,
    actor: 'device' | 'provider' | 'system' | 'user',
    requestId: string | undefined,
    step: Pick<LoginMove, 'reason' | 'context' | 'result' | 'leaseSeconds' | 'provider'>,
  ): Promise<Login> {
    return this.logins.move({ id, to, actor, requestId, ...step });
  }
}
