import { CoveragePort, DeviceCoverage } from '../coverage.port';
import { providerFailure, statusOf } from '../provider-http';
import { TruIdClient } from './tru-id.client';
import { TruIdDeviceReachability } from './tru-id.types';

/** tru.ID coverage by device IP. */
export class TruIdCoverageAdapter extends CoveragePort {
  constructor(private readonly truId: TruIdClient) {
    super();
  }

  async deviceCoverage(ip: string): Promise<DeviceCoverage> {
    try {
      const { data } = await this.truId.request<TruIdDeviceReachability>('coverage', {
        method: 'GET',
        url: `/coverage/v0.1/device_ips/${encodeURIComponent(ip)}`,
      });
      // By product_id (PCK): the display name is for people and may change.
      const phoneCheck = (data?.products ?? []).some((p) => p.product_id === 'PCK');
      return {
        phoneCheckSupported: phoneCheck,
        ...(data?.network_name ? { networkName: data.network_name } : {}),
      };
    } catch (err) {
      // 412: not a mobile IP (e.g. Wi-Fi); 400: a mobile network tru.ID does not reach.
      const status = statusOf(err);
      if (status === 412 || status === 400) return { phoneCheckSupported: false };
      throw providerFailure('tru.ID', err);
    }
  }
}
