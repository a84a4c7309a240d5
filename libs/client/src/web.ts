import { answerOf, bearer, createApi, SimauthApi } from './http';
import { SimauthProblem } from './problem';
import { EventHandler, readEventStream, readEventText } from './event-stream';

export interface SimauthWebOptions {
  /** simauth's public URL. */
  baseUrl: string;
  /** The `fetch` to use (the platform's by default). */
  fetch?: typeof fetch;
}

export interface StartLoginOptions {
  /**
   * The OpenID interaction this login signs in (the login page's `uid`): the login is started on
   * that interaction's route instead of /v1/logins.
   */
  interaction?: string;
}

export interface StartedLogin {
  loginId: string;
  /** The number to show: the person picks the same one on the phone. */
  matchNumber: number;
  expiresAt: string;
  /** The login's own credential, for following it. */
  pollToken: string;
  status: string;
}

export interface LoginResult {
  status: string;
  /** On MATCH_SUCCESS, to the first reader only. */
  idToken?: string;
}

export interface WaitOptions {
  /** Called with every status the login moves to. */
  onStatus?: (status: string) => void;
  /** Stops waiting (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /**
   * 'auto' (the default) reads the live stream where `fetch` can stream and polls where it
   * cannot (React Native); 'poll' always polls.
   */
  transport?: 'auto' | 'poll';
}

/** A login's statuses after which nothing moves any more. */
const FINAL = [
  'MATCH_SUCCESS',
  'MATCH_FAILED',
  'DENIED',
  'EXPIRED',
  'PROVIDER_ERROR',
  'SIM_SWAP_DETECTED',
];
/** How long to wait before reconnecting or polling again when the server said nothing. */
const DEFAULT_RETRY_MS = 2000;

interface LoginView {
  status: string;
  id_token?: string;
}

/** Whether this platform's fetch gives body streams (not React Native's, built on XHR). */
function platformStreams(): boolean {
  return (
    typeof ReadableStream !== 'undefined' &&
    typeof Response !== 'undefined' &&
    'body' in Response.prototype
  );
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The web's half of a companion login: starts it for a phone number, shows the match number, and
 * follows it live until the phone approved (id_token) or it ended otherwise.
 */
export class SimauthWeb {
  /** The typed REST client (openapi-fetch) for calls this class does not wrap. */
  readonly api: SimauthApi;
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(options: SimauthWebOptions) {
    this.api = createApi(options.baseUrl, options.fetch);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Starts a login for `phoneNumber`: the registered phone is asked to approve it. */
  async startLogin(phoneNumber: string, opts: StartLoginOptions = {}): Promise<StartedLogin> {
    const body = { phone_number: phoneNumber };
    const started = await answerOf(
      opts.interaction
        ? this.api.POST('/oidc/interaction/{uid}/login', {
            params: { path: { uid: opts.interaction } },
            body,
          })
        : this.api.POST('/v1/logins', { body }),
    );
    return {
      loginId: started.login_id,
      matchNumber: started.match_number,
      expiresAt: started.expires_at,
      pollToken: started.poll_token,
      status: started.status,
    };
  }

  /**
   * Follows the login until a final status: over the live stream (reconnecting as its `retry:`
   * says), or by polling where the platform cannot stream. A failure that retrying may mend
   * (network, 429, 503) is retried after its Retry-After; any other rejects as a SimauthProblem.
   */
  async waitForResult(login: StartedLogin, opts: WaitOptions = {}): Promise<LoginResult> {
    let retryMs = DEFAULT_RETRY_MS;
    let lastEventId: string | undefined;
    let stream = opts.transport !== 'poll' && platformStreams();
    let lastStatus: string | undefined;
    const seen = (view: LoginView): LoginResult | undefined => {
      if (view.status !== lastStatus) {
        lastStatus = view.status;
        opts.onStatus?.(view.status);
      }
      if (!FINAL.includes(view.status)) return undefined;
      return { status: view.status, ...(view.id_token ? { idToken: view.id_token } : {}) };
    };
    for (;;) {
      opts.signal?.throwIfAborted();
      try {
        if (stream) {
          const outcome = await this.readStream(login, lastEventId, opts.signal, (event) => {
            if (event.id !== undefined) lastEventId = event.id;
            if (event.retry !== undefined) retryMs = event.retry;
            return event.event === 'status' ? seen(JSON.parse(event.data) as LoginView) : undefined;
          });
          if (outcome === 'cannot-stream') stream = false;
          else if (outcome) return outcome;
        } else {
          const result = seen(await this.poll(login, opts.signal));
          if (result) return result;
        }
      } catch (err) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        const problem = err instanceof SimauthProblem ? err : SimauthProblem.network(err);
        if (!problem.retryable) throw problem;
        if (problem.retryAfter !== undefined) retryMs = problem.retryAfter * 1000;
      }
      await pause(stream ? retryMs : Math.max(retryMs, 1000), opts.signal);
    }
  }

  /** One poll of the login's status. */
  private poll(login: StartedLogin, signal?: AbortSignal): Promise<LoginView> {
    return answerOf(
      this.api.GET('/v1/logins/{id}', {
        params: { path: { id: login.loginId }, header: bearer(login.pollToken) },
        signal,
      }),
    );
  }

  /**
   * Reads one connection of the live stream; resolves to the final result, to undefined when the
   * stream ended before one (reconnect), or to 'cannot-stream' where `fetch` gives no body stream.
   */
  private async readStream(
    login: StartedLogin,
    lastEventId: string | undefined,
    signal: AbortSignal | undefined,
    onEvent: EventHandler<LoginResult>,
  ): Promise<LoginResult | undefined | 'cannot-stream'> {
    const url = `${this.baseUrl}/v1/logins/${encodeURIComponent(login.loginId)}/events?poll_token=${encodeURIComponent(login.pollToken)}`;
    const response = await this.fetch(url, {
      headers: {
        accept: 'text/event-stream',
        ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}),
      },
      signal,
    });
    if (!response.ok) throw await SimauthProblem.fromResponse(response);
    const body = response.body as ReadableStream<Uint8Array> | null | undefined;
    if (!body || typeof body.getReader !== 'function') {
      // A fetch without body streams resolves once the stream ended: its text holds every event.
      const text = await response.text();
      return readEventText(text, onEvent) ?? 'cannot-stream';
    }
    return readEventStream(body, onEvent);
  }
}
