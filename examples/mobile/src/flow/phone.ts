import { SimauthPhone, SimauthProblem } from '@simauth/client';
import { SIMAUTH_URL } from '../config';
import { credentialStorage } from '../platform/credential-storage';
import { mobileData } from '../platform/mobile-data';
import { CodePrompts } from './code-prompts';

/** The screens answer the SDK's questions for codes through this. */
export const codePrompts = new CodePrompts();

/** The app's one simauth client: platform-neutral, its platform parts injected. */
export const phone = new SimauthPhone({
  baseUrl: SIMAUTH_URL,
  storage: credentialStorage,
  openCheckUrl: (url) => mobileData.openCheckUrl(url),
  onSmsCode: () => codePrompts.ask('sms'),
  onFactorCode: () => codePrompts.ask('factor'),
});

/** The number this phone registered, kept beside the credential (only to show it). */
export const NUMBER_KEY = 'example.phone_number';

/** What to tell the person about a failure. */
export function describeError(err: unknown): string {
  if (err instanceof SimauthProblem) {
    if (err.type === 'urn:simauth:problem:check-failed')
      return 'Your SIM could not be checked over this network. Turn on mobile data and try again.';
    if (err.retryAfter) return `${err.detail ?? err.title} Try again in ${err.retryAfter}s.`;
    return err.detail ?? err.title;
  }
  return err instanceof Error ? err.message : String(err);
}

/** What a login's final status means for the person who answered on this phone. */
export function describeOutcome(status: string): { text: string; ok: boolean } {
  switch (status) {
    case 'MATCH_SUCCESS':
      return { text: 'Approved: you are signed in on the other screen.', ok: true };
    case 'DENIED':
      return { text: 'Refused: the sign-in was denied.', ok: false };
    case 'MATCH_FAILED':
      return { text: 'Refused: this SIM could not prove the number.', ok: false };
    case 'SIM_SWAP_DETECTED':
      return {
        text: 'Refused: the SIM in this phone changed recently. Contact support if it was you.',
        ok: false,
      };
    case 'EXPIRED':
      return { text: 'The request expired. Start the sign-in again.', ok: false };
    default:
      return { text: `Finished: ${status}.`, ok: false };
  }
}
