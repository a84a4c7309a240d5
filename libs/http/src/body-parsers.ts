import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { DomainError } from './domain-error';

export class MalformedBodyError extends DomainError {
  readonly code = 'malformed-json' as const;
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload-too-large' as const;
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported-media-type' as const;
}

// body-parser labels its failures with a `type`; our own errors carry only safe words.
function toDomainError(err: { type?: string; message?: string }): unknown {
  switch (err.type) {
    case 'entity.parse.failed':
      return new MalformedBodyError('The body could not be parsed; send a JSON object.');
    case 'entity.too.large':
      return new PayloadTooLargeError('The request body exceeds the size limit.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('Unsupported body encoding or charset.');
    default:
      return err;
  }
}

function guarded(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (err?: unknown) =>
      next(err ? toDomainError(err as { type?: string }) : undefined),
    );
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

/** A request that carries a body must say it is JSON; anything else is 415, not silently ignored. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    return next(new UnsupportedMediaTypeError('Send the body as application/json.'));
  }
  next();
}

/**
 * JSON bodies (including `application/*+json`, e.g. json-patch) up to `limit`, whose failures
 * become typed problems (400 malformed-json, 413, 415) instead of framework messages.
 */
export function bodyParsers(limit: string): RequestHandler[] {
  return [
    requireJson,
    guarded(
      json({
        limit,
        type: ['application/json', 'application/*+json'],
        // Signed provider callbacks are verified over the exact bytes received.
        verify: (req, _res, buf) => {
          (req as Request & { rawBody?: Buffer }).rawBody = buf;
        },
      }),
    ),
  ];
}
