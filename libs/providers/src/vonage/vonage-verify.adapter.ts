import { providerFailure, requireString, statusOf } from '../provider-http';
import { ProviderHttpSettings } from '../provider-http';
import { NumberNotSupportedError } from '../provider.errors';
import { VerificationEndedError, VerifyPort } from '../verify.port';
import { VonageClient } from './vonage-network.adapters';
import { VonageVerifyApi } from './vonage-verify-api';

/**
 * Vonage Verify v2 with the SMS workflow, authenticated by the application JWT as Vonage's SDK
 * does: `POST /v2/verify` (202 `{request_id}`), then `POST /v2/verify/{request_id} {code}` (200 when
 * right, 400 invalid-code when wrong, 410 once too many wrong codes ended it, 404 when it is gone).
 */
export class VonageVerifyAdapter extends VerifyPort {
  private readonly verify: VonageVerifyApi;

  constructor(
    private readonly vonage: VonageClient,
    settings: ProviderHttpSettings,
  ) {
    super();
    this.verify = new VonageVerifyApi(vonage, settings, 'vonage-verify', {
      provider: 'vonage',
      feature: 'sms',
    });
  }

  async start(phoneNumber: string, brand: string): Promise<{ requestId: string }> {
    try {
      const data = await this.verify.start(phoneNumber, 'sms', { brand, code_length: 6 });
      return { requestId: requireString(data, ['request_id'], 'Vonage Verify') };
    } catch (err) {
      // 422: a number Verify cannot send to (invalid, or a network it does not reach).
      if (statusOf(err) === 422)
        throw new NumberNotSupportedError('Vonage Verify cannot send a code to this number.');
      throw this.vonage.failure(err);
    }
  }

  async check(requestId: string, code: string): Promise<boolean> {
    try {
      await this.verify.check(requestId, code);
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === 400) return false;
      if (status === 404 || status === 410) throw new VerificationEndedError();
      throw providerFailure('Vonage Verify', err);
    }
  }
}
