import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a phone does with the URLs simauth hands it: opens them over "mobile data" (the sandbox
 * reads the SIM from X-Sandbox-Sim; no SIM = Wi-Fi) and follows the redirects to the end.
 */
export async function openOnDevice(
  url: string,
  sim?: string,
): Promise<{ status: number; body: Record<string, string>; text: string }> {
  const res = await fetch(url, {
    headers: sim ? { 'X-Sandbox-Sim': sim } : {},
    redirect: 'follow',
  });
  const text = await res.text();
  // Twilio's SNA URL answers text (`ErrorCode=0&…`), not JSON: the phone then posts `{}`.
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return {
    status: res.status,
    body: json ? (JSON.parse(text) as Record<string, string>) : {},
    text,
  };
}

/** A phone's `openCheckUrl` (as the client SDK takes it): the check URL opened by openOnDevice, its answer. */
export const overMobileData =
  (sim?: string) =>
  async (url: string): Promise<Record<string, string>> =>
    (await openOnDevice(url, sim)).body;

/** The endings that make the sandbox answer otherwise than a phone network would (see docs/guide/sandbox.md). */
const RESERVED_ENDING =
  /(4000|4010|4020|4030|4040|5000|5100|5200|5030|4080|4100|7000|7100|7200|7300|7400|7500|7600|7700|7800)$/;

/**
 * Claims `number` for this test: true when no other test of the run has (every worker claims in
 * the folder global-setup made, by creating an entry there: one wins). Without that folder (a
 * script outside jest), numbers are only drawn at random.
 */
function claim(number: string): boolean {
  const dir = process.env.SIMAUTH_TEST_NUMBERS_DIR;
  if (!dir) return true;
  try {
    mkdirSync(join(dir, number));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * A phone number no other test of this run uses, never a reserved sandbox ending: in the
 * sandbox's test block +447700901000–+447700999999 (07700 9xxxxx, which no phone can have, so
 * only an app served by the sandbox accepts it; +447700900xxx is left to the docs' examples,
 * which the per-phone limit spares), or with prefix '+990' a Vonage Virtual Operator number.
 * Unique within a run, whose database is new (global-setup): with a DATABASE_URL kept across
 * runs, a number may be one an earlier run registered.
 */
export function uniquePhoneNumber(prefix: '+44' | '+990' = '+44'): string {
  for (;;) {
    const number =
      prefix === '+990'
        ? `+990${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`
        : `+447700${randomInt(901_000, 1_000_000)}`;
    if (!RESERVED_ENDING.test(number) && claim(number)) return number;
  }
}

/**
 * A number no other test of this run uses that the full metadata finds valid (a UK mobile range),
 * for an app that refuses the sandbox's test numbers (test-app's hideSandbox, as with real
 * providers). The sandbox still serves it: no real network is ever asked.
 */
export function realPhoneNumber(): string {
  for (;;) {
    const number = `+447400${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    if (!RESERVED_ENDING.test(number) && claim(number)) return number;
  }
}

/**
 * A number of the sandbox's test block no other test of this run uses, ending in `suffix` (a
 * reserved sandbox ending, four digits): +4477009d<suffix> with d from 1 to 9, nine per ending in
 * a run (d = 0 gives the numbers the README and the virtual phone name, +447700904000 …).
 */
export function phoneNumberEnding(suffix: string): string {
  const first = randomInt(0, 9);
  for (let i = 0; i < 9; i++) {
    const number = `+4477009${1 + ((first + i) % 9)}${suffix}`;
    if (claim(number)) return number;
  }
  throw new Error(`every test number ending in ${suffix} is used in this run`);
}
