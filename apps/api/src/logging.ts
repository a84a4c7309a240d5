import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Writable } from 'node:stream';

/**
 * Structured JSON logs. Only the request path is logged (query strings carry poll tokens,
 * OAuth codes and states), and credentials never leave the process.
 */
export function loggerParams(level: string, destination?: Writable): Params {
  const options: Params['pinoHttp'] = {
    level,
    genReqId: (req) => (req as IncomingMessage & { id: string }).id,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'res.headers'], remove: true },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health/') },
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    // Probes and scrapes come every few seconds and log nothing: no request logger for them.
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  };
}
