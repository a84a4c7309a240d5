import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, SimProofProviderName } from '@simauth/config';
import { Attempt, AttemptStateMachine, InvalidTransitionError } from '@simauth/attempts';
import { AttemptKind } from '../attempt-kind';
import { RegistrationStatus } from './registration.states';
import {
  CheckNotFoundError,
  CoveragePort,
  DeviceCoverage,
  SimSwapResult,
} from '@simauth/providers';
import { RequestValidationError, UnprocessableError } from '@simauth/http';
import { AccountsService } from '../../platform/identity/accounts.service';
import { SimProof } from '../../platform/sim-proof/sim-proof.service';
import { ProofChannel } from '../../platform/sim-proof/sim-proof.types';
import { SimSwapPolicy, simSwapEvidence } from '../../platform/sim-proof/sim-swap-policy.service';
import {
  PostedCheck,
  failoversText,
  postedReference,
  referenceRequired,
  simProofProviderOf,
} from '../../platform/sim-proof/check-reference';
import { CheckMismatchError } from './registration.errors';

interface StartedRegistration {
  attempt: Attempt<RegistrationStatus>;
  /** Absent when the code went out by SMS instead (the fallback channel). */
  checkUrl?: string;
  /** Who made the check_url, after any failover (SIM_PROOF_PROVIDERS). */
  provider?: SimProofProviderName;
}

/** What the phone posts to /code: what its check_url answered, or the SMS's code. */
interface SubmittedCode extends PostedCheck {
  error?: string;
}

interface CodeOutcome {
  status: RegistrationStatus;
  match: boolean;
  /** On MATCH_SUCCESS: the new device credential, its user and the device as simauth knows them. */
  deviceToken?: string;
  userId?: string;
  deviceId?: string;
}

const KIND = AttemptKind.Registration;

/** The SIM-proof provider of a registration's check (SIM_PROOF_PROVIDERS, after any failover). */
const checkProviderOf = (attempt: Attempt<RegistrationStatus>): SimProofProviderName =>
  simProofProviderOf(attempt.context.provider);

/** The provider that proves a registration: its check's, or Vonage Verify's for an SMS code. */
const proofProviderOf = (attempt: Attempt<RegistrationStatus>): SimProofProviderName =>
  attempt.context.channel === 'sms' ? 'vonage' : checkProviderOf(attempt);

