/**
 * `npm run bench`: measures simauth on this machine and prints one table (also written to
 * bench/results.json). Everything it needs is started here: an embedded Postgres, the provider
 * sandbox (tru.ID, Vonage, FCM) in its own process with latency 0, api processes sharing it
 * (SANDBOX_URL: A and B on the database grown to 100,000 users, a third on one kept at 1,000),
 * a bare node:http baseline and an empty Nest app on Fastify.
 * Numbers are printed, never asserted.
 */
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { EmbeddedDatabase, createDatabase, findFreePort, runMigrations } from '@simauth/database';
import {
  startApiProcess,
  startBareServer,
  startNestBaseline,
  startSandboxProcess,
  startSkeletonProcess,
} from './processes';
import {
  VirtualUser,
  call,
  companionLogin,
  median,
  percentile,
  registerUsers,
  runFor,
} from './flows';
import { openStatusStream } from './sse';
import { oidcCodeFlow } from './oidc-flow';
import { CpuUse, cpuSeconds, measureCpu, sumCpu } from './cpu';

const VIRTUAL_USERS = 16;
// Logins at 1,000 and at 100,000 users run in alternating rounds, each size on its own database
// and api process, so that a machine whose speed drifts during the run treats both sizes alike.
const FLOW_TURNS = 5;
const FLOW_ROUND_SECONDS = 4;
const LOAD_SECONDS = 2;
const SSE_TRANSITIONS = 1000;
// The OpenID Connect code flow (the companion login behind the provider), on the 100k database.
const OIDC_TURNS = 3;

// The design's floor for one login, counted from the flow: start (find user, insert attempt),
// push (devices), approve (device, attempt, move, check ref), code (device, attempt, two moves),
// poll (by token, claim) = 13, less the two device reads a cache could save = 11; plus the
// rate-limit counters, one statement on each of the three public POSTs (the address's counter
// with the phone number's on the start, with the attempt's on approve and code) = 14.
const MINIMUM_STATEMENTS_PER_FLOW = 14;

const WARM_UP_SECONDS = 2;
const SIMPLE_TURNS = 8;
const SMALL_DATABASE = 'simauth_bench_1k';
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

interface Server {
  url: string;
  pid: number;
}

/**
 * req/s, p99 and CPU per request of each server, measured in short turns (simauth, bare, Nest,
 * simauth, …) so that a machine whose speed drifts treats them alike. The figures are medians
 * of the turns, and each ratio is the median of the ratios within a turn (servers measured
 * seconds apart), not a ratio of medians taken minutes apart. req/s also depends on the load
 * generator sharing the 2 cores; CPU per request (the server process's user + system time over
 * the requests it answered) does not.
 */
async function simpleEndpoint(servers: Record<'simauth' | 'bare' | 'nest', Server>) {
  const urls = Object.fromEntries(Object.entries(servers).map(([k, s]) => [k, s.url])) as Record<
    keyof typeof servers,
    string
  >;
  const turns: Record<keyof typeof urls, { rps: number; p99: number; cpuUs: number }[]> = {
    simauth: [],
    bare: [],
    nest: [],
  };
  // Unrecorded first: every server is measured warm (JIT-compiled), as in production.
  for (const url of Object.values(urls))
    await autocannon({ url, connections: 50, duration: WARM_UP_SECONDS });
  for (let turn = 0; turn < SIMPLE_TURNS; turn++) {
    for (const [name, url] of Object.entries(urls) as [keyof typeof urls, string][]) {
      const cpuBefore = cpuSeconds(servers[name].pid);
      const result = await autocannon({ url, connections: 50, duration: LOAD_SECONDS });
      const cpuUs = ((cpuSeconds(servers[name].pid) - cpuBefore) * 1e6) / result.requests.total;
      turns[name].push({ rps: result.requests.average, p99: result.latency.p99, cpuUs });
    }
  }
  const summary = (name: keyof typeof urls) => ({
    rps: median(turns[name].map((t) => t.rps)),
    p99: median(turns[name].map((t) => t.p99)),
    cpuUs: median(turns[name].map((t) => t.cpuUs)),
  });
  const perTurn = (of: (i: number) => number) => turns.bare.map((_, i) => of(i));
  const ratios = perTurn((i) => turns.simauth[i].rps / turns.bare[i].rps);
  return {
    simple: summary('simauth'),
    baseline: summary('bare'),
    framework: summary('nest'),
    ratio: median(ratios),
    cpuRatio: median(perTurn((i) => turns.bare[i].cpuUs / turns.simauth[i].cpuUs)),
    frameworkRatio: median(perTurn((i) => turns.nest[i].rps / turns.bare[i].rps)),
    ratios: ratios.map((r) => round(r, 2)),
  };
}

