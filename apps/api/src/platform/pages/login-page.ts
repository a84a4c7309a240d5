import { AppConfig } from '@simauth/config';
import { phoneNumberPolicy } from '../phone-numbers/phone-number-policy';
import { PageLanguage, pageTranslator, renderInEveryLanguage } from './page-i18n';
import { escapeHtml } from './html';

/** What sits between these markers in login.html is developer text, for sandbox mode only. */
const SANDBOX_ONLY = /[ \t]*<!-- sandbox-only -->[\s\S]*?<!-- \/sandbox-only -->\n?/g;
const SANDBOX_MARKERS = /[ \t]*<!-- \/?sandbox-only -->\n/g;
/** A part of the template between `<!-- name -->` and `<!-- /name -->`, kept or dropped. */
const part = (html: string, name: string, keep: boolean) =>
  html.replace(
    new RegExp(`[ \\t]*<!-- ${name} -->([\\s\\S]*?)<!-- /${name} -->\\n?`, 'g'),
    keep ? '$1' : '',
  );

/**
 * The login page in each of its languages, rendered once from login.html (renderInEveryLanguage:
 * the messages the script says, statuses, refusals, outcomes and their next steps, are its JSON
 * data block; BRAND_NAME is the `{{brand}}` of any message). The region whose national format the
 * number field takes (DEFAULT_REGION) is on `<html>`; the developer text (the login id, the "try it from
 * another phone" hint) stays only while the sandbox serves the providers, the same test as the
 * sandbox's numbers (phoneNumberPolicy): a configured deployment's page has none of it.
 */
export function renderLoginPages(
  template: string,
  config: AppConfig,
): (lng: PageLanguage, client?: string) => string {
  const sandbox = phoneNumberPolicy(config).sandboxTestNumbers;
  const { brand, defaultRegion: region } = config.pages;
  let base = template.replace(sandbox ? SANDBOX_MARKERS : SANDBOX_ONLY, '');
  base = part(base, 'support', !!brand.supportUrl);
  base = part(base, 'privacy', !!brand.privacyUrl);
  base = part(base, 'links', !!(brand.supportUrl || brand.privacyUrl));
  const fixed: Record<string, string> = {
    brand: escapeHtml(brand.name),
    brandInitial: escapeHtml(Array.from(brand.name.trim())[0] ?? 'S'),
    supportUrl: escapeHtml(brand.supportUrl ?? ''),
    privacyUrl: escapeHtml(brand.privacyUrl ?? ''),
    // Said per request (see below): which app, if any, the person signs in to.
    heading: '{{heading}}',
    clientNote: '{{clientNote}}',
  };
  if (region) base = base.replace('<html ', `<html data-default-region="${region}" `);
  const pages = renderInEveryLanguage(base, {
    script: 'script',
    values: { brand: brand.name },
    own: (key) => (Object.hasOwn(fixed, key) ? fixed[key] : undefined),
  });
  // Each page cut at its two placeholders once: [text, name, text, name, …, text].
  const pieces = new Map(
    Object.entries(pages).map(([lng, html]) => [lng, html.split(/\{\{(heading|clientNote)\}\}/)]),
  );
  // The heading and the note name the relying party of an OpenID sign-in, when it has a name.
  // Said once per language and client name (clients are few; past SAID_KEPT, said each time).
  const saidBefore = new Map<string, Record<string, string>>();
  const sayFor = (lng: PageLanguage, client?: string): Record<string, string> => {
    const key = `${lng}\u0000${client ?? ''}`;
    let said = saidBefore.get(key);
    if (!said) {
      const t = pageTranslator.getFixedT(lng);
      said = {
        heading: escapeHtml(client ? t('html.headingClient', { client }) : t('html.heading')),
        clientNote: escapeHtml(
          client
            ? t('html.clientNoteNamed', { client })
            : t('html.clientNote', { brand: brand.name }),
        ),
      };
      if (saidBefore.size < SAID_KEPT) saidBefore.set(key, said);
    }
    return said;
  };
  return (lng, client) => {
    const said = sayFor(lng, client);
    const page = pieces.get(lng)!;
    let html = page[0];
    for (let i = 1; i < page.length; i += 2) html += said[page[i]] + page[i + 1];
    return html;
  };
}

/** How many (language, client name) pairs the login page keeps its words for. */
const SAID_KEPT = 1000;