/** A phone proves it holds the SIM of a number (the shared SIM proof) and becomes a trusted device. */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: AttemptStateMachine,
    private readonly proof: SimProof,
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
    channel: ProofChannel = 'phone_check',
    /** The device's language (BCP 47, canonical): stored on the device once it is trusted. */
    locale?: string,
  ): Promise<StartedRegistration> {
    if (channel === 'sms' && !this.proof.smsAllowed)
      throw new UnprocessableError('The SMS channel is off here (REGISTRATION_FALLBACK=none).');
    const id = randomUUID();
    // PhoneCheck, or the fallback channel: Vonage Verify v2 sends a code by SMS (CODE_SENT).
    const begun = await this.proof.begin(phoneNumber, id, channel);
    if (!begun.ok) throw begun.error;
    const failovers = begun.failovers ?? [];
    const attempt = await this.attempts.create({
      id,
      kind: KIND,
      ...(begun.channel === 'sms' ? { status: RegistrationStatus.CodeSent } : {}),
      ttlSeconds: this.config.attempts.registrationTtlSeconds,
      actor: 'device',
      phoneNumber,
      providerRef: begun.providerRef,
      context: {
        client_device_id: clientDeviceId,
        ...(locale ? { locale } : {}),
        ...(begun.channel === 'sms'
          ? { channel: 'sms' }
          : { check_url: begun.checkUrl, provider: begun.provider }),
        ...(failovers.length ? { failovers } : {}),
      },
      // The failover, in the attempt's first event: which providers handed the proof on, and why.
      ...(failovers.length
        ? {
            reason: `${failoversText(failovers)}: ${begun.channel === 'sms' ? 'code sent by SMS' : `SIM check by ${begun.provider}`}`,
          }
        : {}),
      // Who proves it: the SIM check's provider, or Vonage Verify's SMS.
      provider: begun.channel === 'sms' ? 'vonage' : begun.provider,
      requestId,
    });
    return begun.channel === 'sms'
      ? { attempt }
      : { attempt, checkUrl: begun.checkUrl, provider: begun.provider };
  }

  /**
   * What the phone posts to /code, taken as the registration's own proof asks: the SMS's
   * `{code}`, tru.ID's `{check_id, code}`, Vonage's `{request_id, code}` (or the error its check_url
   * ended with: tru.ID's with its check_id, Vonage's alone), Twilio's `{}` (its SNA URL answers text; Twilio is asked by the number). A
   * reference of another provider is a 400 naming the field, never checked.
   */
  async submit(id: string, body: SubmittedCode, requestId?: string): Promise<CodeOutcome> {
    const attempt = await this.attempts.get(KIND, id);
    const sms = attempt.context.channel === 'sms';
    if (sms && body.request_id !== undefined)
      throw new RequestValidationError([
        {
          field: 'request_id',
          message: 'is not for this registration: its code came by SMS (send {code})',
        },
      ]);
    const posted = postedReference(sms ? 'truid' : checkProviderOf(attempt), body, 'registration');
    if (!posted)
      return body.error !== undefined
        ? this.checkFailedOnDevice(id, attempt.providerRef!, body.error, requestId)
        : this.submitCode(id, attempt.providerRef!, '', requestId);
    if (body.code === undefined && body.error === undefined)
      throw new RequestValidationError([{ field: 'code', message: 'is required' }]);
    if (posted.value === undefined) {
      if (body.error !== undefined) {
        // Vonage's check URL ends in a problem document without request_id (on Wi-Fi,
        // network-error): the error is the registration's own check's. tru.ID's names its check.
        if (posted.field === 'request_id')
          return this.checkFailedOnDevice(id, attempt.providerRef!, body.error, requestId);
        throw referenceRequired('check_id', 'registration');
      }
      if (posted.field === 'check_id') return this.submitSmsCode(id, body.code!, requestId);
      throw referenceRequired(posted.field, 'registration');
    }
    return body.error !== undefined
      ? this.checkFailedOnDevice(id, posted.value, body.error, requestId)
      : this.submitCode(id, posted.value, body.code!, requestId);
  }

  /**
   * The code a phone received by SMS. A wrong one is 422 and the registration stays CODE_SENT
   * (wrong codes count against the attempt's limit, and Vonage ends the request after three); an
   * ended request is 410 and the registration MATCH_FAILED.
   */
  async submitSmsCode(id: string, code: string, requestId?: string): Promise<CodeOutcome> {
    const attempt = await this.attempts.get(KIND, id);
    if (attempt.context.channel !== 'sms') {
      throw new RequestValidationError([
        { field: 'check_id', message: 'is required: this registration is a PhoneCheck' },
      ]);
    }
    this.attempts.assertLive(attempt);
    if (attempt.status !== RegistrationStatus.CodeSent)
      throw new InvalidTransitionError(id, attempt.status, RegistrationStatus.MatchSuccess);
    const verdict = await this.proof.check('sms', attempt.providerRef!, code);
    switch (verdict.outcome) {
      case 'proven': {
        const swap = await this.recentSwapOfRegisteredNumber(attempt, requestId);
        return swap
          ? this.hold(attempt, swap, requestId)
          : this.trustDevice(attempt, requestId, 'sms');
      }
      case 'wrong_code':
        throw new UnprocessableError('The code is not right; the registration stays CODE_SENT.');
      case 'not_proven':
        await this.refuse(
          attempt,
          RegistrationStatus.MatchFailed,
          'SMS verification ended',
          requestId,
          'provider',
        ).catch(() => undefined);
        throw verdict.error;
      case 'failed':
        // Nothing moves: the same code may be sent again.
        throw verdict.error;
      default:
        throw new Error(`unexpected SMS verdict: ${verdict.outcome}`);
    }
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
    const verdict = await this.proof.check(
      'phone_check',
      checkId,
      code,
      checkProviderOf(attempt),
      attempt.phoneNumber ?? undefined,
    );
    switch (verdict.outcome) {
      case 'proven': {
        const swap = await this.recentSwapOfRegisteredNumber(attempt, requestId);
        return swap ? this.hold(attempt, swap, requestId) : this.trustDevice(attempt, requestId);
      }
      case 'not_proven':
        return this.refuse(
          attempt,
          RegistrationStatus.MatchFailed,
          verdict.cause === 'expired' ? 'check expired at the provider' : 'no match',
          requestId,
        );
      case 'provider_error':
        return this.refuse(
          attempt,
          RegistrationStatus.ProviderError,
          verdict.errorCode ?? 'check error',
          requestId,
        );
      case 'failed':
        // A provider outage changes nothing: the phone may send the code again.
        throw verdict.error;
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
    const attempt = await this.awaitingCheck(id, checkId);
    return this.refuse(
      attempt,
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
      provider: proofProviderOf(attempt),
      requestId,
    });
    return { status: moved.status, match: true };
  }

  /** The match and the new device credential commit together: a lost race rotates nothing. */
  private trustDevice(
    attempt: Attempt<RegistrationStatus>,
    requestId?: string,
    provenBy: 'sim' | 'sms' = 'sim',
  ): Promise<CodeOutcome> {
    return this.db.transaction(async (tx) => {
      const clientDeviceId = String(attempt.context.client_device_id);
      const { device, deviceToken } = await this.accounts.registerDevice(
        attempt.phoneNumber!,
        clientDeviceId,
        tx,
        provenBy,
        typeof attempt.context.locale === 'string' ? attempt.context.locale : undefined,
      );
      await this.attempts.transition(
        {
          kind: KIND,
          id: attempt.id,
          to: RegistrationStatus.MatchSuccess,
          actor: 'device',
          reason: provenBy === 'sms' ? 'SMS code right' : 'SIM matches the number',
          result: {
            match: true,
            user_id: device.userId,
            device_id: device.id,
            proven_by: provenBy,
          },
          provider: proofProviderOf(attempt),
          requestId,
        },
        tx,
      );
      return {
        status: RegistrationStatus.MatchSuccess,
        match: true,
        deviceToken,
        userId: device.userId,
        deviceId: device.id,
      };
    });
  }

  private async refuse(
    attempt: Attempt<RegistrationStatus>,
    to: RegistrationStatus,
    reason: string,
    requestId?: string,
    actor: 'device' | 'provider' = 'device',
  ): Promise<CodeOutcome> {
    const moved = await this.attempts.transition({
      kind: KIND,
      id: attempt.id,
      to,
      actor,
      reason,
      result: { match: false, reason },
      provider: proofProviderOf(attempt),
      requestId,
    });
    return { status: moved.status, match: false };
  }
}
