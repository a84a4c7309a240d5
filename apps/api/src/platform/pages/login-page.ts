import { AppConfig } from '@simauth/config';
import { phoneNumberPolicy } from '../phone-numbers/phone-number-policy';
import { PAGE_CATALOGS, PAGE_LANGUAGES, PageLanguage, pageTranslator } from './page-i18n';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** What sits between these markers in login.html is developer text, for sandbox mode only. */
const SANDBOX_ONLY = /[ \t]*<!-- sandbox-only -->[\s\S]*?<!-- \/sandbox-only -->\n?/g;
const SANDBOX_MARKERS = /[ \t]*<!-- \/?sandbox-only -->\n/g;

/**
 * The login page in each of its languages, rendered once from login.html: each `{{key}}` is the
 * catalog's message (HTML-escaped), `<html lang dir>` the language's, and the messages
 * the script says (statuses, refusals, outcomes) a JSON data block it reads, never executed (the
 * page's policy allows no inline script). The region whose national format the number field
 * takes (DEFAULT_REGION) is on `<html>`; the developer text (the login id, the "try it from
 * another phone" hint) stays only while the sandbox serves the providers, the same test as the
 * sandbox's numbers (phoneNumberPolicy): a configured deployment's page has none of it.
 */
export function renderLoginPages(
  template: string,
  config: AppConfig,
): Record<PageLanguage, string> {
  const sandbox = phoneNumberPolicy(config).sandboxTestNumbers;
  const base = template.replace(sandbox ? SANDBOX_MARKERS : SANDBOX_ONLY, '');
  const region = config.pages.defaultRegion;
  const translator = pageTranslator();
  const pages = {} as Record<PageLanguage, string>;
  for (const lng of PAGE_LANGUAGES) {
    const t = translator.getFixedT(lng);
    // In a <script> data block, `<` is written \u003c so no message can close it.
    const messages = JSON.stringify({ lng, script: PAGE_CATALOGS[lng].script }).replace(
      /</g,
      '\\u003c',
    );
    let html = base.replace(/\{\{([a-zA-Z.]+)\}\}/g, (_, key: string) => {
      if (key === 'lang') return lng;
      if (key === 'dir') return translator.dir(lng);
      if (key === 'messages') return messages;
      return escapeHtml(t(key));
    });
    if (region) html = html.replace('<html ', `<html data-default-region="${region}" `);
    pages[lng] = html;
  }
  return pages;
}
