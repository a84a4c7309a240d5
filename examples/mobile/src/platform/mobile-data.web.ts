import type { CheckResult } from '@simauth/client';
import { tabStorage } from './sandbox';
import type { MobileData } from './types';

const SIM_KEY = 'sandbox.sim';

/**
 * SANDBOX ONLY. A browser has no mobile data: against simauth's sandbox, the request names the SIM
 * the pretend phone holds in the X-Sandbox-Sim header, and the sandbox answers as the mobile network
 * would (a match for its own number, no match for another, `not_mobile_ip` without the header).
 */
export const mobileData: MobileData = {
  async openCheckUrl(url: string): Promise<CheckResult> {
    const sim = tabStorage.get(SIM_KEY);
    const res = await fetch(url, { headers: sim ? { 'X-Sandbox-Sim': sim } : {} });
    // Twilio's SNA URL answers text (`ErrorCode=0&…`), not JSON: post {} and the server asks Twilio.
    if (!(res.headers.get('content-type') ?? '').includes('json')) return {};
    return (await res.json()) as CheckResult;
  },
  sandboxSim: {
    get: () => tabStorage.get(SIM_KEY),
    set: (sim) => tabStorage.set(SIM_KEY, sim),
  },
};
