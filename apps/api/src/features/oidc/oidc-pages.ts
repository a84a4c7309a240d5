import type { KoaContextWithOIDC } from 'oidc-provider';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** A page of the provider's own (error, logout), in the look of the login page; nothing external. */
function page(ctx: KoaContextWithOIDC, title: string, body: string): void {
  ctx.type = 'html';
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} — simauth</title><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/app.css"></head><body><main><header><div class="logo">S</div><h1>${escapeHtml(title)}</h1></header><section class="card">${body}</section></main></body></html>`;
}

/** An error that cannot go back to the client (a bad client_id or redirect_uri). */
export function renderError(
  ctx: KoaContextWithOIDC,
  out: { error: string; error_description?: string },
): void {
  page(
    ctx,
    'This sign-in cannot continue',
    `<p><code>${escapeHtml(String(out.error))}</code>: ${escapeHtml(String(out.error_description ?? ''))}</p><p>Go back to the app and try again.</p>`,
  );
}

/** RP-initiated logout asks before ending the session; `form` is the library's hidden form. */
export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  page(
    ctx,
    'Sign out of simauth?',
    `${form}<p>The app asks to end your simauth session in this browser.</p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button> <button class="secondary" type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

/** After a logout that has no post_logout_redirect_uri to go back to. */
export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  page(ctx, 'Signed out', '<p>Your simauth session in this browser has ended.</p>');
}
