import pino, { Logger as PinoInstance } from 'pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Writable } from 'node:stream';

/**
 * Structured JSON logs. A line written for a request carries its id as `req.id` (handed along
 * from the handler, see RequestId). Only the request path is logged (query strings carry poll
 * tokens, OAuth codes and states), and credentials never leave the process.
 */
export function createLogger(level: string, destination?: Writable): PinoInstance {
  const options: pino.LoggerOptions = { level };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * nestjs-pino as Nest's logger over `logger`. Its per-request middleware is not used: the
 * request line comes from `requestLogLine`, and the request id is handed along (RequestId).
 */
export function loggerParams(logger: PinoInstance): Params {
  return { pinoHttp: { logger }, forRoutes: [] };
}

/** One line per answered request (probes excepted): id, method, path, status and duration. */
export function requestLogLine(
  logger: PinoInstance,
): (request: FastifyRequest, reply: FastifyReply) => void {
  return (request, reply) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (!logger.isLevelEnabled(level) || request.url.startsWith('/health/')) return;
    logger[level](
      {
        req: { id: request.id, method: request.method, path: request.url.split('?')[0] },
        res: { status },
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  };
}

/** Nest's own start-up chatter: a line per module and per route, at every start. */
const STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * Nest's logger, with its start-up lines (about forty: modules, routes) at debug instead of info,
 * so that a start says what matters: the database, the providers, where the api listens.
 */
export function quietStartup(logger: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...params: unknown[]) => {
      const context = params.at(-1);
      if (typeof context === 'string' && STARTUP_CONTEXTS.has(context))
        return logger.debug?.(message, ...params);
      return logger.log(message, ...params);
    },
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}
