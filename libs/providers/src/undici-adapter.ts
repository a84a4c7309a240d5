import {
  AxiosAdapter,
  AxiosError,
  AxiosHeaders,
  AxiosResponse,
  InternalAxiosRequestConfig,
} from 'axios';
import { Agent, errors } from 'undici';

/** Connections kept open per provider origin, and how long an idle one stays. */
const CONNECTIONS_PER_ORIGIN = 64;
const KEEP_ALIVE_MS = 30_000;

/**
 * An axios adapter that sends requests over undici with keep-alive connections per origin,
 * instead of axios's adapter over Node's http client (a third of the CPU per provider call, by
 * the bench). axios stays the adapters' interface: its config, interceptors (timing, circuit
 * breaker, retries), request and response transforms, `validateStatus`, and its errors (with
 * `code` ECONNABORTED on a timeout, the network error's code otherwise) are unchanged. Redirects
 * are not followed (a 3xx fails `validateStatus`). Used when no outbound proxy is configured;
 * with one, axios's own adapter honours the proxy variables.
 */
/** The request's URL: `url` on `baseURL` unless absolute, with `params` (axios's getUri merges the whole config again, a tenth of a call's CPU). */
function fullUrl(config: InternalAxiosRequestConfig): URL {
  const path = config.url ?? '';
  const url = /^[a-z][a-z\d+.-]*:\/\//i.test(path)
    ? new URL(path)
    : new URL(`${(config.baseURL ?? '').replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  if (config.params) {
    for (const [key, value] of Object.entries(config.params as Record<string, unknown>))
      if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
  }
  return url;
}

export function undiciAdapter(): AxiosAdapter {
  const agent = new Agent({
    connections: CONNECTIONS_PER_ORIGIN,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
  });
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const url = fullUrl(config);
    const headers = AxiosHeaders.from(config.headers).normalize(false);
    if (config.auth) {
      const { username = '', password = '' } = config.auth;
      headers.set(
        'Authorization',
        `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
      );
    }
    const body = config.data === undefined || config.data === null ? undefined : config.data;
    const timeout = config.timeout || undefined;
    const request = { method: config.method?.toUpperCase(), url: url.toString() };
    // The whole call (connecting, sending, the answer's headers and body) within `timeout`, on a
    // timer cleared when the call ends (AbortSignal.timeout would fire later anyway, each time
    // building an error nobody reads).
    const controller = new AbortController();
    let timedOut = false;
    const timer = timeout
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeout)
      : undefined;
    const outer = config.signal as AbortSignal | undefined;
    const forward = () => controller.abort();
    outer?.addEventListener('abort', forward, { once: true });
    const signal = controller.signal;
    try {
      const res = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: (config.method ?? 'get').toUpperCase() as 'GET',
        headers: headers.toJSON() as Record<string, string>,
        body: typeof body === 'string' || Buffer.isBuffer(body) ? body : body && String(body),
        signal,
      });
      const data = await res.body.text();
      const response: AxiosResponse = {
        data,
        status: res.statusCode,
        statusText: '',
        headers: AxiosHeaders.from(res.headers as Record<string, string>),
        config,
        request,
      };
      const valid = config.validateStatus ? config.validateStatus(res.statusCode) : true;
      if (valid) return response;
      throw new AxiosError(
        `Request failed with status code ${res.statusCode}`,
        res.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
        config,
        request,
        response,
      );
    } catch (err) {
      if (err instanceof AxiosError) throw err;
      const late =
        timedOut ||
        err instanceof errors.HeadersTimeoutError ||
        err instanceof errors.BodyTimeoutError;
      throw new AxiosError(
        late ? `timeout of ${timeout}ms exceeded` : (err as Error).message,
        late ? AxiosError.ECONNABORTED : ((err as NodeJS.ErrnoException).code ?? 'ERR_NETWORK'),
        config,
        request,
      );
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }
  };
}
