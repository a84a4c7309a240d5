import { randomInt } from 'node:crypto';

/**
 * What a phone does with the URLs simauth hands it: opens them over "mobile data" (the sandbox
 * reads the SIM from X-Sandbox-Sim; no SIM = Wi-Fi) and follows the redirects to the end.
 */
export async function openOnDevice(
  url: string,
  sim?: string,
): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(url, {
    headers: sim ? { 'X-Sandbox-Sim': sim } : {},
    redirect: 'follow',
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** A phone number no other test uses (random, never a reserved sandbox ending). */
export function uniquePhoneNumber(prefix = '+447'): string {
  const number = `${prefix}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
  return /(4000|5000|5030|4080|4100|7000|7500)$/.test(number) ? uniquePhoneNumber(prefix) : number;
}

/** A UK mobile number no other test uses, ending in `suffix` (a reserved sandbox ending). */
export function phoneNumberEnding(suffix: string): string {
  return `+4477${String(randomInt(0, 10 ** (8 - suffix.length))).padStart(8 - suffix.length, '0')}${suffix}`;
}
