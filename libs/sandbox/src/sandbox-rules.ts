/**
 * Outcomes the sandbox decides like a mobile network would, plus reserved test numbers that make
 * every other outcome reachable. docs/guide/sandbox.md lists the same rules.
 */
type CreateRule = 'not-supported' | 'server-error' | 'slow' | 'expire-at-once' | 'normal';

/** Rule of a PhoneCheck create, by the number's last four digits. */
export function createRule(phoneNumber: string): CreateRule {
  switch (phoneNumber.slice(-4)) {
    case '4000':
    case '4020':
      return 'not-supported';
    case '5000':
    case '5100':
    case '5200':
      return 'server-error';
    case '4080':
      return 'slow';
    case '4100':
      return 'expire-at-once';
    default:
      return 'normal';
  }
}

/**
 * Vonage Network Enablement refuses the scope for a number ending in 4000 (its network does not
 * offer it), with a per-scope error in a 200 answer, as Vonage reports per scope.
 */
export function networkEnablementRefused(phoneNumber: string): boolean {
  return phoneNumber.endsWith('4000');
}

/**
 * How many hours ago the SIM behind a number changed: 2 hours ago for a number ending in 7000,
 * and for the endings that also make SIM-swap providers fail (7100, 7300, 7400, 7600, 7700,
 * 7800), so the next provider of SIM_SWAP_PROVIDERS finds the swap.
 */
export function hoursSinceSimSwap(phoneNumber: string): number | undefined {
  return ['7000', '7100', '7300', '7400', '7600', '7700', '7800'].includes(phoneNumber.slice(-4))
    ? 2
    : undefined;
}

type SimSwapProvider = 'truid' | 'vonage' | 'twilio';
type SimSwapRule = 'not-supported' | 'server-error';

/** The SIM-swap endings, and what each provider does for them (the rest answer normally). */
const SIM_SWAP_RULES: Record<string, Partial<Record<SimSwapProvider, SimSwapRule>>> = {
  '7100': { truid: 'server-error' }, // swapped
  '7200': { truid: 'server-error' }, // not swapped
  '7300': { truid: 'not-supported' }, // swapped
  '7400': { vonage: 'not-supported' }, // swapped
  '7500': { truid: 'server-error', vonage: 'server-error', twilio: 'server-error' },
  '7600': { vonage: 'server-error' }, // swapped
  '7700': { truid: 'server-error', vonage: 'server-error' }, // swapped: Twilio answers
  '7800': { twilio: 'not-supported' }, // swapped
};

/**
 * Rule of a SIM-swap check at `provider` (tru.ID SIMCheck, Vonage CAMARA SIM Swap, Twilio Lookup
 * SIM Swap), by the number's last four digits. They compose: 7500 fails at every provider (500,
 * Twilio 503); 7100 (swapped) and 7200 (not swapped) are tru.ID down alone, 7600 Vonage down
 * alone, 7700 tru.ID and Vonage down; 7300 is a number tru.ID cannot check, 7400 one Vonage
 * cannot, 7800 one Twilio has no data for. PhoneCheck serves them all as usual.
 */
export function simSwapRule(
  provider: SimSwapProvider,
  phoneNumber: string,
): SimSwapRule | 'normal' {
  return SIM_SWAP_RULES[phoneNumber.slice(-4)]?.[provider] ?? 'normal';
}

/** The code exchange (PATCH) of a check for a number ending in 5030 answers 503. */
export function codeExchangeUnavailable(phoneNumber: string): boolean {
  return phoneNumber.endsWith('5030');
}

type CoverageRule =
  'supported' | 'not-mobile' | 'mno-not-supported' | 'sim-check-only' | 'renamed-product';

/**
 * Coverage by device IP: the documentation range 192.0.2.0/24 (TEST-NET-1) is a Wi-Fi network,
 * 198.51.100.0/24 (TEST-NET-2) a mobile network tru.ID does not reach. In 203.0.113.0/24
 * (TEST-NET-3), .250 is a network that offers SIMCheck but not PhoneCheck, and .251 one whose
 * PhoneCheck product has another display name (products are known by product_id). Any other IP
 * is covered.
 */
export function coverageRule(ip: string): CoverageRule {
  const v4 = ip.replace(/^::ffff:/, '');
  if (v4.startsWith('192.0.2.')) return 'not-mobile';
  if (v4.startsWith('198.51.100.')) return 'mno-not-supported';
  if (v4 === '203.0.113.250') return 'sim-check-only';
  if (v4 === '203.0.113.251') return 'renamed-product';
  return 'supported';
}

type VirtualOperatorOutcome = 'verified' | 'not-verified' | 'error';

/** Vonage's published Virtual Operator rules for +990 numbers; undefined for other numbers. */
export function virtualOperatorOutcome(phoneNumber: string): VirtualOperatorOutcome | undefined {
  if (!phoneNumber.startsWith('+990')) return undefined;
  if (phoneNumber.endsWith('99')) return 'error';
  return Number(phoneNumber.at(-1)) % 2 === 0 ? 'verified' : 'not-verified';
}

/** FCM answers INVALID_ARGUMENT ("not a valid FCM registration token") for this device token. */
export const INVALID_PUSH_TOKEN = 'sandbox-invalid';

/** FCM answers UNREGISTERED for this device token. */
export const DEAD_PUSH_TOKEN = 'sandbox-dead';

/**
 * Rule of a Vonage silent authentication, by the number's last four digits. They compose with
 * tru.ID's: 5000 is tru.ID down alone (Vonage answers), 5100 tru.ID and Vonage down; 4000 is
 * tru.ID not supported alone, 4010 Vonage not supported alone, 4020 neither supports it.
 */
export function silentAuthRule(phoneNumber: string): 'not-supported' | 'server-error' | 'normal' {
  switch (phoneNumber.slice(-4)) {
    case '4010':
    case '4020':
      return 'not-supported';
    case '5100':
    case '5200':
      return 'server-error';
    default:
      return 'normal';
  }
}

/**
 * Twilio Verify SNA: 5200 is an outage (with 5000 at tru.ID and 5100 at Vonage, all three are
 * down); 4030 is a carrier without SNA (400, code 60500-range at the start); 4040 a number the
 * carrier calls invalid (60540: no failover).
 */
export function snaRule(
  phoneNumber: string,
): 'not-supported' | 'invalid' | 'server-error' | 'normal' {
  switch (phoneNumber.slice(-4)) {
    case '4030':
      return 'not-supported';
    case '4040':
      return 'invalid';
    case '5200':
      return 'server-error';
    default:
      return 'normal';
  }
}
