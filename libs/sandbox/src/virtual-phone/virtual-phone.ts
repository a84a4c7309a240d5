import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the virtual phone offers to pick, with what each does in the sandbox: `effect` in English,
 * `key` naming it in the pages' catalogs (phoneScript.effect.<key>), which the page says.
 */
const TEST_NUMBERS = [
  { number: '+447700900001', key: 'ordinary', effect: 'an ordinary phone: its own checks match' },
  {
    number: '+447700900002',
    key: 'attacker',
    effect: 'another ordinary phone (play the attacker with it)',
  },
  {
    number: '+447700904000',
    key: 'unsupported',
    effect: 'network not supported by PhoneCheck (422)',
  },
  {
    number: '+447700905000',
    key: 'createError',
    effect: 'provider error when the check is created (503)',
  },
  {
    number: '+447700905030',
    key: 'exchangeUnavailable',
    effect: 'provider unavailable at the code exchange (503, retry)',
  },
  { number: '+447700904080', key: 'slow', effect: 'slow provider (times out: 503)' },
];

/**
 * The virtual phone: a web page that plays a registered phone (registers its SIM, receives the
 * login push, approves or denies). The api serves it on its own origin, at /phone, while a
 * sandbox serves; the page talks to the api there and to the sandbox's network imitation.
 */
interface VirtualPhonePage {
  /** The page (/phone). */
  html: string;
  /** Its script (an ES module on the SDK's bundle), which the page loads from /assets/phone.js. */
  script: string;
}

/** Reads the page and its script (copied beside the compiled code by nest-cli.json's assets). */
export function readVirtualPhonePage(): VirtualPhonePage {
  const read = (name: string) => readFileSync(join(__dirname, 'static', name), 'utf8');
  return { html: read('phone.html'), script: read('phone.js') };
}

/** The settings the page reads from /phone/config.json: where the sandbox is, what to try. */
export function virtualPhoneConfig(sandboxUrl: string) {
  return { sandbox_url: sandboxUrl, test_numbers: TEST_NUMBERS };
}
