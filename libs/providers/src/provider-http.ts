import axios, { AxiosInstance, isAxiosError } from 'axios';
import { DomainError, metrics } from '@simauth/http';
import { ProviderError, ProviderUnavailableError } from './provider.errors';

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
}

/** An axios client for one provider: base URL, timeout, no redirects, 2xx only; calls are timed. */
export function providerHttpClient(
  settings: ProviderHttpSettings,
  provider = 'provider',
): AxiosInstance {
  const client = axios.create({
    baseURL: settings.baseUrl,
    timeout: settings.timeoutMs,
    maxRedirects: 0,
    ...(settings.outboundProxy ? {} : { proxy: false as const }),
    validateStatus: (status) => status >= 200 && status < 300,
    headers: { 'User-Agent': 'simauth' },
  });
  const started = new WeakMap<object, (labels?: { outcome?: string }) => number>();
  client.interceptors.request.use((config) => {
    started.set(config, metrics.providerCalls.startTimer({ provider }));
    return config;
  });
  client.interceptors.response.use(
    (res) => {
      started.get(res.config)?.({ outcome: String(res.status) });
      return res;
    },
    (err) => {
      const outcome = err?.response?.status
        ? String(err.response.status)
        : err?.code === 'ECONNABORTED'
          ? 'timeout'
          : 'network';
      if (err?.config) started.get(err.config)?.({ outcome });
      return Promise.reject(err);
    },
  );
  return client;
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
    const retryAfter = Number(err.response?.headers?.['retry-after']);
    return new ProviderUnavailableError(
      `${provider} is unavailable (HTTP ${status})`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 5,
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
