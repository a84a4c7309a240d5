import axios, {
  AxiosAdapter,
  AxiosError,
  AxiosInstance,
  InternalAxiosRequestConfig,
  isAxiosError,
} from 'axios';
import { randomInt } from 'node:crypto';
import { DomainError } from '@simauth/http';
import { metrics } from '@simauth/observability';
import { CircuitLabels, ProviderCircuit, ProviderCircuits } from './provider-circuit';
import { ProviderError, ProviderUnavailableError } from './provider.errors';
import { undiciAdapter } from './undici-adapter';

declare module 'axios' {
  interface AxiosRequestConfig {
    /**
     * The call may be sent again after a 5xx or a network error: it changes nothing at the
     * provider when repeated (reads, token requests, a code exchange). GETs always may.
     */
    idempotent?: boolean;
    /** Set by the client: the state of a call across its tries. */
    simauthCall?: CallState;
  }
}

/** The largest answer body taken from a provider: 1 MiB (their answers are a few KiB of JSON). */
export const PROVIDER_ANSWER_LIMIT_BYTES = 1024 * 1024;

/** Retries of one idempotent call, all within the call's own timeout. */
const MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 100;

interface CallState {
  /** When the call's time (PROVIDER_TIMEOUT_MS, over all its tries) is up. */
  deadline: number;
  retries: number;
}

/** How a provider is reached: its base URL, the timeout of each call, and whether via a proxy. */
export interface ProviderHttpSettings {
  baseUrl: string;
  timeoutMs: number;
  /**
   * Whether proxy variables were set at start (AppConfig). If so, axios reads and honours them
   * (NO_PROXY included); if not, the client says `proxy: false`, or axios would search the
   * environment again for every call.
   */
  outboundProxy?: boolean;
  /** Where the client lists its circuit breaker (the api's, for /metrics and the admin API). */
  circuits?: ProviderCircuits;
}

/**
 * An axios client for one provider: base URL, timeout, no redirects, 2xx only; calls are timed.
 * Idempotent calls that fail with a 5xx or a network error are tried again (at most twice, after
 * an exponential backoff with jitter) while their timeout lasts. A circuit breaker per provider
 * answers at once (503 with Retry-After) while the provider is down; `labels` name it for operators.
 */
export function providerHttpClient(
  settings: ProviderHttpSettings,
  provider = 'provider',
  labels?: CircuitLabels,
): AxiosInstance {
  const circuit = new ProviderCircuit(provider, Date.now, labels);
  settings.circuits?.add(circuit);
  const client = axios.create({
    baseURL: settings.baseUrl,
    timeout: settings.timeoutMs,
    maxRedirects: 0,
    // Without a proxy, over undici (keep-alive, a third of the CPU); with one, axios's own
    // adapter reads and honours the proxy variables.
    ...(settings.outboundProxy ? {} : { proxy: false as const }),
    adapter: guarded(
      settings.outboundProxy ? axios.getAdapter('http') : undiciAdapter(),
      provider,
      circuit,
      settings.timeoutMs,
    ),
    validateStatus: (status) => status >= 200 && status < 300,
    // A provider's answers are small JSON documents; a gateway gone wrong must not make the api
    // hold gigabytes.
    maxContentLength: PROVIDER_ANSWER_LIMIT_BYTES,
  });
  // Flat defaults: axios merges the instance's defaults into every call, and its stock ones hold a
  // header object per HTTP method (a quarter of axios's own time per call).
  client.defaults.headers = {
    'User-Agent': 'simauth',
    Accept: 'application/json, text/plain, */*',
  } as unknown as typeof client.defaults.headers;
  // axios merges every key of the instance's defaults into each call's config, and checks the
  // `transitional` options on each call when set. Unset, its own defaults apply (the same values),
  // and the browser's XSRF names, the FormData classes and the -1 body limit mean nothing here.
  for (const key of [
    'transitional',
    'xsrfCookieName',
    'xsrfHeaderName',
    'env',
    'maxBodyLength',
  ] as const)
    delete client.defaults[key];
  // Retries only: the circuit and the timing are the adapter's (see guarded).
  client.interceptors.response.use(undefined, async (err) => {
    if (!isAxiosError(err) || !err.config || !isOutage(err)) return Promise.reject(err);
    const retry = nextTry(err.config);
    if (!retry) return Promise.reject(err);
    await new Promise((resolve) => setTimeout(resolve, retry.backoffMs));
    return client.request({ ...err.config, timeout: retry.timeoutMs });
  });
  return client;
}

