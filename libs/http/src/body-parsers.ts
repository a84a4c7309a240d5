import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
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

/**
 * JSON (including `application/*+json`, e.g. json-patch) and form bodies up to `limit`, whose
 * failures become typed problems (400 malformed-json, 413, 415) instead of framework messages.
 */
export function bodyParsers(limit: string): RequestHandler[] {
  return [
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
    guarded(urlencoded({ limit, extended: false })),
  ];
}
