import { NumberNotSupportedError, ProviderUnavailableError } from '@simauth/providers';

/** Why a provider handed a request on to the next of its list. */
type FailoverCause = 'not_supported' | 'unavailable';

/** A provider that handed a request on to the next (SIM_PROOF_PROVIDERS, SIM_SWAP_PROVIDERS), and why. */
export interface Failover<N extends string> {
  provider: N;
  cause: FailoverCause;
}

/**
 * What asking a list of providers came to: the first answer, and who handed on before it; or no
 * answer, `stopped` by an error that is ours to fix, else after the last provider (`unavailable`
 * when one was down, so the same request may be tried again).
 */
type FailoverOutcome<N extends string, T> =
  | { ok: true; provider: N; answer: T; failovers: Failover<N>[] }
  | { ok: false; failovers: Failover<N>[]; error: unknown; stopped: boolean; unavailable: boolean };

/**
 * Asks each provider in its order until one answers, in the same request: one that says "not
 * supported" for the number or is unavailable (timeout, 5xx, open circuit) hands on to the next;
 * anything else (credentials refused, an answer off its API) stops. `count` is told each
 * provider that did not answer, and why (`failed` for a stop); the answer is the caller's to count.
 */
export async function firstAnswer<N extends string, P, T>(
  providers: readonly { name: N; port: P }[],
  ask: (port: P) => Promise<T>,
  count: (provider: N, outcome: FailoverCause | 'failed') => void,
): Promise<FailoverOutcome<N, T>> {
  const failovers: Failover<N>[] = [];
  let unavailable: unknown;
  let unsupported: unknown;
  for (const { name, port } of providers) {
    try {
      return { ok: true, provider: name, answer: await ask(port), failovers };
    } catch (error) {
      const cause =
        error instanceof NumberNotSupportedError
          ? 'not_supported'
          : error instanceof ProviderUnavailableError
            ? 'unavailable'
            : undefined;
      count(name, cause ?? 'failed');
      if (!cause) return { ok: false, failovers, error, stopped: true, unavailable: false };
      failovers.push({ provider: name, cause });
      if (cause === 'unavailable') unavailable ??= error;
      else unsupported ??= error;
    }
  }
  return {
    ok: false,
    failovers,
    error: unavailable ?? unsupported,
    stopped: false,
    unavailable: Boolean(unavailable),
  };
}
