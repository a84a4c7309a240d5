import { NumberNotSupportedError, ProviderError } from '../provider.errors';
import { providerFailure, requireString, statusOf } from '../provider-http';
import { SimSwapPort, SimSwapResult } from '../sim-swap.port';
import { VonageClient } from './vonage-network.adapters';

const SIM_SWAP_SCOPE = 'dpv:FraudPreventionAndDetection#check-sim-swap';

/**
 * Vonage CAMARA SIM Swap v0.4.0, as Vonage's SDK calls it: a backend (CIBA) authorization for the
 * number and scope (`/oauth2/bc-authorize`, then `/oauth2/token` with the CIBA grant, both with
 * the application JWT), then `POST /camara/sim-swap/v040/check {phoneNumber, maxAge}`.
 */
export class VonageSimSwapAdapter extends SimSwapPort {
  constructor(private readonly vonage: VonageClient) {
    super();
  }

  async check(phoneNumber: string, maxAgeHours: number): Promise<SimSwapResult> {
    const accessToken = await this.accessToken(phoneNumber);
    try {
      const { data } = await this.vonage.http.post<{ swapped?: unknown }>(
        '/camara/sim-swap/v040/check',
        // CAMARA: maxAge in hours, 1 to 2400.
        { phoneNumber, maxAge: Math.min(2400, Math.max(1, Math.round(maxAgeHours))) },
        { headers: { Authorization: `Bearer ${accessToken}` }, idempotent: true },
      );
      if (typeof data?.swapped !== 'boolean')
        throw new ProviderError(
          'Vonage answered the SIM Swap check without swapped',
          'malformed_answer',
        );
      return { swapped: data.swapped, provider: 'Vonage', answer: { swapped: data.swapped } };
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      throw providerFailure('Vonage', err);
    }
  }

  private async accessToken(phoneNumber: string): Promise<string> {
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const headers = async () => ({
      Authorization: await this.vonage.authorization(),
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    try {
      const { data: request } = await this.vonage.http.post<{ auth_req_id?: string }>(
        '/oauth2/bc-authorize',
        form({ login_hint: `tel:${phoneNumber}`, scope: `openid ${SIM_SWAP_SCOPE}` }),
        { headers: await headers() },
      );
      const { data: token } = await this.vonage.http.post<{ access_token?: string }>(
        '/oauth2/token',
        form({
          auth_req_id: requireString(request, ['auth_req_id'], 'Vonage'),
          grant_type: 'urn:openid:params:grant-type:ciba',
        }),
        { headers: await headers() },
      );
      return requireString(token, ['access_token'], 'Vonage');
    } catch (err) {
      // 404 on bc-authorize: the number is not one of this network's (Vonage's SDK says so).
      if (statusOf(err) === 404)
        throw new NumberNotSupportedError('Vonage cannot check this number for a SIM swap.');
      throw this.vonage.failure(err);
    }
  }
}
