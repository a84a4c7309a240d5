import { AxiosInstance } from 'axios';
import { VonageJwtSigner } from '@simauth/credentials';
import { NetworkEnablementPort } from '../network-enablement.port';
import { NumberVerificationPort } from '../number-verification.port';
import { NumberNotSupportedError, ProviderError } from '../provider.errors';
import {
  ProviderHttpSettings,
  providerFailure,
  providerHttpClient,
  requireString,
  statusOf,
} from '../provider-http';
import {
  CamaraTokenResponse,
  CamaraVerifyResponse,
  NetworkEnablementResponse,
  NUMBER_VERIFICATION_SCOPE,
} from './vonage.types';

interface VonageSettings extends ProviderHttpSettings {
  applicationId: string;
  privateKey: string;
  redirectUri: string;
}

/** HTTP access to Vonage's Network APIs, authenticated by the application's JWT. */
export class VonageClient {
  readonly http: AxiosInstance;
  readonly signer: VonageJwtSigner;

  constructor(readonly settings: VonageSettings) {
    this.http = providerHttpClient(settings, 'vonage', {
      provider: 'vonage',
      feature: 'number_verification,sim_swap',
    });
    this.signer = new VonageJwtSigner(settings.applicationId, settings.privateKey);
  }

  async authorization(): Promise<string> {
    return `Bearer ${await this.signer.sign()}`;
  }

  /** A refused application JWT is our misconfiguration, not an outage: a clear 502. */
  failure(err: unknown): Error {
    if (statusOf(err) === 401) {
      return new ProviderError(
        'Vonage refused the application JWT (VONAGE_APPLICATION_ID/PRIVATE_KEY)',
        'invalid_jwt',
      );
    }
    return providerFailure('Vonage', err);
  }
}

/** Vonage Network Enablement for the Number Verification scope. */
export class VonageNetworkEnablementAdapter extends NetworkEnablementPort {
  constructor(private readonly vonage: VonageClient) {
    super();
  }

  async enable(phoneNumber: string, state: string): Promise<{ authUrl: string }> {
    try {
      const { data } = await this.vonage.http.post<NetworkEnablementResponse>(
        '/v0.1/network-enablement',
        { phone_number: phoneNumber, scopes: [NUMBER_VERIFICATION_SCOPE], state },
        { headers: { Authorization: await this.vonage.authorization() } },
      );
      const scope = data?.scopes?.[NUMBER_VERIFICATION_SCOPE];
      // Vonage answers per scope: an error there is about this number (its network does not
      // offer Number Verification), not an outage.
      if (scope?.error)
        throw new NumberNotSupportedError(
          'The mobile network of this number does not offer Number Verification.',
        );
      return { authUrl: requireString(scope, ['auth_url'], 'Vonage') };
    } catch (err) {
      if (err instanceof NumberNotSupportedError) throw err;
      throw this.vonage.failure(err);
    }
  }
}

/** CAMARA Number Verification v0.3.1 through Vonage. */
export class VonageNumberVerificationAdapter extends NumberVerificationPort {
  constructor(private readonly vonage: VonageClient) {
    super();
  }

  async exchangeCode(code: string): Promise<{ accessToken: string }> {
    try {
      const { data } = await this.vonage.http.post<CamaraTokenResponse>(
        '/oauth2/token',
        new URLSearchParams({
          code,
          redirect_uri: this.vonage.settings.redirectUri,
          grant_type: 'authorization_code',
        }).toString(),
        {
          headers: {
            Authorization: await this.vonage.authorization(),
            'Content-Type': 'application/x-www-form-urlencoded',
          },
        },
      );
      return { accessToken: requireString(data, ['access_token'], 'Vonage') };
    } catch (err) {
      if (statusOf(err) === 400)
        throw new ProviderError('Vonage refused the authorization code', 'invalid_grant');
      throw this.vonage.failure(err);
    }
  }

  async verify(accessToken: string, phoneNumber: string): Promise<boolean> {
    try {
      const { data } = await this.vonage.http.post<CamaraVerifyResponse>(
        '/camara/number-verification/v031/verify',
        { phoneNumber },
        // A question about the device, asked again: the same answer.
        { headers: { Authorization: `Bearer ${accessToken}` }, idempotent: true },
      );
      if (typeof data?.devicePhoneNumberVerified !== 'boolean') {
        throw new ProviderError(
          'Vonage answered without devicePhoneNumberVerified',
          'malformed_answer',
        );
      }
      return data.devicePhoneNumberVerified;
    } catch (err) {
      const status = statusOf(err);
      if (status === 403)
        throw new ProviderError(
          'The network could not authenticate the device',
          'not_authenticated_by_network',
        );
      if (status === 401)
        throw new ProviderError('Vonage refused the access token', 'invalid_token');
      throw providerFailure('Vonage', err);
    }
  }
}
