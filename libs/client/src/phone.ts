import { SimauthFactors } from './factors';
import { NumberVerificationResult, verifyNumber } from './number-verification';
import { Answer, answerOf, bearer, createApi, SimauthApi } from './http';
import { SimauthProblem } from './problem';
import { STORAGE_KEYS, SimauthStorage } from './storage';

/** What a check URL's redirects end with: a code, or the error the network gave instead. */
export interface CheckResult {
  /** tru.ID's check (PhoneCheck). */
  check_id?: string;
  /** Vonage's request (silent authentication), instead of check_id. */
  request_id?: string;
  code?: string;
  error?: string;
  error_description?: string;
}

/** A factor's code for a step-up; a bare code names no factor, so give `factorId` with it. */
export type FactorCode = { factorId: string; code: string };

export interface SimauthPhoneOptions {
  /** simauth's public URL. */
  baseUrl: string;
  /** Where the device credential is kept: the platform's secure store (see the README). */
  storage: SimauthStorage;
  /**
   * Opens a check URL over mobile data (never Wi-Fi), follows its redirects, and resolves to the
   * JSON body the last one answers with (`{check_id, code}` or `{check_id, error, …}` from tru.ID,
   * `{request_id, code}` from Vonage), whichever provider made the check URL. A body that is not
   * JSON (Twilio's SNA URL answers text, `ErrorCode=0&…`) may be given as the text: the SDK then
   * posts `{}`, and the server asks the provider. A problem document (Vonage's answer on Wi-Fi)
   * is given as it is: the SDK reads the error it names.
   */
  openCheckUrl: (url: string) => Promise<CheckResult | string>;
  /** Asks the person for the code an SMS brought, when the proof falls back to SMS. */
  onSmsCode?: () => Promise<string>;
  /**
   * Asks for an authenticator factor's code when the login needs one (a SIM-swap step-up): the
   * code alone (for the user's first ACTIVE factor), or the factor and its code.
   */
  onFactorCode?: (context: { loginId: string }) => Promise<string | FactorCode>;
  /** The `fetch` to use (the platform's by default). */
  fetch?: typeof fetch;
}

export interface RegisterOptions {
  /**
   * The phone's language, a BCP 47 tag (`de-CH`): simauth writes the login request's
   * notification title and body in it (English where it has not that language).
   */
  locale?: string;
  /** This installation's id (kept in storage; registering it again replaces its credential). */
  deviceId?: string;
}

export interface RegisterResult {
  /** MATCH_SUCCESS when the SIM proved the number; MATCH_FAILED, PROVIDER_ERROR otherwise. */
  status: string;
  /** The user's id, when the server names it. */
  userId?: string;
  deviceId?: string;
}

export interface PendingLogin {
  loginId: string;
  matchNumbers: number[];
  bindingMessage?: string;
  /** The app the person signs in to, when an OpenID client started the login. */
  clientName?: string;
  expiresAt: string;
  /**
   * PENDING: approve or deny it. APPROVED: this phone approved it and its proof is still to
   * finish (the app stopped in between): pass it to `resume()`.
   */
  status: string;
  /** APPROVED only: the check URL still to open over mobile data, and its check's id. */
  checkUrl?: string;
  checkId?: string;
  /** APPROVED only, with the check URL: whose check it is (`truid`, `vonage`, `twilio`). */
  provider?: string;
  /** APPROVED only, instead of a check URL: the code went out by SMS. */
  channel?: 'sms';
}

export interface ApproveResult {
  /** MATCH_SUCCESS, MATCH_FAILED, SIM_SWAP_DETECTED, DENIED (a wrong number), PROVIDER_ERROR… */
  status: string;
}

