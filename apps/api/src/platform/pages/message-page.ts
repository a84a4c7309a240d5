import type { AppConfig } from '@simauth/config';
import type { LogoOnPage } from '../logos/logos.service';
import { escapeHtml } from './html';
import { withLogo } from './logo-markup';
import { PageLanguage, pageTranslator } from './page-i18n';

/** Who a message page speaks for: the operator's brand (BRAND_*) and the logo simauth serves. */
export interface PageLook {
  brand: AppConfig['pages']['brand'];
  /** The brand's or the known client's logo (Logos.forPage); without one, the brand's initial. */
  logo?: LogoOnPage;
}

/**
 * A page that only says something (an error, the logout question, "signed out"), in the look of
 * the login page: the brand's name, logo (or initial), accent (/assets/brand.css) and its support
 * and privacy links, in language `lng`, with nothing external. `title` is text, `body` HTML its
 * caller built (every message in it escaped).
 */
export function messagePage(
  lng: PageLanguage,
  title: string,
  body: string,
  { brand, logo }: PageLook,
): string {
  const t = pageTranslator.getFixedT(lng);
  const heading = escapeHtml(title);
  const name = escapeHtml(brand.name);
  const initial = escapeHtml(Array.from(brand.name.trim())[0] ?? 'S');
  const links = [
    brand.supportUrl &&
      `<a href="${escapeHtml(brand.supportUrl)}">${escapeHtml(t('html.help'))}</a>`,
    brand.privacyUrl &&
      `<a href="${escapeHtml(brand.privacyUrl)}">${escapeHtml(t('html.privacy'))}</a>`,
  ].filter(Boolean);
  const footer = links.length ? `<footer>${links.join(' ')}</footer>` : '';
  const html = `<!doctype html><html lang="${lng}" dir="${pageTranslator.dir(lng)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading} — ${name}</title><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/app.css"><link rel="stylesheet" href="/assets/brand.css"></head><body><main><header><!-- logo --><div class="logo" aria-hidden="true">${initial}</div><!-- /logo --><p class="brand">${name}</p></header><h1>${heading}</h1><section class="card">${body}</section>${footer}</main></body></html>`;
  return withLogo(html, logo);
}
