/**
 * The SQL statements of each step of an OpenID Connect sign-in (and of one refresh and one
 * client_credentials grant), counted with pg_stat_statements as bench/login-sql.ts's 16 are for
 * the companion login: flows run one at a time, and the statements' calls are read between steps.
 */
import { Client } from 'pg';
import type { VirtualUser } from './flows';
import { median } from './flows';
import {
  BENCH_CLIENT,
  OIDC_STEPS,
  OidcStep,
  REFRESH_CLIENT,
  SERVICE_CLIENT,
  signIn,
  tokenRequest,
} from './oidc-flow';

/** Calls so far of each statement of this database (the count's own reads left out). */
async function snapshot(db: Client): Promise<Map<string, number>> {
  const { rows } = await db.query<{ query: string; calls: number }>(
    `SELECT s.query, sum(s.calls)::int AS calls FROM pg_stat_statements s
       JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = current_database() AND s.query NOT ILIKE '%pg_stat_statements%'
      GROUP BY s.query`,
  );
  return new Map(rows.map((r) => [r.query, r.calls]));
}

function diff(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [query, calls] of after) {
    const d = calls - (before.get(query) ?? 0);
    if (d > 0) out.set(query, d);
  }
  return out;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export interface StatementCounts {
  /** Median over the flows of each step's statements. */
  per_step: Record<OidcStep, number>;
  per_flow: number;
  refresh: number;
  client_credentials: number;
  /** Each statement's calls per flow (per request for the two grants), by step. */
  detail: Record<string, Record<string, number>>;
}

/**
 * Counts `flows` sign-ins of `vu` (the public bench client, as the code flow's figures), then
 * `flows` refreshes and client_credentials grants, one at a time. Other processes on the database
 * (timers, other replicas) may add a statement now and then: each step's figure is the median.
 */
export async function countOidcStatements(
  vu: VirtualUser,
  db: Client,
  flows = 10,
): Promise<StatementCounts> {
  const steps = Object.fromEntries(OIDC_STEPS.map((s) => [s, [] as number[]])) as Record<
    OidcStep,
    number[]
  >;
  const detail: Record<string, Map<string, number>> = {};
  const add = (name: string, d: Map<string, number>) => {
    const into = (detail[name] ??= new Map());
    for (const [q, n] of d) into.set(q, (into.get(q) ?? 0) + n);
  };
  const perFlow: number[] = [];
  for (let i = 0; i < flows; i++) {
    const start = await snapshot(db);
    let last = start;
    await signIn(vu, {
      client: BENCH_CLIENT,
      scope: 'openid phone',
      after: async (step) => {
        const now = await snapshot(db);
        const d = diff(last, now);
        steps[step].push(total(d));
        add(step, d);
        last = now;
      },
    });
    perFlow.push(total(diff(start, last)));
  }
  // A refresh chain and a service client, counted per request.
  let { refresh_token } = await signIn(vu, {
    client: REFRESH_CLIENT,
    scope: 'openid phone offline_access',
  });
  const grants = async (name: string, one: () => Promise<void>) => {
    const counts: number[] = [];
    for (let i = 0; i < flows; i++) {
      const before = await snapshot(db);
      await one();
      const d = diff(before, await snapshot(db));
      counts.push(total(d));
      add(name, d);
    }
    return median(counts);
  };
  const token = `${vu.api}/oidc/token`;
  const refresh = await grants('refresh', async () => {
    const body = await tokenRequest(token, REFRESH_CLIENT, {
      grant_type: 'refresh_token',
      refresh_token: refresh_token!,
    });
    refresh_token = body.refresh_token;
  });
  const clientCredentials = await grants('client_credentials', async () => {
    await tokenRequest(token, SERVICE_CLIENT, {
      grant_type: 'client_credentials',
      scope: 'simauth:admin',
    });
  });
  const per = (name: string) => {
    const out: Record<string, number> = {};
    for (const [q, n] of detail[name] ?? []) {
      const calls = n / flows;
      if (calls >= 0.5) out[q.replace(/\s+/g, ' ').slice(0, 160)] = Math.round(calls * 10) / 10;
    }
    return out;
  };
  return {
    per_step: Object.fromEntries(OIDC_STEPS.map((s) => [s, median(steps[s])])) as Record<
      OidcStep,
      number
    >,
    per_flow: median(perFlow),
    refresh,
    client_credentials: clientCredentials,
    detail: Object.fromEntries(
      [...OIDC_STEPS, 'refresh', 'client_credentials'].map((s) => [s, per(s)]),
    ),
  };
}
