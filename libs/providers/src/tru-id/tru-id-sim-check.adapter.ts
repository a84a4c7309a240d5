import { NumberNotSupportedError, ProviderError } from '../provider.errors';
import { providerFailure, statusOf } from '../provider-http';
import { SimSwapPort, SimSwapResult } from '../sim-swap.port';
import { TruIdClient } from './tru-id.client';

interface TruIdSimCheck {
  check_id: string;
  status: 'COMPLETED' | 'ERROR';
  no_sim_change?: boolean;
  no_sim_change_period?: number;
  sim_change_within?: number;
  error_code?: string;
}

/** tru.ID SIMCheck v0.1: a synchronous check of whether the SIM changed within `period` minutes. */
export class TruIdSimCheckAdapter extends SimSwapPort {
  constructor(private readonly truId: TruIdClient) {
    super();
  }

  async check(phoneNumber: string, maxAgeHours: number): Promise<SimSwapResult> {
    let data: TruIdSimCheck;
    try {
      ({ data } = await this.truId.request<TruIdSimCheck>('sim_check', {
        method: 'POST',
        url: '/sim_check/v0.1/checks',
        // The period is in minutes, at least 60.
        data: { phone_number: phoneNumber, period: Math.max(60, Math.round(maxAgeHours * 60)) },
      }));
    } catch (err) {
      // 400 (e.g. country or network not supported) and 412 (not a mobile number): no answer for it.
      const status = statusOf(err);
      if (status === 400 || status === 412)
        throw new NumberNotSupportedError('tru.ID cannot check this number for a SIM change.');
      throw providerFailure('tru.ID', err);
    }
    if (data?.status === 'ERROR')
      throw new ProviderError(
        `tru.ID SIMCheck failed (${data.error_code ?? 'error'})`,
        'sim_check_error',
      );
    if (data?.status !== 'COMPLETED' || typeof data.no_sim_change !== 'boolean')
      throw new ProviderError(
        'tru.ID answered the SIMCheck without no_sim_change',
        'malformed_answer',
      );
    return {
      swapped: !data.no_sim_change,
      provider: 'tru.ID',
      answer: {
        check_id: data.check_id,
        no_sim_change: data.no_sim_change,
        ...(data.no_sim_change_period !== undefined
          ? { no_sim_change_period: data.no_sim_change_period }
          : {}),
        ...(data.sim_change_within !== undefined
          ? { sim_change_within: data.sim_change_within }
          : {}),
      },
    };
  }
}
