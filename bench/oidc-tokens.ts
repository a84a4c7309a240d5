/**
 * The token endpoints under load, as a relying party's server and an operators' script call
 * them: refresh-token rotation and client_credentials grants, 16 concurrent clients measured from
 * outside, plain and through a TLS-terminating proxy, and a refresh for an RS256 client.
 */
import { Agent } from 'undici';
import type { VirtualUser } from './flows';
import { median } from './flows';
import {
  REFRESH_CLIENT,
  REFRESH_RS256_CLIENT,
  SERVICE_CLIENT,
  signIn,
  tokenRequest,
} from './oidc-flow';
import { CpuUse, cpuSeconds, measureCpu } from './cpu';

export const TOKEN_WORKERS = 16;

export type TokenKind = 'refresh' | 'refresh_rs256' | 'refresh_tls' | 'cc' | 'cc_tls';
export const TOKEN_KINDS: TokenKind[] = ['refresh', 'refresh_rs256', 'refresh_tls', 'cc', 'cc_tls'];

export interface TokenRound {
  requests: number;
  errors: number;
  elapsedSeconds: number;
  cpu: CpuUse;
  /** CPU seconds of the TLS proxy in the round (0 without it). */
  tlsProxySeconds: number;
}

/** Keeps a refresh token chain per worker; each refresh rotates it (the old one is consumed). */
export class TokenLoad {
  private chains: Record<'es256' | 'rs256', string[]> = { es256: [], rs256: [] };
  private readonly plain = new Agent({ connections: TOKEN_WORKERS, keepAliveTimeout: 30_000 });
  private readonly tls: Agent;

  constructor(
    private readonly api: string,
    private readonly tlsUrl: string,
    ca: string,
  ) {
    this.tls = new Agent({
      connections: TOKEN_WORKERS,
      keepAliveTimeout: 30_000,
      connect: { ca },
    });
  }

  /** A sign-in with offline_access for each worker, per client: the chains' first tokens. */
  async start(users: VirtualUser[]): Promise<void> {
    for (const [alg, client] of [
      ['es256', REFRESH_CLIENT],
      ['rs256', REFRESH_RS256_CLIENT],
    ] as const) {
      this.chains[alg] = await Promise.all(
        Array.from({ length: TOKEN_WORKERS }, async (_, i) => {
          const tokens = await signIn(users[i % users.length], {
            client,
            scope: 'openid phone offline_access',
          });
          if (!tokens.refresh_token) throw new Error('no refresh token');
          return tokens.refresh_token;
        }),
      );
    }
  }

  /** One request of `kind` by worker `i`. */
  private async one(kind: TokenKind, i: number): Promise<void> {
    const tls = kind.endsWith('_tls');
    const url = `${tls ? this.tlsUrl : this.api}/oidc/token`;
    const dispatcher = tls ? this.tls : this.plain;
    if (kind === 'cc' || kind === 'cc_tls') {
      const body = await tokenRequest(
        url,
        SERVICE_CLIENT,
        { grant_type: 'client_credentials', scope: 'simauth:admin' },
        dispatcher,
      );
      if (!body.access_token) throw new Error('no access token');
      return;
    }
    const alg = kind === 'refresh_rs256' ? 'rs256' : 'es256';
    const client = alg === 'rs256' ? REFRESH_RS256_CLIENT : REFRESH_CLIENT;
    const body = await tokenRequest(
      url,
      client,
      { grant_type: 'refresh_token', refresh_token: this.chains[alg][i] },
      dispatcher,
    );
    if (!body.refresh_token || !body.id_token) throw new Error('no rotated refresh token');
    this.chains[alg][i] = body.refresh_token;
  }

