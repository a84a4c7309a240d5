import { AuthenticatorPort, ProviderChallengeStatus, ProviderFactor } from '../authenticator.port';
import { ProviderError } from '../provider.errors';
import { providerFailure, requireString, statusOf } from '../provider-http';
import { TruIdClient } from './tru-id.client';

const JSON_PATCH = { 'Content-Type': 'application/json-patch+json' };
const CHALLENGE_STATUSES = new Set(['PENDING', 'VERIFIED', 'FAILED', 'EXPIRED']);
const FACTOR_STATUSES = new Set(['PENDING', 'ACTIVE', 'INACTIVE']);

/**
 * A 4xx other than our own credentials (401, 403) and throttling (429): tru.ID did not accept the
 * code for this factor or challenge. The caller answers "wrong code", never 502.
 */
function isCodeRefused(err: unknown): boolean {
  const status = statusOf(err);
  return status !== undefined && status >= 400 && status < 500 && ![401, 403, 429].includes(status);
}

/** tru.ID Authenticator v0.1 (scope name unconfirmed in tru.ID's spec; `authenticator` here). */
export class TruIdAuthenticatorAdapter extends AuthenticatorPort {
  constructor(private readonly truId: TruIdClient) {
    super();
  }

  async createFactor(phoneNumber: string, externalUserId: string): Promise<ProviderFactor> {
    try {
      const { data } = await this.truId.request('authenticator', {
        method: 'POST',
        url: '/authenticator/v0.1/factors',
        data: { phone_number: phoneNumber, external_user_id: externalUserId },
      });
      return {
        factorId: requireString(data, ['factor_id'], 'tru.ID'),
        otpauthUrl: requireString(data, ['url'], 'tru.ID'),
        qrDataUrl: requireString(data, ['data_url'], 'tru.ID'),
      };
    } catch (err) {
      throw providerFailure('tru.ID', err);
    }
  }

  /** true only when tru.ID's answer says the factor is now ACTIVE (not on any 200). */
  async activateFactor(factorId: string, code: string): Promise<boolean> {
    try {
      const { data } = await this.truId.request<{ status?: string }>('authenticator', {
        method: 'PATCH',
        url: `/authenticator/v0.1/factors/${encodeURIComponent(factorId)}`,
        data: [{ op: 'add', path: '/code', value: code }],
        headers: JSON_PATCH,
      });
      if (!FACTOR_STATUSES.has(data?.status as string))
        throw new ProviderError('tru.ID answered an unknown factor status', 'malformed_answer');
      return data.status === 'ACTIVE';
    } catch (err) {
      if (isCodeRefused(err)) return false;
      throw providerFailure('tru.ID', err);
    }
  }

  async createChallenge(factorId: string, referenceId: string): Promise<{ challengeId: string }> {
    try {
      const { data } = await this.truId.request('authenticator', {
        method: 'POST',
        url: `/authenticator/v0.1/factors/${encodeURIComponent(factorId)}/challenges`,
        data: { reference_id: referenceId },
      });
      return { challengeId: requireString(data, ['challenge_id'], 'tru.ID') };
    } catch (err) {
      throw providerFailure('tru.ID', err);
    }
  }

  async verifyChallenge(
    factorId: string,
    challengeId: string,
    code: string,
  ): Promise<ProviderChallengeStatus> {
    try {
      const { data } = await this.truId.request<{ status: string }>('authenticator', {
        method: 'PATCH',
        url: `/authenticator/v0.1/factors/${encodeURIComponent(factorId)}/challenges/${encodeURIComponent(challengeId)}`,
        data: [{ op: 'add', path: '/code', value: code }],
        headers: JSON_PATCH,
      });
      if (!CHALLENGE_STATUSES.has(data?.status))
        throw new ProviderError('tru.ID answered an unknown challenge status', 'malformed_answer');
      return data.status as ProviderChallengeStatus;
    } catch (err) {
      // tru.ID refusing the code (or the challenge it was for) is a failed challenge, not an outage.
      if (isCodeRefused(err)) return 'FAILED';
      throw providerFailure('tru.ID', err);
    }
  }
}
