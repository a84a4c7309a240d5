/**
 * `npm run bench:instructions`: what one request costs each server, and one login flow the api,
 * in instructions counted by valgrind's callgrind (user space, after warm-up). Unlike seconds,
 * the counts do not move with what else the machine is doing, so two builds can be compared on
 * a busy or drifting machine. Kernel work (the socket calls) is left out and is alike for every
 * server per request, so the bare/simauth ratio here is a lower bound of the ratio of CPU time.
 * Each server is counted in rounds until two rounds in a row agree (V8 compiles hot code late
 * under valgrind), less the instructions it spends on timers meanwhile (measured while idle).
 * Takes several minutes: everything runs about fifty times slower under valgrind.
 * `npm run bench:instructions -- oidc [main.js]` counts only an api's OpenID Connect sign-ins
 * (bench/oidc-flow.ts) and refreshes, of this build or of the build whose main.js is given.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { findFreePort } from '@simauth/database';
import { startBenchDatabase } from './database';
import {
  API_MAIN,
  API_NODE_FLAGS,
  apiEnvironment,
  bareServerArgs,
  nestBaselineArgs,
  startSandboxProcess,
  stopChild,
  waitUntilReady,
} from './processes';
import { VirtualUser, companionLogin, registerUsers, runCount } from './flows';
import { REFRESH_CLIENT, oidcCodeFlow, signIn, tokenRequest } from './oidc-flow';

// Under valgrind V8 takes thousands of requests to compile the hot paths (a first try with
// 2,000 requests of warm-up gave 202k, 239k and 249k per probe in three runs of one build).
// So each server is counted in rounds until two rounds in a row agree.
const WARM_UP_REQUESTS = 1000;
const ROUND_REQUESTS = 1000;
const WARM_UP_FLOWS = 10;
const ROUND_FLOWS = 20;
const MAX_ROUNDS = 12;
const SETTLED = 0.03;
const USERS = 4;
const IDLE_SECONDS = 10;

interface Counted {
  child: ChildProcess;
  /** Starts counting from zero. */
  zero(): void;
  /** Instructions counted since `zero()`. */
  count(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs `args` with node under callgrind, its counts dumped to `dir` on request. */
function underCallgrind(dir: string, name: string, args: string[], env: NodeJS.ProcessEnv) {
  const out = join(dir, `callgrind.${name}`);
  const prefix = join(dir, 'vgdb');
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      `--vgdb-prefix=${prefix}`,
      '--smc-check=all-non-file',
      `--callgrind-out-file=${out}`,
      process.execPath,
      ...args,
    ],
    { env, stdio: 'ignore' },
  );
  // vgdb names its pipes after $HOST (and $USER): callgrind_control must see the same values.
  const control = (command: string) =>
    execFileSync('callgrind_control', [`--vgdb-prefix=${prefix}`, command, String(child.pid)], {
      env,
      stdio: 'ignore',
    });
  const counted: Counted = {
    child,
    zero: () => control('-z'),
    async count() {
      control('-d');
      for (let tries = 0; tries < 240; tries++) {
        for (const file of readdirSync(dir).filter((f) => f.startsWith(`callgrind.${name}`))) {
          const dump = readFileSync(join(dir, file), 'utf8');
          const summary = /^summary: (\d+)/m.exec(dump);
          // `totals:` closes a complete dump; each dump is read once, then removed.
          if (!summary || !/^totals: /m.test(dump)) continue;
          rmSync(join(dir, file));
          return Number(summary[1]);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`callgrind wrote no counts for ${name}`);
    },
    stop: () => stopChild(child, 'SIGKILL'),
  };
  return counted;
}

/**
 * Instructions `work` costs the server, less what the server does meanwhile on its own (timers:
 * the attempt sweeper, prom-client's event-loop monitor, pool housekeeping). That background
 * work goes by the clock, and everything is fifty times slower under valgrind, so left in it
 * would be counted against each request fifty times over, and vary with the machine's speed.
 */
async function countWork(
  server: Counted,
  work: () => Promise<unknown>,
  background: number,
): Promise<number> {
  server.zero();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return (await server.count()) - background * seconds;
}