  /** `seconds` of `kind` by every worker at once, unmeasured (warm-up) or measured. */
  async run(kind: TokenKind, seconds: number) {
    let requests = 0;
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: TOKEN_WORKERS }, async (_, i) => {
        while (performance.now() < deadline) {
          try {
            await this.one(kind, i);
            requests++;
          } catch {
            errors++;
            // A failed rotation loses the chain: stop this worker rather than count failures.
            if (kind.startsWith('refresh')) return;
          }
        }
      }),
    );
    return { requests, errors, elapsedSeconds: (performance.now() - started) / 1000 };
  }

  async measure(
    kind: TokenKind,
    seconds: number,
    pids: { api: number; sandbox: number; postmaster: number; tlsProxy: number },
  ): Promise<TokenRound> {
    const proxyBefore = cpuSeconds(pids.tlsProxy);
    const { result, cpu } = await measureCpu(pids, () => this.run(kind, seconds));
    return { ...result, cpu, tlsProxySeconds: cpuSeconds(pids.tlsProxy) - proxyBefore };
  }

  async close(): Promise<void> {
    await Promise.all([this.plain.close(), this.tls.close()]);
  }
}

const r = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** The figures of one kind over its rounds: medians of the per-round values. */
export function tokenFigures(rounds: TokenRound[]) {
  const per = (f: (t: TokenRound) => number) => median(rounds.map(f));
  const n = (t: TokenRound) => Math.max(1, t.requests);
  return {
    per_s: r(per((t) => t.requests / t.elapsedSeconds)),
    per_api_cpu_s: r(
      per((t) => t.requests / Math.max(0.01, t.cpu.api_process_seconds)),
      0,
    ),
    pg_cpu_ms: r(
      per((t) => (t.cpu.postgres_seconds * 1000) / n(t)),
      2,
    ),
    api_cpu_ms: r(
      per((t) => (t.cpu.api_process_seconds * 1000) / n(t)),
      3,
    ),
    // Of it, the backends of the api's connections (the statements themselves), without the
    // server's background work (WAL writer, checkpointer, autovacuum).
    pg_connections_cpu_ms: r(
      per((t) => (t.cpu.postgres_connections_seconds * 1000) / n(t)),
      2,
    ),
    per_pg_cpu_s: r(
      per((t) => t.requests / Math.max(0.01, t.cpu.postgres_seconds)),
      0,
    ),
    // With TLS: the api and the proxy that terminates TLS for it, as one vCPU would run both.
    per_api_and_tls_cpu_s: r(
      per((t) => t.requests / Math.max(0.01, t.cpu.api_process_seconds + t.tlsProxySeconds)),
      0,
    ),
    requests: rounds.reduce((a, t) => a + t.requests, 0),
    errors: rounds.reduce((a, t) => a + t.errors, 0),
  };
}

const TOKEN_TURNS = 3;
const TOKEN_ROUND_SECONDS = 3;

/**
 * Every kind of token request in turns (each kind once per turn, the order reversed every other
 * turn), after a warm-up of each; `afterTurn` runs between turns (the memory samples).
 */
export async function measureTokenEndpoints(
  load: TokenLoad,
  pids: { api: number; sandbox: number; postmaster: number; tlsProxy: number },
  afterTurn: (turn: number) => Promise<void>,
) {
  for (const kind of TOKEN_KINDS) await load.run(kind, 1);
  const rounds = Object.fromEntries(TOKEN_KINDS.map((k) => [k, [] as TokenRound[]])) as Record<
    TokenKind,
    TokenRound[]
  >;
  for (let turn = 0; turn < TOKEN_TURNS; turn++) {
    const order = turn % 2 ? [...TOKEN_KINDS].reverse() : TOKEN_KINDS;
    for (const kind of order)
      rounds[kind].push(await load.measure(kind, TOKEN_ROUND_SECONDS, pids));
    await afterTurn(turn);
  }
  const f = Object.fromEntries(TOKEN_KINDS.map((k) => [k, tokenFigures(rounds[k])])) as Record<
    TokenKind,
    ReturnType<typeof tokenFigures>
  >;
  return {
    refresh: { ...f.refresh, rs256: f.refresh_rs256, tls: f.refresh_tls },
    client_credentials: { ...f.cc, tls: f.cc_tls },
    turns: TOKEN_TURNS,
    round_seconds: TOKEN_ROUND_SECONDS,
    workers: TOKEN_WORKERS,
  };
}