/** A timeout, a network error or a 5xx: the provider is down or failing, not refusing. */
function isOutage(err: AxiosError): boolean {
  const status = err.response?.status;
  return status === undefined || status >= 500;
}

/**
 * The transport behind the provider's circuit breaker, timed per try. It sits in the adapter
 * rather than in interceptors, which cost each call a promise step, a closure and a WeakMap entry
 * (a twentieth of the api's CPU per login, measured in paired rounds): the adapter sees every try,
 * retries included, with the answer's status or the failure.
 */
function guarded(
  send: AxiosAdapter,
  provider: string,
  circuit: ProviderCircuit,
  timeoutMs: number,
): AxiosAdapter {
  return async (config) => {
    const waitMs = circuit.admit();
    if (waitMs > 0) {
      throw new ProviderUnavailableError(
        `${provider} is unavailable (failing repeatedly); not calling it for a while`,
        Math.ceil(waitMs / 1000),
      );
    }
    // A retry carries its call's state (axios copies it into the new config).
    config.simauthCall ??= { deadline: Date.now() + timeoutMs, retries: 0 };
    const started = performance.now();
    try {
      const res = await send(config);
      metrics.providerCalls.observe([provider, String(res.status)], seconds(started));
      circuit.succeeded();
      return res;
    } catch (err) {
      if (!isAxiosError(err)) throw err;
      const status = err.response?.status;
      const outcome = status ? String(status) : err.code === 'ECONNABORTED' ? 'timeout' : 'network';
      metrics.providerCalls.observe([provider, outcome], seconds(started));
      if (!isOutage(err)) {
        circuit.succeeded(); // it answered: up, even if it refused
      } else {
        const retryAfter = retryAfterSeconds(err);
        circuit.failed(retryAfter === undefined ? undefined : retryAfter * 1000);
      }
      throw err;
    }
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** The seconds the provider's Retry-After asks for, when it gives a positive number of them. */
function retryAfterSeconds(err: AxiosError): number | undefined {
  const retryAfter = Number(err.response?.headers?.['retry-after']);
  return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
}

/** The backoff and timeout of the next try of a failed call, or undefined when it gets none. */
function nextTry(
  config: InternalAxiosRequestConfig,
): { backoffMs: number; timeoutMs: number } | undefined {
  const state = config.simauthCall;
  const method = (config.method ?? 'get').toLowerCase();
  if (!state || !(method === 'get' || config.idempotent) || state.retries >= MAX_RETRIES)
    return undefined;
  // Exponential, with full jitter between half and one and a half of the step.
  const step = BACKOFF_BASE_MS * 2 ** state.retries;
  const backoffMs = randomInt(Math.floor(step / 2), Math.ceil((step * 3) / 2));
  const timeoutMs = state.deadline - Date.now() - backoffMs;
  // Too little time left for a useful try: the caller's timeout has the last word.
  if (timeoutMs < 200) return undefined;
  state.retries++;
  return { backoffMs, timeoutMs };
}

export function statusOf(err: unknown): number | undefined {
  return isAxiosError(err) ? err.response?.status : undefined;
}

/**
 * Maps a failed provider call to a typed error. Only the provider's name and status go into the
 * message: bodies and headers may hold tokens, and axios errors carry our own Authorization header.
 */
export function providerFailure(provider: string, err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (!isAxiosError(err)) return new ProviderError(`${provider} answered unexpectedly`);
  const status = err.response?.status;
  if (status === undefined) {
    const timedOut = err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT';
    return new ProviderUnavailableError(`${provider} did not answer${timedOut ? ' in time' : ''}`);
  }
  if (status === 429 || status >= 500) {
    return new ProviderUnavailableError(
      `${provider} is unavailable (HTTP ${status})`,
      retryAfterSeconds(err) ?? 5,
    );
  }
  return new ProviderError(`${provider} refused the request (HTTP ${status})`, `http_${status}`);
}

/** Reads a required string field of a provider answer, or fails as a malformed answer. */
export function requireString(body: unknown, path: string[], provider: string): string {
  let value: unknown = body;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new ProviderError(`${provider} answered without ${path.join('.')}`, 'malformed_answer');
  }
  return value;
}
