import { AxiosInstance, isAxiosError } from 'axios';
import {
  ProviderHttpSettings,
  providerFailure,
  providerHttpClient,
  requireString,
  statusOf,
} from '../provider-http';
import { NumberNotSupportedError, ProviderError } from '../provider.errors';
import { CreatedPhoneCheck, PhoneCheckPort, PhoneCheckResult } from '../phone-check.port';
import { TwilioCredentials, twilioAuthorization } from './twilio-auth';

/** An SNA verification's lifetime: Twilio keeps a Verification for 10 minutes. */
const SNA_TTL_SECONDS = 600;

/** Twilio's SNA error for "the carrier says this number is invalid": SMS would fail too. */
const INVALID_NUMBER = 60540;
/** The SIM that opened the SNA URL is not the number's. */
const NUMBER_MISMATCH = 60500;
/** The SNA URL has not been opened (or not to its end) yet. */
const RESULT_PENDING = 60519;

interface TwilioSettings extends ProviderHttpSettings, TwilioCredentials {
  serviceSid: string;
}

/** Twilio's error body: `{code, message, more_info, status}`; the code, when it is one. */
function twilioCode(err: unknown): number | undefined {
  const code = isAxiosError(err) ? (err.response?.data as { code?: unknown })?.code : undefined;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Twilio Verify Silent Network Auth, as `twilio-node` calls it: form-encoded, Basic auth with the
 * account SID and auth token. `POST /v2/Services/{ServiceSid}/Verifications` with `To` and
 * `Channel=sna` answers `{sid, status: pending, sna: {url}}`; the phone opens `sna.url` over
 * mobile data (its answer, `ErrorCode=0&ErrorDescription=Success…`, is not JSON and carries
 * nothing to send back: the phone posts `{}`); `POST …/VerificationCheck` with `To` answers
 * `status: approved` when the SIM holds the number, else its `sna_attempts_error_codes` say why.
 */
export class TwilioSnaAdapter extends PhoneCheckPort {
  private readonly http: AxiosInstance;
  private readonly authorization: string;

  constructor(private readonly settings: TwilioSettings) {
    super();
    this.http = providerHttpClient(settings, 'twilio-sna', {
      provider: 'twilio',
      feature: 'sim_proof',
    });
    this.authorization = twilioAuthorization(settings);
  }

  private post(path: string, form: Record<string, string>) {
    return this.http.post(
      `/v2/Services/${encodeURIComponent(this.settings.serviceSid)}/${path}`,
      new URLSearchParams(form).toString(),
      {
        headers: {
          Authorization: this.authorization,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      },
    );
  }

  async createCheck(phoneNumber: string): Promise<CreatedPhoneCheck> {
    try {
      const { data } = await this.post('Verifications', { To: phoneNumber, Channel: 'sna' });
      return {
        checkId: requireString(data, ['sid'], 'Twilio Verify'),
        checkUrl: requireString(data, ['sna', 'url'], 'Twilio Verify'),
        ttlSeconds: SNA_TTL_SECONDS,
      };
    } catch (err) {
      throw this.failure(err);
    }
  }

  /**
   * Checks the verification of `phoneNumber` (Twilio checks SNA by `To`; `sid` is the
   * verification this attempt made, which Twilio's answer must name). `code` is unused: SNA has none.
   */
  async exchangeCode(sid: string, _code: string, phoneNumber?: string): Promise<PhoneCheckResult> {
    if (!phoneNumber) throw new ProviderError('Twilio SNA needs the number to check', 'no_number');
    let data: { sid?: string; status?: string; sna_attempts_error_codes?: { code?: number }[] };
    try {
      ({ data } = await this.post('VerificationCheck', { To: phoneNumber }));
    } catch (err) {
      // 404: the verification expired, was approved already or ran out of checks.
      if (statusOf(err) === 404) return { checkId: sid, status: 'EXPIRED', match: false };
      throw this.failure(err);
    }
    // Another verification of the number (a newer attempt's): not this attempt's to prove.
    if (data.sid !== undefined && data.sid !== sid)
      return { checkId: sid, status: 'EXPIRED', match: false };
    if (data.status === 'approved') return { checkId: sid, status: 'COMPLETED', match: true };
    const codes = (data.sna_attempts_error_codes ?? []).map((e) => e.code);
    const last = codes.at(-1);
    if (last === NUMBER_MISMATCH) return { checkId: sid, status: 'COMPLETED', match: false };
    if (last === undefined || last === RESULT_PENDING)
      return { checkId: sid, status: 'PENDING', match: false };
    // 60540 (invalid number), 60510 (not on mobile data), 60511, 60520…: the check cannot prove it.
    return { checkId: sid, status: 'ERROR', match: false, errorCode: `twilio_${last}` };
  }

  private failure(err: unknown): Error {
    const status = statusOf(err);
    if (status === 401 || status === 403)
      return new ProviderError(
        'Twilio refused the credentials (TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN)',
        'twilio_auth',
      );
    const code = twilioCode(err);
    // The carrier says the number is invalid: no other provider (nor SMS) would do better.
    if (code === INVALID_NUMBER)
      return new ProviderError('Twilio: the carrier says the number is invalid', 'twilio_60540');
    // Any other SNA error at the start: SNA cannot run for this number or its carrier.
    if (code !== undefined && code >= 60500 && code < 60600 && status !== undefined && status < 500)
      return new NumberNotSupportedError('Silent Network Auth cannot run for this number.');
    return providerFailure('Twilio', err);
  }
}
