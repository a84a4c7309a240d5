import { escapeHtml } from './html';
import { PageLanguage, pageTranslator } from './page-i18n';

/**
 * A page that only says something (an error, the logout question, "signed out"), in the look of
 * the login page and in language `lng`, with nothing external: `title` is text, `body` HTML its
 * caller built (every message in it escaped).
 */
export function messagePage(lng: PageLanguage, title: string, body: string): string {
  const heading = escapeHtml(title);
  return `<!doctype html><html lang="${lng}" dir="${pageTranslator.dir(lng)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading} — simauth</title><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/app.css"></head><body><main><header><div class="logo" aria-hidden="true">S</div><h1>${heading}</h1></header><section class="card">${body}</section></main></body></html>`;
}
