import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import {
  Attempt,
  AttemptKind,
  AttemptStateMachine,
  InvalidTransitionError,
  RegistrationStatus,
} from '@simauth/attempts';
import {
  CheckNotFoundError,
  CoveragePort,
  DeviceCoverage,
  PhoneCheckPort,
  SimSwapResult,
} from '@simauth/providers';
import { AccountsService } from '../accounts/accounts.service';
import { SimSwapPolicy, simSwapEvidence } from '../accounts/sim-swap-policy.service';
import { CheckMismatchError } from './registration.errors';

export interface StartedRegistration {
  attempt: Attempt<RegistrationStatus>;
  checkUrl: string;
}

export interface CodeOutcome {
  status: RegistrationStatus;
  match: boolean;
  deviceToken?: string;
}

const KIND = AttemptKind.Registration;

/** A phone proves it holds the SIM of a number (PhoneCheck) and becomes a trusted device. */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: AttemptStateMachine,
    private readonly phoneCheck: PhoneCheckPort,
    private readonly coverage: CoveragePort,
    private readonly accounts: AccountsService,
    private readonly simSwapPolicy: SimSwapPolicy,
    private readonly db: DataSource,
  ) {}

  coverageFor(ip: string): Promise<DeviceCoverage> {
    return this.coverage.deviceCoverage(ip);
  }

  /** Creates the PhoneCheck first: if the provider fails, nothing is left half-made. */
  async start(
    phoneNumber: string,
    clientDeviceId: string,
    requestId?: string,
  ): Promise<StartedRegistration> {
    const id = randomUUID();
    const check = await this.phoneCheck.createCheck(phoneNumber, id);
    const attempt = await this.attempts.create({
      id,
      kind: KIND,
      ttlSeconds: this.config.attempts.registrationTtlSeconds,
      actor: 'device',
      phoneNumber,
      providerRef: check.checkId,
      context: { client_device_id: clientDeviceId, check_url: check.checkUrl },
      requestId,
    });
    return { attempt, checkUrl: check.checkUrl };
  }

  get(id: string): Promise<Attempt<RegistrationStatus>> {
    return this.attempts.get(KIND, id);
  }

  /**
   * Exchanges the device's code for the match. The attempt is checked before the provider is
   * called (expired 410, already used 409, foreign check 422); a provider outage changes nothing.
   */
  async submitCode(
    id: string,
    checkId: string,
    code: string,
    requestId?: string,
  ): Promise<CodeOutcome> {
    const attempt = await this.awaitingCheck(id, checkId);
    const result = await this.phoneCheck.exchangeCode(checkId, code);
    switch (result.status) {
      case 'COMPLETED': {
        if (!result.match)
          return this.refuse(id, RegistrationStatus.MatchFailed, 'no match', requestId);
        const swap = await this.recentSwapOfRegisteredNumber(attempt, requestId);
        return swap ? this.hold(attempt, swap, requestId) : this.trustDevice(attempt, requestId);
      }
      case 'EXPIRED':
        return this.refuse(
          id,
          RegistrationStatus.MatchFailed,
          'check expired at the provider',
          requestId,
        );
      case 'ERROR':
        return this.refuse(
          id,
          RegistrationStatus.ProviderError,
          result.errorCode ?? 'check error',
          requestId,
        );
      default:
        throw new CheckNotFoundError();
    }
  }

  /**
   * The check_url redirects ended in an error on the device (on Wi-Fi: `not_mobile_ip`): there is
   * no code to exchange, and the registration ends PROVIDER_ERROR with that error as its reason.
   */
  async checkFailedOnDevice(
    id: string,
    checkId: string,
    error: string,
    requestId?: string,
  ): Promise<CodeOutcome> {
    await this.awaitingCheck(id, checkId);
    return this.refuse(
      id,
      RegistrationStatus.ProviderError,
      `check ended on the device: ${error}`,
      requestId,
    );
  }

  /** The registration, live and still waiting for the outcome of its own check `checkId`. */
  private async awaitingCheck(id: string, checkId: string): Promise<Attempt<RegistrationStatus>> {
    const attempt = await this.attempts.get(KIND, id);
    this.attempts.assertLive(attempt);
    if (attempt.isFinal)
      throw new InvalidTransitionError(id, attempt.status, RegistrationStatus.MatchSuccess);
    if (checkId !== attempt.providerRef) throw new CheckMismatchError();
    return attempt;
  }

  /**
   * A registered user's number, matched on a SIM that changed within SIM_SWAP_MAX_AGE_HOURS, is
   * what taking over an account by SIM swap looks like: the provider's answer then, else undefined.
   * (A number nobody registered has nothing to take over.)
   */
  private async recentSwapOfRegisteredNumber(
    attempt: Attempt<RegistrationStatus>,
    requestId?: string,
  ): Promise<SimSwapResult | undefined> {
    if (!(await this.accounts.findUserIdByPhone(attempt.phoneNumber!))) return undefined;
    return this.simSwapPolicy.recentSwap(attempt.phoneNumber!, {
      kind: KIND,
      id: attempt.id,
      status: RegistrationStatus.CheckCreated,
      requestId,
    });
  }

  /** Held: SIM_SWAP_DETECTED, no device credential, the provider's answer on record. */
  private async hold(
    attempt: Attempt<RegistrationStatus>,
    swap: SimSwapResult,
    requestId?: string,
  ): Promise<CodeOutcome> {
    const evidence = simSwapEvidence(swap);
    const moved = await this.attempts.transition({
      kind: KIND,
      id: attempt.id,
      to: RegistrationStatus.SimSwapDetected,
      actor: 'provider',
      reason: `SIM changed recently (${swap.provider}); no new device for a registered number`,
      result: { match: true, ...evidence },
      requestId,
    });
    return { status: moved.status, match: true };
  }

  /** The match and the new device credential commit together: a lost race rotates nothing. */
  private trustDevice(
    attempt: Attempt<RegistrationStatus>,
    requestId?: string,
  ): Promise<CodeOutcome> {
    return this.db.transaction(async (tx) => {
      const clientDeviceId = String(attempt.context.client_device_id);
      const { device, deviceToken } = await this.accounts.registerDevice(
        attempt.phoneNumber!,
        clientDeviceId,
        tx,
      );
      await this.attempts.transition(
        {
          kind: KIND,
          id: attempt.id,
          to: RegistrationStatus.MatchSuccess,
          actor: 'device',
          reason: 'SIM matches the number',
          result: { match: true, user_id: device.userId, device_id: device.id },
          requestId,
        },
        tx,
      );
      return { status: RegistrationStatus.MatchSuccess, match: true, deviceToken };
    });
  }

  private async refuse(
    id: string,
    to: RegistrationStatus,
    reason: string,
    requestId?: string,
  ): Promise<CodeOutcome> {
    const moved = await this.attempts.transition({
      kind: KIND,
      id,
      to,
      actor: 'device',
      reason,
      result: { match: false, reason },
      requestId,
    });
    return { status: moved.status, match: false };
  }
}
