import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';

/** An answer in a provider's own error format (each provider has its own). */
export class ProviderStyleError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json',
    readonly headers: Record<string, string> = {},
  ) {
    super(`sandbox answers ${status}`);
  }
}

/** tru.ID errors: RFC 7807 with `type` ending in `api-errors#<code>`. */
export function truIdError(
  status: number,
  code: string,
  detail: string,
  headers: Record<string, string> = {},
) {
  const title = code.replace(/_/g, ' ');
  return new ProviderStyleError(
    status,
    { type: `https://api.tru.id/api-errors#${code}`, title, status, detail },
    'application/problem+json',
    headers,
  );
}

/** Twilio's error body: `{code, message, more_info, status}`. */
export function twilioError(status: number, code: number, message: string) {
  return new ProviderStyleError(status, {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

@Catch()
export class SandboxErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return void res.end();
    if (error instanceof ProviderStyleError) {
      for (const [k, v] of Object.entries(error.headers)) res.setHeader(k, v);
      res.status(error.status).type(error.contentType).send(JSON.stringify(error.body));
      return;
    }
    const status = error instanceof HttpException ? error.getStatus() : 500;
    const detail = error instanceof HttpException ? error.message : 'sandbox failure';
    res
      .status(status)
      .type('application/problem+json')
      .send(JSON.stringify({ title: 'error', status, detail }));
  }
}
