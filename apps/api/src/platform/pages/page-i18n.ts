import i18next, { i18n } from 'i18next';
import type { Catalog } from './locales/catalog';
import { escapeHtml } from './html';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';

/** The languages of the login page, English first: the fallback for any other. */
export const PAGE_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/** Each language's messages, i18next's JSON v4 (plurals as `_one`/`_other`). */
export const PAGE_CATALOGS: Readonly<Record<PageLanguage, Catalog>> = { en, de, fr, es };

/**
 * The one i18next instance over the catalogs, ready at once (they are in memory), shared by every
 * page and the push: `pageTranslator.getFixedT(lng)` says a language's messages.
 */
export const pageTranslator: i18n = i18next.createInstance();
void pageTranslator.init({
  initAsync: false,
  resources: Object.fromEntries(
    PAGE_LANGUAGES.map((lng) => [lng, { translation: PAGE_CATALOGS[lng] }]),
  ),
  supportedLngs: [...PAGE_LANGUAGES],
  fallbackLng: 'en',
  // Values are interpolated as they are: the page escapes each message it writes into HTML.
  interpolation: { escapeValue: false },
});

/**
 * A page's template in every language: each `{{key}}` is the catalog's message (HTML-escaped,
 * with `values` interpolated), `{{lang}}` and `{{dir}}` the language's, and `{{messages}}` the
 * catalog's section `script` (what the page's script says) as a JSON data block, never executed
 * (the pages' policy allows no inline script). `own` fills the keys a page says itself (its
 * answer goes in as it is), or returns undefined for the catalog's.
 */
export function renderInEveryLanguage(
  template: string,
  options: {
    script?: string;
    values?: Record<string, string>;
    own?: (key: string, lng: PageLanguage) => string | undefined;
  } = {},
): Record<PageLanguage, string> {
  const pages = {} as Record<PageLanguage, string>;
  for (const lng of PAGE_LANGUAGES) {
    const t = pageTranslator.getFixedT(lng);
    pages[lng] = template.replace(/\{\{([a-zA-Z.]+)\}\}/g, (_, key: string) => {
      if (key === 'lang') return lng;
      if (key === 'dir') return pageTranslator.dir(lng);
      if (key === 'messages' && options.script) return messagesBlock(lng, options.script);
      return options.own?.(key, lng) ?? escapeHtml(t(key, options.values ?? {}));
    });
  }
  return pages;
}

/**
 * Section `script` of language `lng`'s catalog as the JSON a `<script type="application/json">`
 * holds: `<` is written \u003c, so no message can close the block.
 */
function messagesBlock(lng: PageLanguage, script: string): string {
  return JSON.stringify({ lng, script: PAGE_CATALOGS[lng][script] }).replace(/</g, '\\u003c');
}

/** The page's language of a BCP 47 tag (`de-CH` → `de`), if it has one. */
function supported(tag: string): PageLanguage | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return PAGE_LANGUAGES.find((lng) => lng === primary);
}

/**
 * The language a page is rendered in: the first supported of the OpenID request's `ui_locales`
 * (space-separated, in order of preference), then of `Accept-Language` (by its q-values, a
 * q of 0 meaning "not this one"), then English.
 */
export function chooseLanguage(uiLocales: unknown, acceptLanguage: unknown): PageLanguage {
  if (typeof uiLocales === 'string') {
    for (const tag of uiLocales.split(/\s+/).slice(0, 20)) {
      const lng = supported(tag);
      if (lng) return lng;
    }
  }
  if (typeof acceptLanguage === 'string') {
    const ranked = acceptLanguage
      .split(',')
      .slice(0, 50)
      .map((part, order) => {
        const [tag, ...params] = part.split(';');
        const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
        return { lng: supported(tag), q: q === undefined ? 1 : Number(q), order };
      })
      .filter((r) => r.lng && r.q > 0)
      .sort((a, b) => b.q - a.q || a.order - b.order);
    if (ranked[0]) return ranked[0].lng!;
  }
  return 'en';
}

/** The push's title and plain body in each language, said once (the catalogs never change). */
const PUSH_TEXTS = new Map<PageLanguage, { title: string; body: string }>();

/**
 * The login request's notification title and body in a device's language (its stored BCP 47
 * `locale`; English when it sent none or one the catalogs lack), naming the app when there is one.
 * Each language's title and plain body are translated at its first push, not at every one:
 * i18next's translation of the two keys cost each login tens of microseconds.
 */
export function pushText(
  locale: string | null | undefined,
  client?: string,
): { title: string; body: string } {
  const lng = chooseLanguage(locale ?? undefined, undefined);
  let texts = PUSH_TEXTS.get(lng);
  if (!texts) {
    const t = pageTranslator.getFixedT(lng);
    texts = Object.freeze({ title: t('push.title'), body: t('push.body') });
    PUSH_TEXTS.set(lng, texts);
  }
  if (!client) return texts;
  const t = pageTranslator.getFixedT(lng);
  return { title: texts.title, body: t('push.bodyClient', { client }) };
}
