import { PageLanguage, renderInEveryLanguage } from './page-i18n';

/**
 * The virtual phone's page in each language, rendered once from phone.html: its fixed texts, and
 * what its script says as it runs (outcomes, the notes of its HTTP log) as the page's JSON data
 * block (the catalogs' `phoneScript`).
 */
export function renderPhonePages(template: string): Record<PageLanguage, string> {
  return renderInEveryLanguage(template, { script: 'phoneScript' });
}
