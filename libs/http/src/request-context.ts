import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { metrics } from '@simauth/observability';

// A caller-supplied id is kept only when it is short and plain, so it cannot inject into logs.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request id: the caller's `X-Request-Id` when it is sane, a new UUID otherwise. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The id of the request being served, for a handler to hand to what it records (audit events,
 * log lines). It is passed along explicitly rather than kept in an AsyncLocalStorage: on Node 20
 * that installs promise hooks that cost every promise of the process, a tenth of a simple request.
 */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<FastifyRequest>().id,
);

export interface RequestHooks {
  /** Headers every answer to `url` carries (security headers: the same for every request). */
  headersFor?: (url: string) => Readonly<Record<string, string>>;
  /** Called once each request is answered (the request log line). */
  onAnswered?: (request: FastifyRequest, reply: FastifyReply) => void;
}

/**
 * Echoes the request id as `X-Request-Id` with the headers of `headersFor`, and times the
 * request by route pattern for /metrics (with Fastify's own clock for the request). These run
 * in the request and response hooks Nest's adapter always installs, rather than in hooks of
 * their own: every Fastify hook costs each request a step of its hook runner.
 */
export function registerRequestContext(adapter: FastifyAdapter, hooks: RequestHooks = {}): void {
  const { headersFor, onAnswered } = hooks;
  adapter.setOnRequestHook((request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    if (headersFor) reply.headers(headersFor(request.url));
    done();
  });
  adapter.setOnResponseHook((request, reply, done) => {
    metrics.httpRequests.observe(
      // The route pattern, not the path: ids must not explode the metric's label values.
      [request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode)],
      reply.elapsedTime / 1000,
    );
    onAnswered?.(request, reply);
    done();
  });
}
