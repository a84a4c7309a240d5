import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { PROBLEMS, ProblemCode, ProblemDocument, problemType } from './problems';

const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  503: 'service-unavailable',
};

// Connection refused/reset, or Postgres saying it is shutting down, starting, or unreachable.
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as
    { code?: string; driverError?: { code?: string }; message?: string } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || /^(08|57P0)/.test(code)))
    return true;
  // pg's words for a connection that broke (or was terminated) while checked out from the pool.
  return /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable/.test(
    e?.message ?? '',
  );
}

interface Mapped {
  code: ProblemCode;
  status: number;
  detail?: string;
  extensions?: Record<string, unknown>;
  retryAfterSeconds?: number;
}

/**
 * Turns every error into RFC 7807 problem+json by one fixed table. Details come only from our own
 * domain errors and a few framework messages; anything unexpected is a generic 500 whose cause is
 * logged without its stack or message body leaking into the response.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const mapped = this.map(error);
    if (mapped.status >= 500) {
      const e = error as Error;
      this.logger.error(
        {
          req: { id: req.id },
          err: {
            type: e?.name ?? typeof error,
            message: mapped.code === 'internal-error' ? e?.message : mapped.detail,
          },
        },
        `${req.method} ${req.url.split('?')[0]} failed: ${mapped.code}`,
      );
    }
    // A stream (SSE) that already started can only be ended.
    if (reply.sent || reply.raw.headersSent) {
      if (!reply.raw.writableEnded) reply.raw.end();
      return;
    }
    const body: ProblemDocument = {
      type: problemType(mapped.code),
      title: PROBLEMS[mapped.code].title,
      status: mapped.status,
      ...(mapped.detail ? { detail: mapped.detail } : {}),
      ...(mapped.extensions ?? {}),
      request_id: req.id,
    };
    if (mapped.retryAfterSeconds !== undefined) {
      reply.header('Retry-After', String(Math.max(1, Math.ceil(mapped.retryAfterSeconds))));
    }
    reply
      .status(mapped.status)
      .type('application/problem+json; charset=utf-8')
      .send(JSON.stringify(body));
  }

  private map(error: unknown): Mapped {
    if (error instanceof DomainError) {
      return {
        code: error.code,
        status: PROBLEMS[error.code].status,
        detail: error.message,
        extensions: error.extensions(),
        retryAfterSeconds: error.retryAfterSeconds,
      };
    }
    if (isDatabaseUnavailable(error)) {
      return {
        code: 'service-unavailable',
        status: 503,
        detail: 'The database is unavailable; try again shortly.',
        retryAfterSeconds: 2,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal-error' : 'bad-request');
      // Framework messages (e.g. "Cannot GET /x") are safe; Nest's 500s are not shown.
      const detail = status < 500 ? error.message : undefined;
      return { code, status, detail };
    }
    return { code: 'internal-error', status: 500 };
  }
}
