/**
 * `npm run bench`: measures simauth on this machine and prints one table (also written to
 * bench/results.json). Everything it needs is started here: an embedded Postgres, the provider
 * sandbox (tru.ID, Vonage, FCM) in its own process with latency 0, api processes sharing it
 * (SANDBOX_URL: A and B on the database grown to 100,000 users, a third on one kept at 1,000),
 * a bare node:http baseline and an empty Nest app on Fastify.
 * Numbers are printed, never asserted.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, findFreePort, runMigrations } from '@simauth/database';
import { startBenchDatabase } from './database';
import {
  API_NODE_FLAGS,
  MemorySample,
  startApiProcess,
  startBareServer,
  startNestBaseline,
  startSandboxProcess,
  startSkeletonProcess,
  startTlsProxy,
} from './processes';
import {
  CODE_FLOW_WARM_UP_FLOWS,
  LOGIN_WARM_UP_FLOWS,
  companionLogin,
  median,
  percentile,
  registerUsers,
  runCount,
  runFor,
} from './flows';
import { oidcCodeFlow } from './oidc-flow';
import { countOidcStatements } from './oidc-statements';
import { TokenLoad, measureTokenEndpoints } from './oidc-tokens';
import { oidcResults } from './oidc-results';
import { CpuUse, measureCpu, sumCpu } from './cpu';
import {
  FlowRound,
  SSE_TRANSITIONS,
  round,
  seedUsers,
  simpleEndpoint,
  sseLatency,
  summarize,
} from './run-measures';
import { printResults } from './run-report';

const VIRTUAL_USERS = 16;
// Logins at 1,000 and at 100,000 users run in alternating rounds, each size on its own database
// and api process, so that a machine whose speed drifts during the run treats both sizes alike.
const FLOW_TURNS = 5;
const FLOW_ROUND_SECONDS = 4;
// Before the turns, process A, the 1k process and the skeleton each serve LOGIN_WARM_UP_FLOWS
// logins, and process A CODE_FLOW_WARM_UP_FLOWS code flows (process B only serves live status; see
// flows.ts for why). Process A's first and last WARM_UP_SAMPLE_FLOWS logins of it are measured
// too, and printed (what a replica just started costs).
const WARM_UP_SAMPLE_FLOWS = 1000;

// The design's floor for one login, counted from the flow: start (find user, insert attempt),
// push (devices), approve (device, attempt, move, check ref), code (device, attempt, two moves),
// poll (by token, claim) = 13, less the two device reads a cache could save = 11; plus the
// rate-limit counters, one statement on each of the three public POSTs (the address's counter
// with the phone number's on the start, with the attempt's on approve and code) = 14.
const MINIMUM_STATEMENTS_PER_FLOW = 14;

const SMALL_DATABASE = 'simauth_bench_1k';

async function main(): Promise<void> {
  const t0 = performance.now();
  console.error('bench: starting Postgres, the sandbox, three api processes and two baselines…');
  const pg = await startBenchDatabase('bench', {
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
  const dir = pg.dir; // the TLS proxy's key and certificate go there too
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

  // The database kept at 1,000 users; the first one grows to 100,000.
  const smallUrl = await createDatabase(db, pg.url, SMALL_DATABASE);
  await runMigrations(smallUrl);
  const smallDb = new Client({ connectionString: smallUrl });
  await smallDb.connect();

  const [portA, portB, portSmall, bare, sandboxPort, nestPort, skeletonPort, tlsPort] =
    await Promise.all(Array.from({ length: 8 }, findFreePort));
  const sandbox = await startSandboxProcess(sandboxPort);
  const apiA = await startApiProcess(pg.url, portA, sandbox);
  const apiB = await startApiProcess(pg.url, portB, sandbox);
  const apiSmall = await startApiProcess(smallUrl, portSmall, sandbox);
  const bareServer = await startBareServer(bare);
  const nestServer = await startNestBaseline(nestPort);
  // The limit: the same flow with no framework, on the same database and sandbox as process A.
  const skeleton = await startSkeletonProcess(pg.url, skeletonPort, sandbox);
  // TLS in front of process A, for the token endpoints (Keycloak's figures include TLS).
  const tlsProxy = await startTlsProxy(dir, tlsPort, portA);
  const memory: (MemorySample & { after: string })[] = [];
  const sampleMemory = async (after: string) => {
    memory.push({ after, ...(await apiA.memory()) });
  };

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
    const postmaster = await pg.serverPid();
    if (postmaster === undefined) throw new Error('the embedded Postgres server is not running');
    const cpuPids = { api: apiA.child.pid!, sandbox: sandbox.child.pid!, postmaster };
    let warmUpErrors = await runCount(LOGIN_WARM_UP_FLOWS, smallUsers, companionLogin);
    on(skeleton.url);
    warmUpErrors += await runCount(LOGIN_WARM_UP_FLOWS, users, companionLogin);
    on(apiA.url);
    const warmUpSample = () =>
      measureCpu(cpuPids, () => runCount(WARM_UP_SAMPLE_FLOWS, users, companionLogin));
    const coldest = await warmUpSample();
    warmUpErrors +=
      coldest.result +
      (await runCount(LOGIN_WARM_UP_FLOWS - 2 * WARM_UP_SAMPLE_FLOWS, users, companionLogin));
    const warmest = await warmUpSample();
    warmUpErrors += warmest.result;
    // The OpenID Connect code flow (the same login behind the provider) runs in the same turns.
    warmUpErrors += await runCount(CODE_FLOW_WARM_UP_FLOWS, users, oidcCodeFlow);
    await sampleMemory('warm-up');
    await db.query('SELECT pg_stat_statements_reset()');
    // Connections opened from here on (the pools' new ones: each costs a SCRAM exchange, a new
    // backend and its statements prepared again), in every database of the server.
    const sessions = async () =>
      Number(
        (await db.query(`SELECT sum(sessions)::int AS n FROM pg_stat_database`)).rows[0].n ?? 0,
      );
    const sessionsBefore = await sessions();
    const skeletonPids = { ...cpuPids, api: skeleton.pid };
    const smallRounds: FlowRound[] = [];
    const largeRounds: FlowRound[] = [];
    const cpuRounds: CpuUse[] = [];
    const skeletonRounds: FlowRound[] = [];
    const skeletonCpuRounds: CpuUse[] = [];
    const oidcRounds: FlowRound[] = [];
    const oidcCpuRounds: CpuUse[] = [];
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
      on(apiA.url);
      const oidcRound = await measureCpu(cpuPids, () =>
        runFor(FLOW_ROUND_SECONDS, users, oidcCodeFlow),
      );
      oidcRounds.push(oidcRound.result);
      oidcCpuRounds.push(oidcRound.cpu);
      await sampleMemory(`login turn ${turn + 1}`);
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

    const oidc = summarize(oidcRounds);
    const oidcCpu = sumCpu(oidcCpuRounds);

    console.error('bench: statements of each OpenID Connect step, one sign-in at a time…');
    const oidcStatements = await countOidcStatements(users[0], db);

    console.error(
      'bench: token endpoints (refresh, client_credentials; plain, TLS, RS256), 16 clients…',
    );
    const tokenLoad = new TokenLoad(apiA.url, tlsProxy.url, tlsProxy.ca);
    await tokenLoad.start(users);
    const tokens = await measureTokenEndpoints(
      tokenLoad,
      { ...cpuPids, tlsProxy: tlsProxy.pid },
      (turn) => sampleMemory(`token turn ${turn + 1}`),
    );
    await tokenLoad.close();

    console.error(
      `bench: live status latency, ${SSE_TRANSITIONS} moves on process A seen by SSE clients of process B…`,
    );
    const sse = await sseLatency(users, apiA.url, apiB.url, db);
    await sampleMemory('live status');
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
      warm_up: {
        logins_per_process: LOGIN_WARM_UP_FLOWS,
        code_flows: CODE_FLOW_WARM_UP_FLOWS,
        errors: warmUpErrors,
        // Process A's first logins after its start, and its last ones before the turns.
        api_ms_per_login_first: round(
          (coldest.cpu.api_process_seconds * 1000) /
            Math.max(1, WARM_UP_SAMPLE_FLOWS - coldest.result),
          2,
        ),
        api_ms_per_login_last: round(
          (warmest.cpu.api_process_seconds * 1000) /
            Math.max(1, WARM_UP_SAMPLE_FLOWS - warmest.result),
          2,
        ),
        sample_logins: WARM_UP_SAMPLE_FLOWS,
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
        api_v8_workers_ms_per_flow: round(
          (cpu.api_v8_workers_seconds * 1000) / Math.max(1, large.flows),
          2,
        ),
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
        api_v8_workers_ms_per_flow: round(
          (skeletonCpu.api_v8_workers_seconds * 1000) / Math.max(1, bare.flows),
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
      oidc: oidcResults({
        oidc,
        oidcCpu,
        oidcRounds,
        oidcCpuRounds,
        loginRounds: largeRounds,
        loginCpuRounds: cpuRounds,
        statements: oidcStatements,
        tokens,
      }),
      memory: {
        api_rss_mb_after: round(rss),
        // From the second turn (logins and code flows) to the last sample (after live status).
        api_rss_growth_ratio: round(
          memory[memory.length - 1].rss_mb / memory.find((m) => m.after === 'login turn 2')!.rss_mb,
          2,
        ),
        samples: memory,
        // As npm run start:prod, the image and the manifests run the api (bench/processes.ts).
        api_node_flags: API_NODE_FLAGS,
      },
      postgres_sessions_opened: (await sessions()) - sessionsBefore,
      api_process_rss_mb: round(rss),
      bench_seconds: round((performance.now() - t0) / 1000),
    };
    writeFileSync(
      join(__dirname, '../../bench/results.json'),
      JSON.stringify(results, null, 2) + '\n',
    );
    printResults(results);
  } finally {
    await Promise.all([
      apiA.stop(),
      apiB.stop(),
      apiSmall.stop(),
      bareServer.stop(),
      nestServer.stop(),
      skeleton.stop(),
      tlsProxy.stop(),
      sandbox.stop(),
    ]);
    await db.end();
    await smallDb.end();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(`bench failed: ${(err as Error).stack}`);
  process.exit(1);
});
