import { errorCodes } from 'fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, RequestValidationError } from './domain-error';

class MalformedBodyError extends DomainError {
  readonly code = 'malformed-json' as const;
}

class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported-media-type' as const;
}

/**
 * Runs before a body is refused (malformed JSON, another charset or media type, too deep, too
 * large): the
 * api counts the request against its rate limits there, since no guard will see it. Rejecting
 * (e.g. with a 429) answers that instead.
 */
export type BodyRejectedHook = (req: FastifyRequest) => Promise<void>;

/** The exact bytes of a JSON body, kept so signed provider callbacks can be verified over them. */
export type RequestWithRawBody = FastifyRequest & { rawBody?: Buffer };

// application/json and application/*+json (e.g. json-patch+json), with or without parameters.
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** No request of ours nests deeper than a few levels; this leaves room and bounds the work. */
const MAX_DEPTH = 32;

/**
 * The top-level field under which `value` nests objects or arrays deeper than `max` (the body
 * itself when it is an array), found without recursion; undefined when none does.
 */
function fieldNestedOver(value: object, max: number): string | undefined {
  const stack: [unknown, number, string][] = Object.entries(value).map(([k, v]) => [v, 2, k]);
  while (stack.length > 0) {
    const [node, depth, field] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return Array.isArray(value) ? 'body' : field;
    for (const child of Object.values(node)) stack.push([child, depth + 1, field]);
  }
  return undefined;
}

/**
 * Reads a body of at most `limit` bytes as Fastify's own buffer parser does: one declared larger is
 * refused unread, one streamed larger as soon as it passes the limit (413), one shorter or longer
 * than declared is refused (400). Read here rather than by Fastify so that a refusal for size goes
 * through the rejected-body hook like the others.
 */
function readBody(
  req: FastifyRequest,
  payload: NodeJS.ReadableStream,
  limit: number,
  done: (error: Error | null, body?: Buffer) => void,
): void {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  const chunks: Buffer[] = [];
  let received = 0;
  const stop = () => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onError);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) {
      stop();
      return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    }
    chunks.push(chunk);
  };
  const onEnd = () => {
    stop();
    if (!Number.isNaN(declared) && received !== declared)
      return done(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
    done(null, Buffer.concat(chunks, received));
  };
  const onError = (error: Error & { statusCode?: number }) => {
    stop();
    // A client that went away mid-body (as Fastify answers it: its fault, not ours).
    if (!(typeof error.statusCode === 'number' && error.statusCode >= 400)) error.statusCode = 400;
    done(error);
  };
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onError);
  payload.resume();
}

/**
 * Replaces the framework's body parsers with one: JSON objects or arrays up to `limitBytes`, UTF-8
 * only, whose failures are typed problems (400 malformed-json, 415) instead of framework
 * messages. A body in any other media type is refused (415), not silently ignored. A body over
 * the limit is refused without being read past it (413, payload-too-large by the filter).
 */
export function registerJsonBodyParser(
  fastify: FastifyInstance,
  limitBytes: number,
  onRejected: BodyRejectedHook = () => Promise.resolve(),
): void {
  // Fastify's own parser, which refuses __proto__ and constructor.prototype keys.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  /** Refuses the body with `error`, after the hook (which may refuse it otherwise, e.g. 429). */
  const refuse = (req: FastifyRequest, error: Error, done: (err: Error | null) => void) => {
    onRejected(req).then(
      () => done(error),
      (hookError: Error) => done(hookError),
    );
  };
  /** Parses the bytes of a JSON body, or refuses them. */
  const parse = (
    req: FastifyRequest,
    raw: Buffer,
    done: (err: Error | null, body?: unknown) => void,
  ) => {
    (req as RequestWithRawBody).rawBody = raw;
    const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1].toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      return refuse(req, new UnsupportedMediaTypeError('Send JSON bodies in UTF-8.'), done);
    }
    if (raw.length === 0) return done(null, undefined);
    parseJson(req, raw.toString('utf8'), (err, value) => {
      // Like a strict JSON API: the body is an object or an array, never a bare scalar.
      if (err || value === null || typeof value !== 'object') {
        return refuse(
          req,
          new MalformedBodyError('The body could not be parsed; send a JSON object.'),
          done,
        );
      }
      // Validation walks the body recursively; a deep one would overflow its stack (a 500).
      const tooDeep = fieldNestedOver(value, MAX_DEPTH);
      if (tooDeep) {
        const message = `is nested deeper than ${MAX_DEPTH} levels`;
        return refuse(req, new RequestValidationError([{ field: tooDeep, message }]), done);
      }
      done(null, value);
    });
  };
  fastify.addContentTypeParser(JSON_TYPE, (req, payload, done) =>
    readBody(req, payload, limitBytes, (readError, raw) => {
      if (readError) {
        const tooLarge = readError instanceof errorCodes.FST_ERR_CTP_BODY_TOO_LARGE;
        return tooLarge ? refuse(req, readError, done) : done(readError);
      }
      parse(req, raw!, done);
    }),
  );
  fastify.addContentTypeParser('*', (req, _payload, done) => {
    if (req.headers['content-length'] === '0') return done(null, undefined);
    refuse(req, new UnsupportedMediaTypeError('Send the body as application/json.'), done);
  });
}
