import { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios';
import { AccessTokenCache, Clock, SystemClock } from '@simauth/credentials';
import { ProviderError } from '../provider.errors';
import {
  ProviderHttpSettings,
  providerFailure,
  providerHttpClient,
  statusOf,
} from '../provider-http';
import { TruIdScope, TruIdTokenResponse } from './tru-id.types';

interface TruIdSettings extends ProviderHttpSettings {
  clientId: string;
  clientSecret: string;
}

/**
 * HTTP access to one tru.ID project: attaches a cached access token of the right scope, and when
 * tru.ID answers 401 (token revoked early) drops it and retries once with a fresh one.
 */
export class TruIdClient {
  readonly http: AxiosInstance;
  private readonly tokens: AccessTokenCache;

  constructor(
    private readonly settings: TruIdSettings,
    clock: Clock = new SystemClock(),
  ) {
    this.http = providerHttpClient(settings, 'truid', {
      provider: 'truid',
      feature: 'sim_proof,sim_swap,coverage,authenticator',
    });
    this.tokens = new AccessTokenCache((scope) => this.fetchToken(scope), clock);
  }

  async request<T>(scope: TruIdScope, config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    const token = await this.tokens.get(scope);
    try {
      return await this.http.request<T>(this.withToken(config, token));
    } catch (err) {
      if (statusOf(err) !== 401) throw err;
      this.tokens.invalidate(scope, token);
      return this.http.request<T>(this.withToken(config, await this.tokens.get(scope)));
    }
  }

  private withToken(config: AxiosRequestConfig, token: string): AxiosRequestConfig {
    return { ...config, headers: { ...config.headers, Authorization: `Bearer ${token}` } };
  }

  private async fetchToken(scope: string) {
    try {
      const { data } = await this.http.post<TruIdTokenResponse>(
        '/oauth2/v1/token',
        new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
        {
          auth: { username: this.settings.clientId, password: this.settings.clientSecret },
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          idempotent: true,
        },
      );
      if (typeof data?.access_token !== 'string' || typeof data.expires_in !== 'number') {
        throw new ProviderError(
          'tru.ID answered the token request without a token',
          'malformed_answer',
        );
      }
      return { accessToken: data.access_token, expiresInSeconds: data.expires_in };
    } catch (err) {
      if (statusOf(err) === 401) {
        throw new ProviderError(
          'tru.ID refused the client credentials (TRUID_CLIENT_ID/SECRET)',
          'invalid_client',
        );
      }
      throw providerFailure('tru.ID', err);
    }
  }
}
