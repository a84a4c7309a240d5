/** The table `npm run bench` prints from its results (also written to bench/results.json). */
export function printResults(r: any): void {
  const rows: [string, string, string][] = [
    [
      '/health/live req/s (p99 ms)',
      `${r.simple_endpoint.simauth_rps} (${r.simple_endpoint.simauth_p99_ms})`,
      `bare node:http ${r.simple_endpoint.bare_node_http_rps} (${r.simple_endpoint.bare_node_http_p99_ms}); ratio ${r.simple_endpoint.ratio} (turns ${r.simple_endpoint.ratio_per_turn.join(', ')})`,
    ],
    [
      'empty Nest app on Fastify',
      `${r.simple_endpoint.empty_nest_fastify_rps} (${r.simple_endpoint.empty_nest_fastify_p99_ms})`,
      `ratio ${r.simple_endpoint.empty_nest_fastify_ratio} (the framework's floor)`,
    ],
    [
      '/health/live CPU µs per request',
      `${r.simple_endpoint.simauth_cpu_us_per_request}`,
      `bare ${r.simple_endpoint.bare_node_http_cpu_us_per_request}, empty Nest ${r.simple_endpoint.empty_nest_fastify_cpu_us_per_request}; bare/simauth ${r.simple_endpoint.cpu_ratio}`,
    ],
    [
      'login flows/s, 1k users',
      `${r.companion_login.users_1k.flows_per_s}`,
      `p50 ${r.companion_login.users_1k.p50_ms} ms, p99 ${r.companion_login.users_1k.p99_ms} ms, errors ${r.companion_login.users_1k.errors}`,
    ],
    [
      'login flows/s, 100k users',
      `${r.companion_login.users_100k.flows_per_s}`,
      `p50 ${r.companion_login.users_100k.p50_ms} ms, p99 ${r.companion_login.users_100k.p99_ms} ms, errors ${r.companion_login.users_100k.errors}`,
    ],
    [
      'p50 ratio 100k/1k',
      `${r.companion_login.p50_ratio_100k_to_1k}`,
      `turns ${r.companion_login.p50_ratio_per_turn.join(', ')}; seeding to 100k took ${r.companion_login.seed_seconds.to_100k} s`,
    ],
    [
      'SSE A→B from commit, p50/p99 ms',
      `${r.live_status.p50_ms} / ${r.live_status.p99_ms}`,
      `target p99 < 50 ms; from the request to A: ${r.live_status.p50_ms_from_request} / ${r.live_status.p99_ms_from_request} (${r.live_status.transitions} moves)`,
    ],
    [
      'SQL statements per flow',
      `${r.database.statements_per_flow}`,
      `design minimum ${r.database.minimum_by_design}`,
    ],
    [
      'skeleton login flows/s, 100k',
      `${r.skeleton.flows_per_s}`,
      `p50 ${r.skeleton.p50_ms} ms, p99 ${r.skeleton.p99_ms} ms, errors ${r.skeleton.errors}; statements per flow ${r.skeleton.statements_per_flow}`,
    ],
    [
      'simauth / skeleton: api CPU per flow',
      `${r.skeleton.api_cpu_ratio}`,
      `target ≤ 1.5; the median of the turns ${r.skeleton.api_cpu_ratio_per_turn.join(', ')}; all turns together api ${r.cpu_during_100k_flows.api_ms_per_flow} ms vs ${r.skeleton.api_ms_per_flow} ms, of which V8's worker threads (garbage collection, compilation) ${r.cpu_during_100k_flows.api_v8_workers_ms_per_flow} ms vs ${r.skeleton.api_v8_workers_ms_per_flow} ms`,
    ],
    [
      'api CPU per login while warming up',
      `${r.warm_up.api_ms_per_login_first} → ${r.warm_up.api_ms_per_login_last} ms`,
      `its first ${r.warm_up.sample_logins} logins after starting, then its last ${r.warm_up.sample_logins} of ${r.warm_up.logins_per_process} before the turns (process A, the 1k process and the skeleton each warm up on ${r.warm_up.logins_per_process} logins, process A also on ${r.warm_up.code_flows} code flows; errors ${r.warm_up.errors}, left out of the per-login figures)`,
    ],
    [
      'simauth / skeleton: flows/s',
      `${r.skeleton.flows_per_s_ratio}`,
      `turns ${r.skeleton.flows_per_s_ratio_per_turn.join(', ')}; Postgres ms per flow ${r.cpu_during_100k_flows.postgres_ms_per_flow} vs ${r.skeleton.postgres_ms_per_flow}`,
    ],
    [
      'CPU s in 100k flows',
      `api ${r.cpu_during_100k_flows.api_process_seconds}, pg ${r.cpu_during_100k_flows.postgres_seconds}`,
      `sandbox ${r.cpu_during_100k_flows.sandbox_process_seconds}, load generator ${r.cpu_during_100k_flows.load_generator_seconds}; ${r.cpu_during_100k_flows.wall_seconds} s wall on ${r.machine.cores} cores`,
    ],
    [
      'CPU ms per flow (100k)',
      `api ${r.cpu_during_100k_flows.api_ms_per_flow}, pg ${r.cpu_during_100k_flows.postgres_ms_per_flow}`,
      `Postgres limits from ${r.cpu_during_100k_flows.api_cores_per_postgres_core} api cores per Postgres core`,
    ],
    [
      'OIDC code flows/s, 100k users',
      `${r.oidc_code_flow.flows_per_s}`,
      `p50 ${r.oidc_code_flow.p50_ms} ms, p99 ${r.oidc_code_flow.p99_ms} ms, errors ${r.oidc_code_flow.errors}; CPU ms per flow: api ${r.oidc_code_flow.api_ms_per_flow}, pg ${r.oidc_code_flow.postgres_ms_per_flow}`,
    ],
    ...oidcRows(r),
    ...memoryRows(r),
    [
      'limits raised, not measured',
      'per phone, IP, attempt, client',
      "RATE_LIMIT_* at 1000000/60: their counters still run (their cost is measured), never hit; the client endpoints send successful answers' hits every 100 ms, as below half a budget",
    ],
    [
      'Postgres connections opened',
      `${r.postgres_sessions_opened}`,
      'from the warm-up to the end: the pools opening connections again (SCRAM, a new backend, its statements prepared again)',
    ],
    ['bench duration', `${r.bench_seconds} s`, `${r.machine.cores} cores, Node ${r.machine.node}`],
  ];
  const w = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.map((x) => x[1].length))];
  console.log(`\nsimauth bench\n${'-'.repeat(w[0] + w[1] + 40)}`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c}`);
  console.log('\nwritten to bench/results.json');
}

const tokenRow = (
  name: string,
  t: any,
  target: string,
  keycloak: number,
): [string, string, string][] => [
  [
    `${name} per api CPU-s`,
    `${t.per_api_cpu_s}`,
    `${target}; Keycloak ${keycloak}/vCPU-s (TLS included); pg ${t.pg_cpu_ms} ms (${t.per_pg_cpu_s} per pg CPU-s; its connections' backends ${t.pg_connections_cpu_ms} ms), ${t.statements} statements each; ${t.per_s}/s, errors ${t.errors}`,
  ],
  [
    `${name} behind TLS`,
    `${t.tls.per_api_and_tls_cpu_s}`,
    `per CPU-s of the api and its TLS proxy together (api alone ${t.tls.per_api_cpu_s}); pg ${t.tls.pg_cpu_ms} ms; ${t.tls.per_s}/s, errors ${t.tls.errors}`,
  ],
];

