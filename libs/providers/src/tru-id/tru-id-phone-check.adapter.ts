import { CheckNotFoundError, NumberNotSupportedError } from '../provider.errors';
import { providerFailure, requireString, statusOf } from '../provider-http';
import { CreatedPhoneCheck, PhoneCheckPort, PhoneCheckResult } from '../phone-check.port';
import { TruIdClient } from './tru-id.client';
import { TruIdPhoneCheck } from './tru-id.types';

const STATUSES = new Set(['ACCEPTED', 'PENDING', 'COMPLETED', 'EXPIRED', 'ERROR']);

/** tru.ID PhoneCheck v0.2. */
export class TruIdPhoneCheckAdapter extends PhoneCheckPort {
  constructor(private readonly truId: TruIdClient) {
    super();
  }

  async createCheck(phoneNumber: string, referenceId?: string): Promise<CreatedPhoneCheck> {
    try {
      const { data } = await this.truId.request<TruIdPhoneCheck>('phone_check', {
        method: 'POST',
        url: '/phone_check/v0.2/checks',
        data: { phone_number: phoneNumber, ...(referenceId ? { reference_id: referenceId } : {}) },
      });
      return {
        checkId: requireString(data, ['check_id'], 'tru.ID'),
        checkUrl: requireString(data, ['_links', 'check_url', 'href'], 'tru.ID'),
        ttlSeconds: typeof data.ttl === 'number' ? data.ttl : 120,
      };
    } catch (err) {
      // 400: number format or country not supported; 412: the number's network cannot be reached.
      const status = statusOf(err);
      if (status === 400 || status === 412) {
        throw new NumberNotSupportedError('This phone number cannot be verified with a SIM check.');
      }
      throw providerFailure('tru.ID', err);
    }
  }

  async exchangeCode(checkId: string, code: string): Promise<PhoneCheckResult> {
    try {
      const { data } = await this.truId.request<TruIdPhoneCheck>('phone_check', {
        method: 'PATCH',
        url: `/phone_check/v0.2/checks/${encodeURIComponent(checkId)}`,
        data: [{ op: 'add', path: '/code', value: code }],
        headers: { 'Content-Type': 'application/json-patch+json' },
        // The same code again gets the same answer: the check completes once.
        idempotent: true,
      });
      if (!STATUSES.has(data?.status)) throw new Error('unknown status');
      return {
        checkId: requireString(data, ['check_id'], 'tru.ID'),
        status: data.status,
        match: data.status === 'COMPLETED' && data.match === true,
        ...(data.error_code ? { errorCode: data.error_code } : {}),
      };
    } catch (err) {
      if (statusOf(err) === 404) {
        throw new CheckNotFoundError();
      }
      throw providerFailure('tru.ID', err);
    }
  }
}
