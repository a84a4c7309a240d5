/** The `oidc` section of bench/results.json: the code flow against the login, and the tokens. */
import { median, percentile } from './flows';
import type { CpuUse } from './cpu';
import type { FlowRound } from './run-measures';
import type { StatementCounts } from './oidc-statements';
import type { measureTokenEndpoints } from './oidc-tokens';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Keycloak's sizing guide: one vCPU per 120 refreshes/s and per 120 client_credentials grants/s, TLS included. */
export const KEYCLOAK_PER_VCPU_S = { refresh: 120, client_credentials: 120 };
/** The targets of issue 36 (on an idle machine, medians of the bench's turns). */
export const OIDC_TARGETS = {
  code_flow_api_cpu_ratio_to_login: 2,
  code_flow_pg_cpu_ratio_to_login: 1.5,
  refresh_per_api_cpu_s: 1000,
  refresh_pg_cpu_ms: 0.5,
  client_credentials_per_api_cpu_s: 1500,
};

interface OidcInputs {
  oidc: { flowsPerSecond: number; p50: number; p99: number; flows: number; errors: number };
  oidcCpu: CpuUse;
  oidcRounds: FlowRound[];
  oidcCpuRounds: CpuUse[];
  /** The companion login's measured rounds of the same turns (100k users, process A). */
  loginRounds: FlowRound[];
  loginCpuRounds: CpuUse[];
  statements: StatementCounts;
  tokens: Awaited<ReturnType<typeof measureTokenEndpoints>>;
}

export function oidcResults(i: OidcInputs) {
  const per = (use: number, r: FlowRound) => use / Math.max(1, r.durations.length);
  // Per turn: the code flow's CPU per sign-in over the login's, rounds taken seconds apart.
  const ratios = (
    key: 'api_process_seconds' | 'postgres_seconds' | 'postgres_connections_seconds',
  ) =>
    i.oidcCpuRounds.map((use, t) =>
      round(per(use[key], i.oidcRounds[t]) / per(i.loginCpuRounds[t][key], i.loginRounds[t]), 2),
    );
  const api = ratios('api_process_seconds');
  const pg = ratios('postgres_seconds');
  const pgConnections = ratios('postgres_connections_seconds');
  const { refresh, client_credentials } = i.tokens;
  return {
    code_flow: {
      flows_per_s: round(i.oidc.flowsPerSecond),
      p50_ms: round(i.oidc.p50),
      p99_ms: round(i.oidc.p99),
      errors: i.oidc.errors,
      api_ms_per_flow: round((i.oidcCpu.api_process_seconds * 1000) / Math.max(1, i.oidc.flows)),
      postgres_ms_per_flow: round((i.oidcCpu.postgres_seconds * 1000) / Math.max(1, i.oidc.flows)),
      api_cpu_ratio_to_login: median(api),
      api_cpu_ratio_per_turn: api,
      pg_cpu_ratio_to_login: median(pg),
      pg_cpu_ratio_per_turn: pg,
      // The same for the backends of the api's connections only (no WAL writer, checkpointer,
      // autovacuum): what the statements themselves cost.
      pg_connections_cpu_ratio_to_login: median(pgConnections),
      login_p50_ms: round(
        percentile(
          i.loginRounds.flatMap((r) => r.durations),
          50,
        ),
      ),
      statements_per_step: i.statements.per_step,
      statements_per_flow: i.statements.per_flow,
    },
    refresh: { ...refresh, statements: i.statements.refresh },
    client_credentials: { ...client_credentials, statements: i.statements.client_credentials },
    token_load: {
      workers: i.tokens.workers,
      turns: i.tokens.turns,
      round_seconds: i.tokens.round_seconds,
    },
    keycloak_per_vcpu_s: KEYCLOAK_PER_VCPU_S,
    targets: OIDC_TARGETS,
  };
}