/** Instructions per second the server spends with nothing to serve. */
async function backgroundRate(server: Counted): Promise<number> {
  server.zero();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const count = await server.count();
  return count / ((performance.now() - started) / 1000);
}

/** Counts `round` (of `size` requests or flows) until two rounds in a row agree. */
async function untilSettled(
  server: Counted,
  round: () => Promise<unknown>,
  size: number,
  background: number,
) {
  const rounds: number[] = [];
  const settled = () =>
    rounds.length >= 2 &&
    Math.abs(rounds[rounds.length - 1] - rounds[rounds.length - 2]) <=
      SETTLED * rounds[rounds.length - 1];
  while (rounds.length < MAX_ROUNDS && !settled()) {
    rounds.push(Math.round((await countWork(server, round, background)) / size));
  }
  return { value: rounds[rounds.length - 1], rounds, settled: settled() };
}

async function perRequest(server: Counted, url: string) {
  // Starting takes minutes under valgrind.
  await waitUntilReady(url, server.child, () => url, 10 * 60_000);
  await autocannon({ url, connections: 10, amount: WARM_UP_REQUESTS });
  const background = await backgroundRate(server);
  const counted = await untilSettled(
    server,
    () => autocannon({ url, connections: 10, amount: ROUND_REQUESTS }),
    ROUND_REQUESTS,
    background,
  );
  return { ...counted, background };
}

/** `total` runs of `flow` by `users` at once; one that fails fails the count. */
async function flows(
  users: VirtualUser[],
  total: number,
  flow: (vu: VirtualUser) => Promise<void> = companionLogin,
): Promise<void> {
  const errors = await runCount(total, users, flow);
  if (errors) throw new Error(`${errors} of ${total} flows failed`);
}

