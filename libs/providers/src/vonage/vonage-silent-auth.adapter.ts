import { requireString, statusOf } from '../provider-http';
import { ProviderHttpSettings } from '../provider-http';
import {
  CheckNotFoundError,
  NumberNotSupportedError,
  ProviderUnavailableError,
} from '../provider.errors';
import { CreatedPhoneCheck, PhoneCheckPort, PhoneCheckResult } from '../phone-check.port';
import { VonageClient } from './vonage-network.adapters';
import { VonageVerifyApi } from './vonage-verify-api';

/** A silent-auth step's lifetime: Vonage fixes its channel_timeout at 60 s. */
const SILENT_AUTH_TTL_SECONDS = 60;

/**
 * Vonage Verify v2 silent authentication, authenticated by the application JWT as
 * `@vonage/verify2` does: `POST /v2/verify` with `silent_auth` as the only channel (202
 * `{request_id, check_url}`); the phone opens check_url over mobile data and ends with
 * `{request_id, code}`; `POST /v2/verify/{request_id} {code}` is 200 `{status: completed}` when the
 * SIM holds the number. `silent_auth` alone: our REGISTRATION_FALLBACK is the one SMS path.
 */
export class VonageSilentAuthAdapter extends PhoneCheckPort {
  private readonly verify: VonageVerifyApi;

  constructor(
    private readonly vonage: VonageClient,
    settings: ProviderHttpSettings,
    private readonly brand: string,
  ) {
    super();
    this.verify = new VonageVerifyApi(vonage, settings, 'vonage-silent-auth', {
      provider: 'vonage',
      feature: 'sim_proof',
    });
  }

  async createCheck(phoneNumber: string): Promise<CreatedPhoneCheck> {
    try {
      const data = await this.verify.start(phoneNumber, 'silent_auth', { brand: this.brand });
      return {
        checkId: requireString(data, ['request_id'], 'Vonage Verify'),
        checkUrl: requireString(data, ['check_url'], 'Vonage Verify'),
        ttlSeconds: SILENT_AUTH_TTL_SECONDS,
      };
    } catch (err) {
      // 422: the number, or its network, cannot do silent authentication.
      if (statusOf(err) === 422)
        throw new NumberNotSupportedError('Silent authentication cannot run for this number.');
      // 409: another verification of the number is in flight (up to its 60 s): not now.
      if (statusOf(err) === 409)
        throw new ProviderUnavailableError(
          'Vonage is verifying this number already; try again in a minute',
          SILENT_AUTH_TTL_SECONDS,
        );
      throw this.vonage.failure(err);
    }
  }

  async exchangeCode(requestId: string, code: string): Promise<PhoneCheckResult> {
    try {
      await this.verify.check(requestId, code);
      return { checkId: requestId, status: 'COMPLETED', match: true };
    } catch (err) {
      switch (statusOf(err)) {
        // Nobody types a silent-auth code: one Vonage refuses came from another SIM's check.
        case 400:
          return { checkId: requestId, status: 'COMPLETED', match: false };
        case 410:
          return { checkId: requestId, status: 'EXPIRED', match: false };
        case 404:
          throw new CheckNotFoundError();
        default:
          throw this.vonage.failure(err);
      }
    }
  }
}
