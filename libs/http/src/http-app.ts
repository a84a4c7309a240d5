import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { BodyRejectedHook, registerJsonBodyParser } from './body-parsers';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestHooks, registerRequestContext, requestIdFor } from './request-context';
import { createValidationPipe } from './validation';
import { PhoneNumberPolicy } from './validators';

interface HttpOptions {
  /** Largest request body accepted, in bytes (413 above it). */
  bodyLimitBytes: number;
  /** Called before a body is refused unparsed (see BodyRejectedHook). */
  onBodyRejected?: BodyRejectedHook;
  /** Which proxies' X-Forwarded-For to believe for the client address (as proxy-addr reads it). */
  trustProxy?: boolean | number | string;
  /**
   * The time a client has to send a whole request, headers and body; a connection that has not
   * is closed (408) within a fifth more. 25 s by default: closed by 30 s.
   */
  requestTimeoutMs?: number;
  /** The phone numbers request fields accept: real ones only unless said (see ValidateE164). */
  phoneNumbers?: PhoneNumberPolicy;
}

/**
 * Node's HTTP server settings that close a connection whose request (headers and body) has not
 * arrived within `requestTimeoutMs`. Node looks for such connections only every
 * `connectionsCheckingInterval` (30 s by default, which let a slow sender hold one for 54 s), so
 * the check runs every fifth of the timeout: a connection is closed by 1.2 × the timeout.
 */
export function requestTimeouts(requestTimeoutMs = 25_000) {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.ceil(requestTimeoutMs / 5),
  };
}

/**
 * The HTTP server under Nest: Fastify, which serves several times the requests per CPU second of
 * Express on the same routes (see docs/performance/benchmarks.md), configured for an API behind a proxy.
 */
export function createHttpAdapter(options: HttpOptions): FastifyAdapter {
  const timeouts = requestTimeouts(options.requestTimeoutMs);
  return new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // Slow senders are cut off; Fastify sets requestTimeout on the server it creates from `http`.
    requestTimeout: timeouts.requestTimeout,
    http: timeouts,
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
  options: Pick<HttpOptions, 'bodyLimitBytes' | 'onBodyRejected' | 'phoneNumbers'>,
  hooks: RequestHooks = {},
): void {
  const adapter = app.getHttpAdapter() as FastifyAdapter;
  registerRequestContext(adapter, hooks);
  registerJsonBodyParser(adapter.getInstance(), options.bodyLimitBytes, options.onBodyRejected);
  closeConnectionsWhenClosing(adapter.getInstance());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe(options.phoneNumbers));
}

/**
 * Once the server is closing (the api stops on SIGTERM), every answer says `Connection: close`.
 * Node closes the connections idle at that moment, but one whose request was still in flight
 * would stay open after its answer until the keep-alive timeout (72 s), holding the process past
 * a pod's grace period; new requests on open connections already get 503 from Fastify.
 */
function closeConnectionsWhenClosing(instance: FastifyInstance): void {
  let closing = false;
  instance.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  instance.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}
