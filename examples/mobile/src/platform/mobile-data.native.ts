import TruSdkReactNative, { CheckResponse } from '@tru_id/tru-sdk-react-native';
import type { CheckResult } from '@simauth/client';
import type { MobileData } from './types';

/**
 * tru.ID's SDK makes the request over the cellular network even while Wi-Fi is on (Android binds
 * it to the mobile network; iOS sends it over the cellular interface), follows the redirects and
 * answers with the last response's body.
 */
export const mobileData: MobileData = {
  async openCheckUrl(url: string): Promise<CheckResult> {
    const res = await TruSdkReactNative.openWithDataCellular<CheckResponse>(url);
    if ('error' in res) return { error: res.error, error_description: res.error_description };
    const body = res.response_body;
    // A code, tru.ID's error, or a problem document (Vonage on Wi-Fi): the SDK reads each.
    if (body && ('code' in body || 'error' in body || 'type' in body)) return body as CheckResult;
    // A 200 with no code in JSON: Twilio's SNA URL answers text (`ErrorCode=0&…`). Post {} and the
    // server asks Twilio whether the SIM that opened it holds the number.
    if (res.http_status === 200) return {};
    return { error: 'unexpected_response', error_description: `HTTP ${res.http_status}` };
  },
  sandboxSim: null,
};
