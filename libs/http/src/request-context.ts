import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { metrics } from './metrics';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the HTTP request being served, if any (also in every log line and audit event). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

// A caller-supplied id is kept only when it is short and plain, so it cannot inject into logs.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Express middleware: assigns the request id, echoes it as `X-Request-Id`, and scopes it. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  const stop = metrics.httpRequests.startTimer({ method: req.method });
  // The route pattern, not the path: ids must not explode the metric's label values.
  res.once('finish', () =>
    stop({
      route: req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched',
      status: String(res.statusCode),
    }),
  );
  storage.run({ requestId }, next);
}
