import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { BodyRejectedHook, registerJsonBodyParser } from './body-parsers';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestHooks, registerRequestContext, requestIdFor } from './request-context';
import { createValidationPipe } from './validation';

export interface HttpOptions {
  /** Largest request body accepted, in bytes (413 above it). */
  bodyLimitBytes: number;
  /** Called before a body is refused unparsed (see BodyRejectedHook). */
  onBodyRejected?: BodyRejectedHook;
  /** Which proxies' X-Forwarded-For to believe for the client address (as proxy-addr reads it). */
  trustProxy?: boolean | number | string;
}

/**
 * The HTTP server under Nest: Fastify, which serves several times the requests per CPU second of
 * Express on the same routes (see the README's benchmark), configured for an API behind a proxy.
 */
export function createHttpAdapter(options: HttpOptions): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // A whole request (headers and body) must arrive within 30 s; slow senders are cut off.
    requestTimeout: 30_000,
    routerOptions: { ignoreTrailingSlash: true },
    logger: false,
    // No Express-style middleware: every cross-cutting concern is a Fastify hook.
    skipMiddie: true,
  });
}

/**
 * The conventions every route shares: JSON bodies, request ids (with the headers and the
 * per-answer callback of `hooks`), problem+json, validation.
 */
export function applyHttpConventions(
  app: NestFastifyApplication,
  options: Pick<HttpOptions, 'bodyLimitBytes' | 'onBodyRejected'>,
  hooks: RequestHooks = {},
): void {
  const adapter = app.getHttpAdapter() as FastifyAdapter;
  registerRequestContext(adapter, hooks);
  registerJsonBodyParser(adapter.getInstance(), options.bodyLimitBytes, options.onBodyRejected);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
}
