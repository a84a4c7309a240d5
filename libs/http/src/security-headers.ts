import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The headers helmet sets for `options`, worked out once. None of ours depends on the request
 * (no CSP nonces), so every answer gets the same headers without running helmet per request,
 * which cost a fifth of the CPU of a simple request.
 */
function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return headers;
}

/**
 * The headers of an API answer (JSON, problems, event streams), after the OWASP REST Security
 * Cheat Sheet: nothing may frame, sniff, load from or cache it, and HTTPS is sticky. The
 * document-oriented rest of helmet's set (referrer, cross-origin, download and DNS policies)
 * means nothing to a JSON client and only lengthens every answer.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  }),
  // Answers carry tokens and personal data; a route that may be cached says so itself.
  'cache-control': 'no-store',
};

/**
 * The security headers of an answer to `url`: helmet's full set, for `documentOptions`, with the
 * pages a browser renders (`isDocument`), and the API set with everything else.
 */
export function securityHeadersFor(
  documentOptions: Readonly<HelmetOptions>,
  isDocument: (url: string) => boolean,
): (url: string) => Readonly<Record<string, string>> {
  const documentHeaders = securityHeaders(documentOptions);
  return (url) => (isDocument(url) ? documentHeaders : API_SECURITY_HEADERS);
}
