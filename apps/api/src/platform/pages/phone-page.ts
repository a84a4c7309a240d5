import { escapeHtml } from './html';
import { PAGE_LANGUAGES, PageLanguage, pageTranslator } from './page-i18n';

/**
 * The virtual phone's page in each language, rendered once from phone.html: each `{{key}}` is
 * the catalog's message (HTML-escaped), `<html lang dir>` the language's. What its script says
 * as it runs (the HTTP log, the outcomes) stays English: it is a developer's tool.
 */
export function renderPhonePages(template: string): Record<PageLanguage, string> {
  const translator = pageTranslator();
  const pages = {} as Record<PageLanguage, string>;
  for (const lng of PAGE_LANGUAGES) {
    const t = translator.getFixedT(lng);
    pages[lng] = template.replace(/\{\{([a-zA-Z.]+)\}\}/g, (_, key: string) => {
      if (key === 'lang') return lng;
      if (key === 'dir') return translator.dir(lng);
      return escapeHtml(t(key));
    });
  }
  return pages;
}
