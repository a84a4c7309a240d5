import type { LogoOnPage } from '../logos/logos.service';
import { escapeHtml } from './html';

/** The template's logo slot: the brand's initial, between `<!-- logo -->` and `<!-- /logo -->`. */
const LOGO_SLOT = /<!-- logo -->([\s\S]*?)<!-- \/logo -->/;

/**
 * The page with its logo: an <img> of simauth's own origin named by the brand or the client, in
 * place of the initial; without one, the initial as before.
 */
export function withLogo(html: string, logo: LogoOnPage | undefined): string {
  return html.replace(LOGO_SLOT, (_, initial: string) =>
    logo
      ? `<img class="logo" src="${escapeHtml(logo.src)}" alt="${escapeHtml(logo.alt)}" />`
      : initial,
  );
}
