import { AxiosInstance } from 'axios';
import {
  ProviderHttpSettings,
  providerFailure,
  providerHttpClient,
  statusOf,
} from '../provider-http';
import { NumberNotSupportedError, ProviderError } from '../provider.errors';
import { SimSwapPort, SimSwapResult } from '../sim-swap.port';
import { TwilioCredentials, twilioAuthorization } from './twilio-auth';

type TwilioLookupSettings = ProviderHttpSettings & TwilioCredentials;

/** Lookup v2's `sim_swap` field (twilio-oai `SimSwapInfo`); null where Twilio has no data. */
interface TwilioSimSwapInfo {
  last_sim_swap?: {
    last_sim_swap_date?: string | null;
    /** ISO 8601 duration (`PT48H`): the period Twilio set for the account and country. */
    swapped_period?: string | null;
    swapped_in_period?: boolean | null;
  } | null;
  carrier_name?: string | null;
  mobile_country_code?: string | null;
  mobile_network_code?: string | null;
  error_code?: number | null;
}

/** An ISO 8601 duration of days and hours (`PT48H`, `P3D`, `P1DT12H`) in hours; undefined otherwise. */
export function periodHours(period: string | null | undefined): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(period ?? '');
  if (!m || period === 'P' || period?.endsWith('T')) return undefined;
  const [, d = '0', h = '0', min = '0', sec = '0'] = m;
  return Number(d) * 24 + Number(h) + Number(min) / 60 + Number(sec) / 3600;
}

/**
 * Twilio Lookup v2 SIM Swap, as its OpenAPI (twilio-oai `twilio_lookups_v2.json`) and
 * `twilio-node` call it: `GET /v2/PhoneNumbers/{number}?Fields=sim_swap`, Basic auth with the
 * account SID and auth token. The answer's `sim_swap.last_sim_swap` gives the date of the last
 * change where the carrier tells it (then SIM_SWAP_MAX_AGE_HOURS decides), else only whether it
 * changed within `swapped_period`, the period Twilio configured for the account: "not within" counts
 * as no swap only when that period covers SIM_SWAP_MAX_AGE_HOURS, else as "not supported". No data for the
 * number (an unsupported country or carrier: null values, or an `error_code` such as 60620, "do
 * not retry, fall back to another check") is "not supported", so the next provider answers.
 */
export class TwilioLookupSimSwapAdapter extends SimSwapPort {
  private readonly http: AxiosInstance;
  private readonly authorization: string;

  constructor(
    settings: TwilioLookupSettings,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.http = providerHttpClient(settings, 'twilio-lookup', {
      provider: 'twilio',
      feature: 'sim_swap',
    });
    this.authorization = twilioAuthorization(settings);
  }

  async check(phoneNumber: string, maxAgeHours: number): Promise<SimSwapResult> {
    let info: TwilioSimSwapInfo | null | undefined;
    try {
      const { data } = await this.http.get<{ sim_swap?: TwilioSimSwapInfo | null }>(
        `/v2/PhoneNumbers/${encodeURIComponent(phoneNumber)}`,
        { params: { Fields: 'sim_swap' }, headers: { Authorization: this.authorization } },
      );
      info = data?.sim_swap;
    } catch (err) {
      const status = statusOf(err);
      if (status === 401 || status === 403)
        throw new ProviderError(
          'Twilio refused the credentials (TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN)',
          'twilio_auth',
        );
      // 404: Lookup knows no such number.
      if (status === 404)
        throw new NumberNotSupportedError('Twilio Lookup cannot check this number for a SIM swap.');
      throw providerFailure('Twilio', err);
    }
    const last = info?.last_sim_swap;
    if (!info || typeof info.error_code === 'number' || !last)
      throw new NumberNotSupportedError(
        `Twilio Lookup has no SIM-swap data for this number${typeof info?.error_code === 'number' ? ` (${info.error_code})` : ''}.`,
      );
    const date = last.last_sim_swap_date ? Date.parse(last.last_sim_swap_date) : NaN;
    let swapped: boolean;
    if (!Number.isNaN(date)) swapped = this.now() - date <= maxAgeHours * 3_600_000;
    else if (typeof last.swapped_in_period !== 'boolean')
      throw new ProviderError(
        'Twilio answered the SIM Swap lookup without last_sim_swap_date or swapped_in_period',
        'malformed_answer',
      );
    else if (last.swapped_in_period) swapped = true;
    // "Not within the period" says nothing of the hours beyond it: when Twilio's period is
    // shorter than SIM_SWAP_MAX_AGE_HOURS, a swap in between would pass as none, so the next
    // provider (or SIM_SWAP_ON_PROVIDER_ERROR) decides.
    else if ((periodHours(last.swapped_period) ?? 0) < maxAgeHours)
      throw new NumberNotSupportedError(
        `Twilio's SIM-swap period (${last.swapped_period ?? 'none'}) is shorter than SIM_SWAP_MAX_AGE_HOURS (${maxAgeHours}), and the carrier gives no date.`,
      );
    else swapped = false;
    return {
      swapped,
      provider: 'Twilio',
      answer: {
        ...(Number.isNaN(date) ? {} : { last_sim_swap_date: last.last_sim_swap_date }),
        ...(last.swapped_period ? { swapped_period: last.swapped_period } : {}),
        ...(typeof last.swapped_in_period === 'boolean'
          ? { swapped_in_period: last.swapped_in_period }
          : {}),
        ...(info.carrier_name ? { carrier_name: info.carrier_name } : {}),
      },
    };
  }
}