/** Instructions per OpenID Connect sign-in and per refresh of the api whose main.js is `main`. */
async function countOidc(main: string): Promise<void> {
  const db = await startBenchDatabase('instructions', { fast: true });
  const dir = db.dir; // callgrind's output files go there too
  const sandbox = await startSandboxProcess(await findFreePort());
  try {
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const api = underCallgrind(
      dir,
      'api',
      [...API_NODE_FLAGS, main],
      apiEnvironment(db.url, port, sandbox.url),
    );
    await waitUntilReady(`${url}/health/ready`, api.child, () => url, 10 * 60_000);
    const background = await backgroundRate(api);
    const users = await registerUsers(url, sandbox.url, '+447700921', USERS);
    const signIns = (total: number) => flows(users, total, oidcCodeFlow);
    await signIns(WARM_UP_FLOWS);
    const flow = await untilSettled(api, () => signIns(ROUND_FLOWS), ROUND_FLOWS, background);
    const chains = await Promise.all(
      users.map(
        async (u) =>
          (await signIn(u, { client: REFRESH_CLIENT, scope: 'openid phone offline_access' }))
            .refresh_token!,
      ),
    );
    const refreshes = (total: number) => {
      let left = total;
      return Promise.all(
        chains.map(async (_, i) => {
          while (left-- > 0) {
            const body = await tokenRequest(`${url}/oidc/token`, REFRESH_CLIENT, {
              grant_type: 'refresh_token',
              refresh_token: chains[i],
            });
            chains[i] = body.refresh_token;
          }
        }),
      );
    };
    await refreshes(ROUND_REQUESTS / 10);
    const refresh = await untilSettled(
      api,
      () => refreshes(ROUND_REQUESTS / 10),
      ROUND_REQUESTS / 10,
      background,
    );
    await api.stop();
    const k = (n: number) => `${(n / 1000).toFixed(1)}k`;
    console.log(
      `api per OpenID Connect sign-in  ${k(flow.value)}  rounds of ${ROUND_FLOWS}: ${flow.rounds.map(k).join(' ')}${flow.settled ? '' : ' (NOT SETTLED)'}\n` +
        `api per refresh                 ${k(refresh.value)}  rounds of ${ROUND_REQUESTS / 10}: ${refresh.rounds.map(k).join(' ')}${refresh.settled ? '' : ' (NOT SETTLED)'}`,
    );
  } finally {
    await sandbox.stop();
    await db.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'oidc') return countOidc(process.argv[3] ?? API_MAIN);
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('valgrind is not installed (Debian: apt-get install valgrind)');
  }
  const db = await startBenchDatabase('instructions', { fast: true, databaseName: 'bench' });
  const dir = db.dir; // callgrind's output files go there too
  const sandbox = await startSandboxProcess(await findFreePort());
  const results = {
    bare_node_http_per_request: 0,
    empty_nest_per_request: 0,
    simauth_per_request: 0,
    simauth_per_login_flow: 0,
    simauth_background_per_second: 0,
  };
  const rounds: Record<string, { rounds: number[]; settled: boolean }> = {};
  try {
    const env = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };

    console.error('instructions: bare node:http…');
    let port = await findFreePort();
    const bare = underCallgrind(dir, 'bare', bareServerArgs(port), env);
    const bareCounts = await perRequest(bare, `http://127.0.0.1:${port}/`);
    results.bare_node_http_per_request = bareCounts.value;
    rounds.bare = bareCounts;
    await bare.stop();

    console.error('instructions: empty Nest app on Fastify…');
    port = await findFreePort();
    const nest = underCallgrind(dir, 'nest', nestBaselineArgs(port), env);
    const nestCounts = await perRequest(nest, `http://127.0.0.1:${port}/health/live`);
    results.empty_nest_per_request = nestCounts.value;
    rounds.nest = nestCounts;
    await nest.stop();

    console.error('instructions: simauth /health/live, then login flows…');
    port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const api = underCallgrind(
      dir,
      'api',
      [...API_NODE_FLAGS, API_MAIN],
      apiEnvironment(db.url, port, sandbox.url),
    );
    const apiCounts = await perRequest(api, `${url}/health/live`);
    results.simauth_per_request = apiCounts.value;
    rounds.simauth = apiCounts;
    results.simauth_background_per_second = Math.round(apiCounts.background);
    const users = await registerUsers(url, sandbox.url, '+447700921', USERS);
    await flows(users, WARM_UP_FLOWS);
    const flowCounts = await untilSettled(
      api,
      () => flows(users, ROUND_FLOWS),
      ROUND_FLOWS,
      apiCounts.background,
    );
    results.simauth_per_login_flow = flowCounts.value;
    rounds.flow = flowCounts;
    await api.stop();
  } finally {
    await sandbox.stop();
    await db.stop();
  }

  const ratio = (n: number, d: number) => Math.round((n / d) * 100) / 100;
  const report = {
    ...results,
    bare_to_simauth: ratio(results.bare_node_http_per_request, results.simauth_per_request),
    bare_to_empty_nest: ratio(results.bare_node_http_per_request, results.empty_nest_per_request),
    rounds: Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, v.rounds])),
    settled: Object.values(rounds).every((r) => r.settled),
    round_requests: ROUND_REQUESTS,
    round_flows: ROUND_FLOWS,
    node: process.version,
  };
  writeFileSync(join(__dirname, '../../bench/instructions.json'), JSON.stringify(report, null, 2));
  const k = (n: number) => `${(n / 1000).toFixed(1)}k`;
  console.log(`
simauth instructions (callgrind, user space, last of rounds that settled)
--------------------------------------------------------------
/health/live per request     ${k(report.simauth_per_request)}  bare/simauth ${report.bare_to_simauth}  rounds ${rounds.simauth.rounds.map(k).join(' ')}
bare node:http per request   ${k(report.bare_node_http_per_request)}  rounds ${rounds.bare.rounds.map(k).join(' ')}
empty Nest app per request   ${k(report.empty_nest_per_request)}  bare/empty Nest ${report.bare_to_empty_nest}  rounds ${rounds.nest.rounds.map(k).join(' ')}
api per login flow           ${k(report.simauth_per_login_flow)}  rounds of ${ROUND_FLOWS} flows: ${rounds.flow.rounds.map(k).join(' ')}
api when idle, per second    ${k(report.simauth_background_per_second)}  (timers; taken out of the figures above)
${report.settled ? '' : `NOT SETTLED after ${MAX_ROUNDS} rounds: compare nothing to these figures\n`}
written to bench/instructions.json`);
}

main().catch((err) => {
  console.error(`bench:instructions failed: ${(err as Error).message}`);
  process.exit(1);
});
