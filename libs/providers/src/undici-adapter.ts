import { AxiosAdapter, AxiosError, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { Agent, Dispatcher, errors } from 'undici';

/** Connections kept open per provider origin, and how long an idle one stays. */
const CONNECTIONS_PER_ORIGIN = 64;
const KEEP_ALIVE_MS = 30_000;
const ABSOLUTE = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * The headers of a provider's answer that reach axios and the adapters: the ones something reads
 * (the client's retries and circuit breaker read Retry-After; the rest describe the body or say
 * where to go and how to authenticate). axios makes every header it is given case-insensitive
 * one by one, at a cost that grows with the square of their number: with the dozen or so an API
 * gateway adds, that was half of axios's own time per call.
 */
const ANSWER_HEADERS: readonly string[] = [
  'content-type',
  'content-length',
  'retry-after',
  'location',
  'www-authenticate',
];

interface Target {
  origin: string;
  path: string;
  /** For error messages and AxiosError.request. */
  url: string;
}

/** Origin and base path of each base URL seen, parsed once. */
const bases = new Map<string, { origin: string; path: string }>();

function parsedBase(base: string): { origin: string; path: string } {
  let parsed = bases.get(base);
  if (!parsed) {
    const url = new URL(base);
    parsed = { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
    bases.set(base, parsed);
  }
  return parsed;
}

/**
 * Where a request goes: `url` on `baseURL` unless absolute, with `params`. (axios's getUri would
 * merge the whole config again, a tenth of a call's CPU.)
 */
function targetOf(config: InternalAxiosRequestConfig): Target {
  const url = config.url ?? '';
  let origin: string;
  let path: string;
  if (ABSOLUTE.test(url) || !config.baseURL) {
    const parsed = new URL(url);
    origin = parsed.origin;
    path = `${parsed.pathname}${parsed.search}`;
  } else {
    const base = parsedBase(config.baseURL);
    origin = base.origin;
    path = `${base.path}/${url.replace(/^\/+/, '')}`;
  }
  if (config.params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(config.params as Record<string, unknown>))
      if (value !== undefined && value !== null) query.append(key, String(value));
    const search = query.toString();
    if (search) path += `${path.includes('?') ? '&' : '?'}${search}`;
  }
  return { origin, path, url: `${origin}${path}` };
}

/**
 * The answer's body as text, refused with axios's own error (ERR_BAD_RESPONSE, "maxContentLength
 * size of … exceeded") once it passes `maxContentLength`: by its declared length before reading,
 * or, when none is declared, while reading, without holding more than the limit.
 */
async function readAnswer(
  res: Dispatcher.ResponseData,
  config: InternalAxiosRequestConfig,
  request: object,
): Promise<string> {
  const limit =
    config.maxContentLength !== undefined && config.maxContentLength > -1
      ? config.maxContentLength
      : Infinity;
  const tooLarge = () => {
    // Closes the connection; the abort this reports on the stream is ours, and expected.
    res.body.on('error', () => undefined).destroy();
    return new AxiosError(
      `maxContentLength size of ${limit} exceeded`,
      AxiosError.ERR_BAD_RESPONSE,
      config,
      request,
    );
  };
  const declared = Number(res.headers['content-length']);
  if (declared > limit) throw tooLarge();
  // A declared length is held to by undici: the body is read whole, the usual way.
  if (limit === Infinity || declared >= 0) return res.body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * An axios adapter that sends requests over undici with keep-alive connections per origin,
 * instead of axios's adapter over Node's http client (14% of the api's CPU per login, measured
 * in paired rounds). axios stays the adapters' interface: its config, interceptors (retries),
 * request and response transforms, `validateStatus`, and its errors (with `code` ECONNABORTED on
 * a timeout, the network error's code otherwise) are unchanged; the client wraps this adapter in
 * its circuit breaker and timing (provider-http.ts). Redirects are not followed (a 3xx fails
 * `validateStatus`). Only the ANSWER_HEADERS of an answer are passed on, and its body only up to
 * `maxContentLength`. Used when no outbound proxy is configured; with one, axios's own adapter
 * honours the proxy variables.
 */
export function undiciAdapter(): AxiosAdapter {
  const agent = new Agent({
    connections: CONNECTIONS_PER_ORIGIN,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
  });
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const target = targetOf(config);
    // axios has already merged and normalised the headers (and set the body's content type).
    const headers = config.headers.toJSON(true) as Record<string, string>;
    if (config.auth) {
      const { username = '', password = '' } = config.auth;
      headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    const data = config.data as unknown;
    const body =
      data === undefined || data === null
        ? undefined
        : typeof data === 'string' || Buffer.isBuffer(data)
          ? data
          : String(data);
    const timeout = config.timeout || undefined;
    const method = (config.method ?? 'get').toUpperCase();
    const request = { method, url: target.url };
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
    try {
      const res = await agent.request({
        origin: target.origin,
        path: target.path,
        method: method as 'GET',
        headers,
        body,
        signal: controller.signal,
      });
      const text = await readAnswer(res, config, request);
      // Lower-case names, as axios's own adapter gives them.
      const answerHeaders: Record<string, string | string[]> = {};
      for (const name of ANSWER_HEADERS) {
        const value = res.headers[name];
        if (value !== undefined) answerHeaders[name] = value;
      }
      const response: AxiosResponse = {
        data: text,
        status: res.statusCode,
        statusText: '',
        headers: answerHeaders as AxiosResponse['headers'],
        config,
        request,
      };
      if (!config.validateStatus || config.validateStatus(res.statusCode)) return response;
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