/** A random id for this installation, where the caller gives none. */
function newDeviceId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  if (uuid) return uuid;
  const hex = () =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${hex()}${hex()}-${hex()}-${hex()}-${hex()}-${hex()}${hex()}${hex()}`;
}

/**
 * The phone's half of simauth: registers the phone (its SIM proves the number), keeps the device
 * credential in `storage`, and approves or denies the logins started elsewhere.
 */
export class SimauthPhone {
  /** The typed REST client (openapi-fetch) for calls this class does not wrap. */
  readonly api: SimauthApi;

  /** The authenticator factors of this phone's user (with the device credential). */
  readonly factors: SimauthFactors;

  constructor(private readonly options: SimauthPhoneOptions) {
    this.api = createApi(options.baseUrl, options.fetch);
    this.factors = new SimauthFactors(
      this.api,
      () => this.credential(),
      <T>(request: Promise<Answer<T>>) => this.asDevice(request),
    );
  }

  /**
   * Registers this phone for `phoneNumber`: asks the coverage, starts the registration, proves
   * the SIM over the check URL (or by the SMS code where no PhoneCheck can run) and keeps the
   * device credential the server answers with.
   */
  async register(phoneNumber: string, opts: RegisterOptions = {}): Promise<RegisterResult> {
    const { storage } = this.options;
    const deviceId = opts.deviceId ?? (await storage.get(STORAGE_KEYS.deviceId)) ?? newDeviceId();
    const sms = this.options.onSmsCode && !(await this.phoneCheckSupported());
    const started = await answerOf(
      this.api.POST('/v1/registrations', {
        body: {
          phone_number: phoneNumber,
          device_id: deviceId,
          ...(sms ? { channel: 'sms' } : {}),
          ...(opts.locale ? { locale: opts.locale } : {}),
        },
      }),
    );
    let proof: CheckResult;
    if (started.status === 'CODE_SENT') {
      proof = { code: await this.smsCode() };
    } else if (started.check_url) {
      proof = await this.openCheck(started.check_url);
    } else {
      throw SimauthProblem.unexpected(`registration ${started.status} has no check_url`);
    }
    const done = (await answerOf(
      this.api.POST('/v1/registrations/{id}/code', {
        params: { path: { id: started.registration_id } },
        // The document marks check_id and code required; an SMS code has no check_id, and a
        // check that failed posts its error instead of a code (both as the server accepts).
        body: proof as { check_id: string; code: string },
      }),
    )) as { status: string; device_token?: string; user_id?: string; device_id?: string };
    if (!done.device_token) return { status: done.status };
    await storage.set(STORAGE_KEYS.deviceToken, done.device_token);
    await storage.set(STORAGE_KEYS.deviceId, done.device_id ?? deviceId);
    if (done.user_id) await storage.set(STORAGE_KEYS.userId, done.user_id);
    return {
      status: done.status,
      ...(done.user_id ? { userId: done.user_id } : {}),
      deviceId: done.device_id ?? deviceId,
    };
  }

  /**
   * Asks the mobile network whether this phone holds `phoneNumber`, without a registration or a
   * credential: opens the number verification's auth URL over mobile data with `openCheckUrl`
   * (see number-verification.ts).
   */
  verifyNumber(phoneNumber: string): Promise<NumberVerificationResult> {
    return verifyNumber(this.api, this.options.openCheckUrl, phoneNumber);
  }

  /** True when this phone holds a device credential. */
  async isRegistered(): Promise<boolean> {
    return (await this.options.storage.get(STORAGE_KEYS.deviceToken)) !== null;
  }

  /**
   * Tells simauth where to push login requests (call again whenever FCM gives a new token), and
   * with `locale` the phone's language (BCP 47) for the notification's text; without one the
   * language it had stays.
   */
  async setPushToken(fcmToken: string, opts: { locale?: string } = {}): Promise<void> {
    await this.asDevice(
      this.api.PUT('/v1/devices/me/push-token', {
        headers: await this.credential(),
        body: { fcm_token: fcmToken, ...(opts.locale ? { locale: opts.locale } : {}) },
      }),
    );
  }

  /** The logins waiting for this phone (pushes can be lost: ask when the app opens). */
  async pendingLogins(): Promise<PendingLogin[]> {
    const logins = await this.asDevice(
      this.api.GET('/v1/devices/me/logins', { headers: await this.credential() }),
    );
    return logins.map((login) => ({
      loginId: login.login_id,
      matchNumbers: login.match_numbers,
      ...(login.binding_message ? { bindingMessage: login.binding_message } : {}),
      ...(login.client_name ? { clientName: login.client_name } : {}),
      expiresAt: login.expires_at,
      status: login.status,
      ...(login.check_url ? { checkUrl: login.check_url } : {}),
      ...(login.check_id ? { checkId: login.check_id } : {}),
      ...(login.provider ? { provider: login.provider } : {}),
      ...(login.channel ? { channel: login.channel } : {}),
    }));
  }

  /**
   * Finishes the proof of a login this phone approved before the app stopped (a pending login
   * with status APPROVED): opens its check URL over mobile data (or asks for the SMS code) and
   * sends the code. Calling `approve()` again instead answers 409: the login is approved already.
   */
  async resume(login: PendingLogin): Promise<ApproveResult> {
    if (login.status !== 'APPROVED')
      throw new SimauthProblem({
        type: 'urn:simauth:problem:nothing-to-resume',
        status: 0,
        title: 'This login has no proof to resume',
        detail: `The login is ${login.status}: approve or deny it.`,
      });
    return this.prove(login.loginId, await this.credential(), {
      checkUrl: login.checkUrl,
      channel: login.channel,
      provider: login.provider,
    });
  }

  /**
   * Approves a login with the number the person picked, then proves the SIM: over the check URL,
   * by an SMS code where no PhoneCheck can run, or with a factor code when the server asks for a
   * step-up. Resolves to the login's status once the phone has nothing more to do.
   */
  async approve(loginId: string, matchNumber: number): Promise<ApproveResult> {
    const headers = await this.credential();
    const path = { path: { id: loginId } };
    let approved;
    try {
      approved = await this.asDevice(
        this.api.POST('/v1/logins/{id}/approve', {
          params: path,
          headers,
          body: { match_number: matchNumber },
        }),
      );
    } catch (err) {
      const stepUp =
        err instanceof SimauthProblem && err.type === 'urn:simauth:problem:step-up-required';
      if (!stepUp || !this.options.onFactorCode) throw err;
      const { factorId, code } = await this.factorCode(loginId);
      return this.asDevice(
        this.api.POST('/v1/logins/{id}/approve-with-code', {
          params: path,
          headers,
          body: { match_number: matchNumber, factor_id: factorId, code },
        }),
      );
    }
    if (approved.status !== 'APPROVED') return { status: approved.status };
    return this.prove(loginId, headers, {
      checkUrl: approved.check_url,
      channel: approved.channel,
      provider: approved.provider,
    });
  }

  /** Opens a check URL with the app's `openCheckUrl`; what it gave, as the server takes it. */
  private async openCheck(url: string): Promise<CheckResult> {
    return asProof(await this.options.openCheckUrl(url));
  }

  /** Denies a login this phone did not start. */
  async deny(loginId: string): Promise<ApproveResult> {
    return this.asDevice(
      this.api.POST('/v1/logins/{id}/deny', {
        params: { path: { id: loginId } },
        headers: await this.credential(),
      }),
    );
  }

  /**
   * Revokes the device credential on the server (device.revoked), then drops it from storage. A
   * credential the server already refuses (401: revoked elsewhere) is dropped all the same.
   */
  async forget(): Promise<void> {
    try {
      await this.asDevice(this.api.DELETE('/v1/devices/me', { headers: await this.credential() }));
    } catch (err) {
      if (!(err instanceof SimauthProblem && err.status === 401)) throw err;
    }
    await this.dropCredential();
  }

  /**
   * Proves the SIM for an approved login (over its check URL, or by the SMS code) and sends the
   * code; resolves to the login's status.
   */
  private async prove(
    loginId: string,
    headers: { authorization: string },
    approved: { checkUrl?: string; channel?: 'sms'; provider?: string },
  ): Promise<ApproveResult> {
    let proof: CheckResult;
    if (approved.channel === 'sms') {
      proof = { code: await this.smsCode() };
    } else if (approved.checkUrl) {
      proof = await this.openCheck(approved.checkUrl);
    } else {
      throw SimauthProblem.unexpected('an approved login has no check_url');
    }
    // Twilio SNA has no code: the server asks Twilio whether the SIM that opened the URL is the number's.
    if (proof.error !== undefined || (proof.code === undefined && approved.provider !== 'twilio'))
      throw checkFailed(proof);
    return this.asDevice(
      this.api.POST('/v1/logins/{id}/code', {
        params: { path: { id: loginId } },
        headers,
        // As the check URL answered (check_id from tru.ID, request_id from Vonage: the server
        // knows which from the login); an SMS code comes without either.
        body: proof as { check_id: string; code: string },
      }),
    );
  }

  /**
   * A call made with the device credential. A 401 answer means the server no longer accepts the
   * credential (revoked by an operator or by forget() elsewhere, or its user blocked): it is
   * dropped from storage, so isRegistered() says false, and the problem is thrown on.
   */
  private async asDevice<T>(request: Promise<Answer<T>>): Promise<T> {
    try {
      return await answerOf(request);
    } catch (err) {
      if (err instanceof SimauthProblem && err.status === 401) await this.dropCredential();
      throw err;
    }
  }

  /** Removes everything the client keeps in storage. */
  private async dropCredential(): Promise<void> {
    const { storage } = this.options;
    for (const key of Object.values(STORAGE_KEYS)) await storage.remove(key);
  }

  /** The step-up's factor and code; a bare code is for the user's first ACTIVE factor. */
  private async factorCode(loginId: string): Promise<FactorCode> {
    const answer = await this.options.onFactorCode!({ loginId });
    if (typeof answer !== 'string') return answer;
    const active = (await this.factors.list()).find((f) => f.status === 'ACTIVE');
    if (!active)
      throw SimauthProblem.unexpected(
        'a factor code was asked for, and the user has no ACTIVE factor',
      );
    return { factorId: active.factorId, code: answer };
  }

  /** Whether the network the phone is on can run a PhoneCheck (yes when the answer is unknown). */
  private async phoneCheckSupported(): Promise<boolean> {
    try {
      return (await answerOf(this.api.GET('/v1/coverage'))).phone_check_supported;
    } catch {
      return true;
    }
  }

  private async smsCode(): Promise<string> {
    if (!this.options.onSmsCode)
      throw SimauthProblem.unexpected('a code went out by SMS, and no onSmsCode was given');
    return this.options.onSmsCode();
  }

  /** The device credential as an Authorization header; a problem when the phone has none. */
  private async credential(): Promise<{ authorization: string }> {
    const token = await this.options.storage.get(STORAGE_KEYS.deviceToken);
    if (token === null)
      throw new SimauthProblem({
        type: 'urn:simauth:problem:not-registered',
        status: 0,
        title: 'This phone is not registered',
        detail: 'Call register() first: no device credential is stored.',
      });
    return bearer(token);
  }
}

/**
 * What the check URL gave, as the server takes it: a JSON body as it is, text (Twilio SNA) as
 * `{}`, and a problem document (RFC 9457: Vonage's answer on Wi-Fi, `…/verify#network-error`) as
 * the error it names, the fragment of its `type` (or its title), with its detail.
 */