async function seedUsers(db: Client, total: number): Promise<number> {
  const t0 = performance.now();
  // Bulk: one INSERT … SELECT each for users, their devices and a finished login of each.
  await db.query(
    `INSERT INTO users (id, phone_number)
     SELECT gen_random_uuid(), '+4479' || lpad(g::text, 8, '0') FROM generate_series(1, $1) g
     ON CONFLICT (phone_number) DO NOTHING`,
    [total],
  );
  await db.query(
    `INSERT INTO devices (id, user_id, client_device_id, credential_hash, push_token)
     SELECT gen_random_uuid(), u.id, 'seeded', sha256(u.id::text::bytea), 'seeded-' || u.id
       FROM users u WHERE u.phone_number LIKE '+4479%'
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO attempts (id, kind, status, is_final, phone_number, user_id, expires_at, created_at, updated_at)
     SELECT gen_random_uuid(), 'companion_login', 'MATCH_SUCCESS', true, u.phone_number, u.id,
            now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
       FROM users u WHERE u.phone_number LIKE '+4479%'
        AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.user_id = u.id)`,
  );
  // As after any bulk load: vacuumed and analysed now, and checkpointed, so that neither
  // autovacuum nor the checkpoint the load's WAL calls for runs during the measured rounds.
  await db.query('VACUUM ANALYZE');
  await db.query('CHECKPOINT');
  return (performance.now() - t0) / 1000;
}

type FlowRound = Awaited<ReturnType<typeof runFor>>;

