import { Inject, Injectable } from '@nestjs/common';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { Logos } from '../../platform/logos/logos.service';
import { escapeHtml } from '../../platform/pages/html';
import { clientDisplayName } from '../../platform/pages/interaction-clients';
import { PageLanguage, chooseLanguage, pageTranslator } from '../../platform/pages/page-i18n';
import { PageLook, messagePage } from '../../platform/pages/message-page';

/**
 * The language the logout question was asked in, kept for the "Signed out" page after it: the
 * library sends the browser there with the client_id alone, no ui_locales. Holds `en`, `de`…,
 * nothing else, and is read like a ui_locales (any other value counts for nothing).
 */
const LOGOUT_LANGUAGE_COOKIE = 'simauth_logout_lng';

/**
 * The language of a provider page, as the login page's: the request's `ui_locales` (the
 * authorization's or the logout's, when the library parsed them; after a logout, the language it
 * was asked in), then `Accept-Language`, then English.
 */
function languageOf(ctx: KoaContextWithOIDC): PageLanguage {
  const params = ctx.oidc?.params as Record<string, unknown> | undefined;
  const query = ctx.query as Record<string, unknown> | undefined;
  const asked =
    params?.ui_locales ??
    query?.ui_locales ??
    ctx.cookies.get(LOGOUT_LANGUAGE_COOKIE, { signed: false });
  return chooseLanguage(asked, ctx.get('accept-language'));
}

/**
 * The provider's own pages (error, logout, signed out, an interaction gone) in the look of the
 * login page: BRAND_NAME, the brand's logo or, on a page for a known client, the client's logo
 * and name (both served by simauth, Logos), BRAND_COLOR and the support and privacy links; in the
 * person's language, with nothing external. Its members are the library's callbacks, bound.
 */
@Injectable()
export class ProviderPages {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logos: Logos,
  ) {}

  /**
   * Who the page speaks for: the brand, with the logo of the client the request names when it is
   * one of OIDC_CLIENTS (its client_name as the logo's text), else the brand's.
   */
  private lookOf(ctx?: KoaContextWithOIDC): PageLook {
    const clientId = ctx?.oidc?.client?.clientId;
    const client = clientId
      ? this.config.oidc.clients.find((c) => c.client_id === clientId)
      : undefined;
    const clientName = clientDisplayName(client?.client_name) ?? client?.client_id;
    return {
      brand: this.config.pages.brand,
      logo: this.logos.forPage(client?.logo_uri, clientName),
    };
  }

  /**
   * A page in the person's language; `body` gets the page's translator (its messages escaped) and
   * BRAND_NAME, the `{{brand}}` of some of them.
   */
  private page(
    ctx: KoaContextWithOIDC,
    titleKey: string,
    body: (t: (key: string, values?: { brand: string }) => string, brand: string) => string,
  ): void {
    const lng = languageOf(ctx);
    const t = pageTranslator.getFixedT(lng);
    const brand = this.config.pages.brand.name;
    ctx.type = 'html';
    ctx.set('Content-Language', lng);
    ctx.vary('Accept-Language');
    ctx.body = messagePage(
      lng,
      t(titleKey, { brand }),
      body((key, values) => escapeHtml(t(key, values ?? {})), brand),
      this.lookOf(ctx),
    );
  }

  /** An error that cannot go back to the client (a bad client_id or redirect_uri). */
  readonly renderError = async (
    ctx: KoaContextWithOIDC,
    out: { error: string; error_description?: string },
  ): Promise<void> => {
    // The error and its description are the protocol's (English) words, marked as such.
    this.page(
      ctx,
      'oidc.errorTitle',
      (t) =>
        `<p lang="en"><code>${escapeHtml(String(out.error))}</code>: ${escapeHtml(String(out.error_description ?? ''))}</p><p>${t('oidc.errorNext')}</p>`,
    );
  };

  /** RP-initiated logout asks before ending the session; `form` is the library's hidden form. */
  readonly logoutSource = async (ctx: KoaContextWithOIDC, form: string): Promise<void> => {
    ctx.cookies.set(LOGOUT_LANGUAGE_COOKIE, languageOf(ctx), {
      // The end_session endpoint's path: its confirm and success pages sit below it.
      path: new URL(ctx.oidc.urlFor('end_session')).pathname,
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 10 * 60 * 1000,
      signed: false,
      overwrite: true,
    });
    this.page(
      ctx,
      'oidc.logoutTitle',
      (t, brand) =>
        `${form}<p>${t('oidc.logoutAsk', { brand })}</p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${t('oidc.logoutYes')}</button> <button class="secondary" type="submit" form="op.logoutForm">${t('oidc.logoutNo')}</button>`,
    );
  };

  /** After a logout that has no post_logout_redirect_uri to go back to. */
  readonly postLogoutSuccessSource = async (ctx: KoaContextWithOIDC): Promise<void> => {
    this.page(
      ctx,
      'oidc.signedOutTitle',
      (t, brand) => `<p>${t('oidc.signedOutText', { brand })}</p>`,
    );
  };

  /**
   * What a person's browser gets for an interaction that is unknown or expired (its cookie gone,
   * the page reloaded after ten minutes): a page in the language of `acceptLanguage` saying to go
   * back to the app, rather than the problem+json a program gets.
   */
  expiredInteractionPage(acceptLanguage: string | undefined): { lng: PageLanguage; html: string } {
    const lng = chooseLanguage(undefined, acceptLanguage);
    const t = pageTranslator.getFixedT(lng);
    return {
      lng,
      html: messagePage(
        lng,
        t('oidc.errorTitle'),
        `<p>${escapeHtml(t('script.trouble.goneApp'))}</p>`,
        this.lookOf(),
      ),
    };
  }
}

/**
 * The library's own page for `response_mode=form_post` (the code posted back to the client by a
 * form the page submits at once) in the person's language: `<html lang>`, its title, and what it
 * says where scripts do not run. Its markup is the library's (it hashes its inline script into
 * the policy); only these texts change, so a library that rewrote them fails the Chromium test.
 */
export function translateFormPost(ctx: KoaContextWithOIDC): void {
  if (typeof ctx.body !== 'string' || !ctx.body.includes('<title>Submitting Callback</title>'))
    return;
  const lng = languageOf(ctx);
  const t = (key: string) => escapeHtml(pageTranslator.getFixedT(lng)(key));
  ctx.set('Content-Language', lng);
  ctx.vary('Accept-Language');
  ctx.body = ctx.body
    .replace('<html>', `<html lang="${lng}" dir="${pageTranslator.dir(lng)}">`)
    .replace('<title>Submitting Callback</title>', `<title>${t('oidc.formPostTitle')}</title>`)
    .replace(
      /Your browser does not support JavaScript or you've disabled it\.<br\/>/,
      `<p>${t('oidc.formPostNoScript')}</p>`,
    )
    .replace(
      '<button autofocus type="submit">Continue</button>',
      `<button autofocus type="submit">${t('oidc.formPostContinue')}</button>`,
    );
}