function oidcRows(r: any): [string, string, string][] {
  const o = r.oidc;
  const c = o.code_flow;
  const steps = Object.entries(c.statements_per_step)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return [
    [
      'OIDC code flow / login: api CPU',
      `${c.api_cpu_ratio_to_login}`,
      `target ≤ ${o.targets.code_flow_api_cpu_ratio_to_login}; the median of the turns ${c.api_cpu_ratio_per_turn.join(', ')}; all turns together ${c.api_ms_per_flow} ms vs ${r.cpu_during_100k_flows.api_ms_per_flow} ms`,
    ],
    [
      'OIDC code flow / login: pg CPU',
      `${c.pg_cpu_ratio_to_login}`,
      `target ≤ ${o.targets.code_flow_pg_cpu_ratio_to_login}; the median of the turns ${c.pg_cpu_ratio_per_turn.join(', ')}; all turns together ${c.postgres_ms_per_flow} ms vs ${r.cpu_during_100k_flows.postgres_ms_per_flow} ms; connections' backends only ${c.pg_connections_cpu_ratio_to_login}`,
    ],
    ['OIDC statements per sign-in', `${c.statements_per_flow}`, steps],
    ...tokenRow(
      'refresh',
      o.refresh,
      `target ≥ ${o.targets.refresh_per_api_cpu_s}, pg ≤ ${o.targets.refresh_pg_cpu_ms} ms`,
      o.keycloak_per_vcpu_s.refresh,
    ),
    [
      'refresh, RS256 id_token',
      `${o.refresh.rs256.per_api_cpu_s}`,
      `per api CPU-s (ES256: ${o.refresh.per_api_cpu_s}); pg ${o.refresh.rs256.pg_cpu_ms} ms; ${o.refresh.rs256.per_s}/s, errors ${o.refresh.rs256.errors}`,
    ],
    ...tokenRow(
      'client_credentials',
      o.client_credentials,
      `target ≥ ${o.targets.client_credentials_per_api_cpu_s}`,
      o.keycloak_per_vcpu_s.client_credentials,
    ),
  ];
}

function memoryRows(r: any): [string, string, string][] {
  const m = r.memory;
  return [
    [
      'api RSS after the bench',
      `${m.api_rss_mb_after} MB`,
      `target ≤ 256 MB; growth from the second turn ${m.api_rss_growth_ratio} (target < 1.1); node ${m.api_node_flags.join(' ')}`,
    ],
    ...m.samples.map((x: any): [string, string, string] => [
      `  after ${x.after}`,
      `${x.rss_mb} MB`,
      `peak ${x.rss_peak_mb} MB; V8 heap used ${x.heap_used_mb} MB of ${x.heap_total_mb} MB`,
    ]),
  ];
}