function asProof(answer: CheckResult | ProblemAnswer | string | undefined): CheckResult {
  if (!answer || typeof answer !== 'object') return {};
  if (!('type' in answer) || typeof answer.type !== 'string' || 'code' in answer)
    return answer as CheckResult;
  const { type, title, detail } = answer;
  const { check_id, request_id } = answer as CheckResult;
  const kind = /#([A-Za-z0-9_.-]{1,64})$/.exec(type)?.[1] ?? String(title ?? 'check_failed');
  // Only what /code takes: a problem's other members (status, instance) are not the server's.
  return {
    ...(typeof check_id === 'string' ? { check_id } : {}),
    ...(typeof request_id === 'string' ? { request_id } : {}),
    error: kind.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64),
    ...(typeof detail === 'string' ? { error_description: detail } : {}),
  };
}

/** A check URL that ended in a problem document instead of a code. */
interface ProblemAnswer {
  type: string;
  title?: unknown;
  status?: unknown;
  detail?: unknown;
}

/** The check URL ended in an error (not_mobile_ip on Wi-Fi, …): no code to send. */
function checkFailed(proof: CheckResult): SimauthProblem {
  return new SimauthProblem({
    type: 'urn:simauth:problem:check-failed',
    status: 0,
    title: 'The SIM could not be checked over this network',
    detail: [proof.error, proof.error_description].filter(Boolean).join(': ') || undefined,
  });
}
