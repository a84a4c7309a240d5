import { AppConfig } from '@simauth/config';
import { PhoneNumberPolicy } from '@simauth/http';

/**
 * The phone numbers this deployment accepts: those a phone can have, plus the sandbox's test
 * numbers exactly while the sandbox serves the providers (started here, `sandbox.url`, or shared,
 * `sandbox.sharedUrl`). A deployment on real providers refuses them: a PhoneCheck of a number
 * nobody can have is paid for and proves nothing.
 */
export function phoneNumberPolicy(config: AppConfig): PhoneNumberPolicy {
  return { sandboxTestNumbers: Boolean(config.sandbox.url || config.sandbox.sharedUrl) };
}
