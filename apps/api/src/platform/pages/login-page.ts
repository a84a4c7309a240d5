import { AppConfig } from '@simauth/config';
import { phoneNumberPolicy } from '../phone-numbers/phone-number-policy';

/** What sits between these markers in login.html is developer text, for sandbox mode only. */
const SANDBOX_ONLY = /[ \t]*<!-- sandbox-only -->[\s\S]*?<!-- \/sandbox-only -->\n?/g;

/**
 * The login page as this deployment serves it, from login.html: the region whose national format
 * its number field takes (DEFAULT_REGION) on `<html>`, and the developer text (the login id, the
 * "try it from another phone" hint) only while the sandbox serves the providers, the same test as
 * the sandbox's numbers (phoneNumberPolicy). A configured deployment's page has none of it.
 */
export function renderLoginPage(template: string, config: AppConfig): string {
  const sandbox = phoneNumberPolicy(config).sandboxTestNumbers;
  let html = sandbox
    ? template.replace(/[ \t]*<!-- \/?sandbox-only -->\n/g, '')
    : template.replace(SANDBOX_ONLY, '');
  const region = config.pages.defaultRegion;
  if (region)
    html = html.replace('<html lang="en"', `<html lang="en" data-default-region="${region}"`);
  return html;
}