/** The rounds of one size together: rate over their time, percentiles over all their flows. */
function summarize(rounds: FlowRound[]) {
  const durations = rounds.flatMap((r) => r.durations);
  const seconds = rounds.reduce((sum, r) => sum + r.elapsedSeconds, 0);
  return {
    flowsPerSecond: durations.length / seconds,
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    flows: durations.length,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * Moves logins on process A (PENDING → DENIED) while an SSE client of process B watches each.
 * The latency runs from the move's commit, as Postgres recorded it (track_commit_timestamp), to
 * the moment the client read the event; both clocks are this machine's wall clock.
 */
async function sseLatency(users: VirtualUser[], a: string, b: string, db: Client) {
  const received = new Map<string, number>(); // login id → wall-clock ms the event was read
  const afterSend: number[] = [];
  let next = 0;
  await Promise.all(
    users.map(async (vu) => {
      while (next < SSE_TRANSITIONS) {
        next++;
        const started = await call('POST', `${a}/v1/logins`, { phone_number: vu.phone });
        const stream = await openStatusStream(
          `${b}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
        );
        await stream.until('PENDING');
        const sent = performance.now();
        await call(
          'POST',
          `${a}/v1/logins/${started.body.login_id}/deny`,
          undefined,
          vu.deviceToken,
        );
        const seen = await stream.until('DENIED');
        stream.close();
        received.set(started.body.login_id, performance.timeOrigin + seen);
        afterSend.push(seen - sent);
      }
    }),
  );
  const { rows } = await db.query<{ id: string; committed_ms: number }>(
    `SELECT attempt_id::text AS id,
            extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000 AS committed_ms
       FROM attempt_events
      WHERE to_status = 'DENIED' AND attempt_id = ANY($1::uuid[])`,
    [[...received.keys()]],
  );
  if (rows.length !== received.size) {
    throw new Error(`found the commit of ${rows.length} of ${received.size} moves`);
  }
  const afterCommit = rows.map((r) => received.get(r.id)! - Number(r.committed_ms));
  return {
    transitions: afterSend.length,
    p50: percentile(afterCommit, 50),
    p99: percentile(afterCommit, 99),
    p50FromRequest: percentile(afterSend, 50),
    p99FromRequest: percentile(afterSend, 99),
  };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'simauth-bench-'));
  chmodSync(dir, 0o755);
  console.error('bench: starting Postgres, the sandbox, three api processes and two baselines…');
  const pg = await EmbeddedDatabase.start({
    dir: join(dir, 'pg'),
    port: 0,
    // Durable, as a deployment runs it: every commit waits for its WAL to reach the disk (the
    // tests' fsync=off would flatter Postgres, and with it every figure of the flows).
    fast: false,
    databaseName: 'simauth_bench',
    extraFlags: [
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'max_connections=200',
      // The commit time of each move, for the live status latency (pg_xact_commit_timestamp).
      '-c',
      'track_commit_timestamp=on',
    ],
  });
  await runMigrations(pg.url);
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

  // The database kept at 1,000 users; the first one grows to 100,000.
  const smallUrl = await createDatabase(db, pg.url, SMALL_DATABASE);
  await runMigrations(smallUrl);
  const smallDb = new Client({ connectionString: smallUrl });
  await smallDb.connect();

  const [portA, portB, portSmall, bare, sandboxPort, nestPort, skeletonPort] = await Promise.all(
    Array.from({ length: 7 }, findFreePort),
  );
  const sandbox = await startSandboxProcess(sandboxPort);
  const apiA = await startApiProcess(pg.url, portA, sandbox);
  const apiB = await startApiProcess(pg.url, portB, sandbox);
  const apiSmall = await startApiProcess(smallUrl, portSmall, sandbox);
  const bareServer = await startBareServer(bare);
  const nestServer = await startNestBaseline(nestPort);
  // The limit: the same flow with no framework, on the same database and sandbox as process A.
  const skeleton = await startSkeletonProcess(pg.url, skeletonPort, sandbox);

  try {
    console.error('bench: /health/live vs bare node:http…');
    const { simple, baseline, framework, ratio, cpuRatio, frameworkRatio, ratios } =
      await simpleEndpoint({
        simauth: { url: `${apiA.url}/health/live`, pid: apiA.child.pid! },
        bare: bareServer,
        nest: nestServer,
      });

    console.error('bench: registering virtual users over HTTP…');
    const users = await registerUsers(apiA.url, apiA.sandboxUrl, '+447700928', VIRTUAL_USERS);
    // Other numbers: the two sets share the sandbox's push inboxes, named after the number.
    const smallUsers = await registerUsers(
      apiSmall.url,
      apiSmall.sandboxUrl,
      '+447700929',
      VIRTUAL_USERS,
    );
    const seed1k = await seedUsers(smallDb, 1000 - VIRTUAL_USERS);
    const seed100k = await seedUsers(db, 100_000 - VIRTUAL_USERS);

    console.error(
      `bench: companion logins, 1,000 and 100,000 registered users in ${FLOW_TURNS} alternating rounds…`,
    );
    // The same virtual users drive simauth (process A) and the skeleton, by turns.
    const on = (api: string) => {
      for (const vu of users) vu.api = api;
    };
    await runFor(WARM_UP_SECONDS, smallUsers, companionLogin);
    on(skeleton.url);
    await runFor(WARM_UP_SECONDS, users, companionLogin);
    on(apiA.url);
    await runFor(WARM_UP_SECONDS, users, companionLogin);
    await db.query('SELECT pg_stat_statements_reset()');
    const postmaster = await pg.serverPid();
    if (postmaster === undefined) throw new Error('the embedded Postgres server is not running');
    const cpuPids = { api: apiA.child.pid!, sandbox: sandbox.child.pid!, postmaster };
    const skeletonPids = { ...cpuPids, api: skeleton.pid };
    const smallRounds: FlowRound[] = [];
    const largeRounds: FlowRound[] = [];
    const cpuRounds: CpuUse[] = [];
    const skeletonRounds: FlowRound[] = [];
    const skeletonCpuRounds: CpuUse[] = [];
    const statements = { simauth: 0, skeleton: 0 };
    const statementCalls = async () =>
      (
        await db.query(
          `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements s
             JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = current_database() AND s.query NOT ILIKE '%pg_stat_statements%'`,
        )
      ).rows[0].calls as number;
    /** A measured round of 100k-user logins on `api`: its CPU, and its statements counted. */
    const measuredRound = async (api: 'simauth' | 'skeleton') => {
      on(api === 'simauth' ? apiA.url : skeleton.url);
      const before = await statementCalls();
      const measured = await measureCpu(api === 'simauth' ? cpuPids : skeletonPids, () =>
        runFor(FLOW_ROUND_SECONDS, users, companionLogin),
      );
      // Less the one statement that read the count before.
      statements[api] += (await statementCalls()) - before - 1;
      (api === 'simauth' ? largeRounds : skeletonRounds).push(measured.result);
      (api === 'simauth' ? cpuRounds : skeletonCpuRounds).push(measured.cpu);
    };
    for (let turn = 0; turn < FLOW_TURNS; turn++) {
      smallRounds.push(await runFor(FLOW_ROUND_SECONDS, smallUsers, companionLogin));
      // Which of the two goes first alternates, so neither always follows the other.
      const pair: ('simauth' | 'skeleton')[] =
        turn % 2 ? ['skeleton', 'simauth'] : ['simauth', 'skeleton'];
      for (const api of pair) await measuredRound(api);
    }
    on(apiA.url);
    const small = summarize(smallRounds);
    const large = summarize(largeRounds);
    const bare = summarize(skeletonRounds);
    const cpu = sumCpu(cpuRounds);
    const skeletonCpu = sumCpu(skeletonCpuRounds);
    const p50Ratios = largeRounds.map((r, i) =>
      round(percentile(r.durations, 50) / percentile(smallRounds[i].durations, 50), 2),
    );
    const statementsPerFlow = statements.simauth / Math.max(1, large.flows);
    // Per turn, the two rounds were taken seconds apart: their ratios, then the median.
    const perFlowMs = (use: CpuUse, r: FlowRound) =>
      (use.api_process_seconds * 1000) / Math.max(1, r.durations.length);
    const cpuRatios = cpuRounds.map((use, i) =>
      round(perFlowMs(use, largeRounds[i]) / perFlowMs(skeletonCpuRounds[i], skeletonRounds[i]), 2),
    );
    const rateRatios = largeRounds.map((r, i) =>
      round(
        r.durations.length /
          r.elapsedSeconds /
          (skeletonRounds[i].durations.length / skeletonRounds[i].elapsedSeconds),
        2,
      ),
    );

    console.error('bench: OpenID Connect code flows (the same login behind the provider)…');
    await runFor(WARM_UP_SECONDS, users, oidcCodeFlow);
    const oidcRounds: FlowRound[] = [];
    const oidcCpuRounds: CpuUse[] = [];
    for (let turn = 0; turn < OIDC_TURNS; turn++) {
      const measured = await measureCpu(cpuPids, () =>
        runFor(FLOW_ROUND_SECONDS, users, oidcCodeFlow),
      );
      oidcRounds.push(measured.result);
      oidcCpuRounds.push(measured.cpu);
    }
    const oidc = summarize(oidcRounds);
    const oidcCpu = sumCpu(oidcCpuRounds);

    console.error(
      `bench: live status latency, ${SSE_TRANSITIONS} moves on process A seen by SSE clients of process B…`,
    );
    const sse = await sseLatency(users, apiA.url, apiB.url, db);
    const rss = apiA.rssMb();

    const results = {
      machine: {
        cores: cpus().length,
        node: process.version,
        postgres: 'embedded, durable (fsync, synchronous_commit, full_page_writes on)',
      },
      simple_endpoint: {
        simauth_rps: round(simple.rps, 0),
        simauth_p99_ms: simple.p99,
        bare_node_http_rps: round(baseline.rps, 0),
        bare_node_http_p99_ms: baseline.p99,
        ratio: round(ratio, 2),
        ratio_per_turn: ratios,
        simauth_cpu_us_per_request: round(simple.cpuUs),
        bare_node_http_cpu_us_per_request: round(baseline.cpuUs),
        empty_nest_fastify_cpu_us_per_request: round(framework.cpuUs),
        cpu_ratio: round(cpuRatio, 2),
        empty_nest_fastify_rps: round(framework.rps, 0),
        empty_nest_fastify_p99_ms: framework.p99,
        empty_nest_fastify_ratio: round(frameworkRatio, 2),
      },
      companion_login: {
        virtual_users: VIRTUAL_USERS,
        seed_seconds: { to_1k: round(seed1k, 2), to_100k: round(seed100k, 2) },
        users_1k: {
          flows_per_s: round(small.flowsPerSecond),
          p50_ms: round(small.p50),
          p99_ms: round(small.p99),
          errors: small.errors,
        },
        users_100k: {
          flows_per_s: round(large.flowsPerSecond),
          p50_ms: round(large.p50),
          p99_ms: round(large.p99),
          errors: large.errors,
        },
        p50_ratio_100k_to_1k: median(p50Ratios),
        p50_ratio_per_turn: p50Ratios,
      },
      live_status: {
        transitions: sse.transitions,
        p50_ms: round(sse.p50, 2),
        p99_ms: round(sse.p99, 2),
        p50_ms_from_request: round(sse.p50FromRequest, 2),
        p99_ms_from_request: round(sse.p99FromRequest, 2),
      },
      cpu_during_100k_flows: {
        ...cpu,
        // What one flow costs each side: the api scales out, one Postgres is shared by all of its
        // processes, so Postgres is the limit once the api has this many cores per Postgres core.
        api_ms_per_flow: round((cpu.api_process_seconds * 1000) / Math.max(1, large.flows)),
        postgres_ms_per_flow: round((cpu.postgres_seconds * 1000) / Math.max(1, large.flows)),
        api_cores_per_postgres_core: round(cpu.api_process_seconds / cpu.postgres_seconds, 2),
      },
      oidc_code_flow: {
        flows_per_s: round(oidc.flowsPerSecond),
        p50_ms: round(oidc.p50),
        p99_ms: round(oidc.p99),
        errors: oidc.errors,
        api_ms_per_flow: round((oidcCpu.api_process_seconds * 1000) / Math.max(1, oidc.flows)),
        postgres_ms_per_flow: round((oidcCpu.postgres_seconds * 1000) / Math.max(1, oidc.flows)),
      },
      database: {
        statements_per_flow: round(statementsPerFlow),
        minimum_by_design: MINIMUM_STATEMENTS_PER_FLOW,
      },
      skeleton: {
        flows_per_s: round(bare.flowsPerSecond),
        p50_ms: round(bare.p50),
        p99_ms: round(bare.p99),
        errors: bare.errors,
        api_ms_per_flow: round(
          (skeletonCpu.api_process_seconds * 1000) / Math.max(1, bare.flows),
          2,
        ),
        postgres_ms_per_flow: round(
          (skeletonCpu.postgres_seconds * 1000) / Math.max(1, bare.flows),
          2,
        ),
        statements_per_flow: round(statements.skeleton / Math.max(1, bare.flows)),
        api_cpu_ratio: median(cpuRatios),
        api_cpu_ratio_per_turn: cpuRatios,
        flows_per_s_ratio: median(rateRatios),
        flows_per_s_ratio_per_turn: rateRatios,
      },
      api_process_rss_mb: round(rss),
      bench_seconds: round((performance.now() - t0) / 1000),
    };
    writeFileSync(
      join(__dirname, '../../bench/results.json'),
      JSON.stringify(results, null, 2) + '\n',
    );
    print(results);
  } finally {
    await Promise.all([
      apiA.stop(),
      apiB.stop(),
      apiSmall.stop(),
      bareServer.stop(),
      nestServer.stop(),
      skeleton.stop(),
      sandbox.stop(),
    ]);
    await db.end();
    await smallDb.end();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(r: any): void {
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
      `from the request to A: ${r.live_status.p50_ms_from_request} / ${r.live_status.p99_ms_from_request} (${r.live_status.transitions} moves)`,
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
      `api ${r.cpu_during_100k_flows.api_ms_per_flow} ms vs ${r.skeleton.api_ms_per_flow} ms (turns ${r.skeleton.api_cpu_ratio_per_turn.join(', ')}); target ≤ 1.3`,
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
    ['api process RSS after run', `${r.api_process_rss_mb} MB`, ''],
    ['bench duration', `${r.bench_seconds} s`, `${r.machine.cores} cores, Node ${r.machine.node}`],
  ];
  const w = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.map((x) => x[1].length))];
  console.log(`\nsimauth bench\n${'-'.repeat(w[0] + w[1] + 40)}`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c}`);
  console.log('\nwritten to bench/results.json');
}

main().catch((err) => {
  console.error(`bench failed: ${(err as Error).stack}`);
  process.exit(1);
});
