/**
 * `npm run bench:instructions`: what one request costs each server, and one login flow the api,
 * in instructions counted by valgrind's callgrind (user space, after warm-up). Unlike seconds,
 * the counts do not move with what else the machine is doing, so two builds can be compared on
 * a busy or drifting machine. Kernel work (the socket calls) is left out and is alike for every
 * server per request, so the bare/simauth ratio here is a lower bound of the ratio of CPU time.
 * Takes several minutes: everything runs about fifty times slower under valgrind.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { EmbeddedDatabase } from '../libs/database/src/embedded-database';
import { findFreePort } from '../libs/database/src/free-port';
import { runMigrations } from '../libs/database/src/migrate';
import { startSandboxProcess } from './processes';
import { VirtualUser, companionLogin, registerUser } from './flows';

const WARM_UP_REQUESTS = 2000;
const REQUESTS = 3000;
const WARM_UP_FLOWS = 20;
const FLOWS = 60;
const USERS = 4;

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
          const summary = /^summary: (\d+)/m.exec(readFileSync(join(dir, file), 'utf8'));
          if (summary) return Number(summary[1]);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`callgrind wrote no counts for ${name}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
  return counted;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url}: not ready in time`);
}

async function perRequest(server: Counted, url: string): Promise<number> {
  await waitFor(url, server.child);
  await autocannon({ url, connections: 10, amount: WARM_UP_REQUESTS });
  server.zero();
  await autocannon({ url, connections: 10, amount: REQUESTS });
  return Math.round((await server.count()) / REQUESTS);
}

async function flows(users: VirtualUser[], total: number): Promise<void> {
  let left = total;
  await Promise.all(
    users.map(async (user) => {
      while (left-- > 0) await companionLogin(user);
    }),
  );
}

async function main(): Promise<void> {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('valgrind is not installed (Debian: apt-get install valgrind)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'simauth-instructions-'));
  chmodSync(dir, 0o755); // Postgres runs as an unprivileged user when we are root
  const db = await EmbeddedDatabase.start({
    dir: join(dir, 'pg'),
    port: 0,
    fast: true,
    databaseName: 'bench',
  });
  const sandbox = await startSandboxProcess(await findFreePort());
  const results = {
    bare_node_http_per_request: 0,
    empty_nest_per_request: 0,
    simauth_per_request: 0,
    simauth_per_login_flow: 0,
  };
  try {
    await runMigrations(db.url);
    const env = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };

    console.error('instructions: bare node:http…');
    let port = await findFreePort();
    const bareCode = `require('node:http').createServer((req, res) => { res.setHeader('content-type', 'application/json; charset=utf-8'); res.end('{"status":"ok"}'); }).listen(${port}, '127.0.0.1');`;
    const bare = underCallgrind(dir, 'bare', ['-e', bareCode], env);
    results.bare_node_http_per_request = await perRequest(bare, `http://127.0.0.1:${port}/`);
    await bare.stop();

    console.error('instructions: empty Nest app on Fastify…');
    port = await findFreePort();
    const nest = underCallgrind(
      dir,
      'nest',
      [join(__dirname, 'nest-baseline.js'), String(port)],
      env,
    );
    results.empty_nest_per_request = await perRequest(nest, `http://127.0.0.1:${port}/health/live`);
    await nest.stop();

    console.error('instructions: simauth /health/live, then login flows…');
    port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const api = underCallgrind(dir, 'api', [join(__dirname, '../apps/api/src/main.js')], {
      ...env,
      DATABASE_URL: db.url,
      PORT: String(port),
      PUBLIC_URL: url,
      SANDBOX_URL: sandbox.url,
      RATE_LIMIT_PHONE: '1000000/60',
      RATE_LIMIT_IP: '1000000/60',
      RATE_LIMIT_ATTEMPT: '1000000/60',
    });
    results.simauth_per_request = await perRequest(api, `${url}/health/live`);
    const users: VirtualUser[] = [];
    for (let i = 0; i < USERS; i++) {
      users.push(await registerUser(url, sandbox.url, `+4479${String(i).padStart(8, '0')}`));
    }
    await flows(users, WARM_UP_FLOWS);
    api.zero();
    await flows(users, FLOWS);
    results.simauth_per_login_flow = Math.round((await api.count()) / FLOWS);
    await api.stop();
  } finally {
    await sandbox.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const ratio = (n: number, d: number) => Math.round((n / d) * 100) / 100;
  const report = {
    ...results,
    bare_to_simauth: ratio(results.bare_node_http_per_request, results.simauth_per_request),
    bare_to_empty_nest: ratio(results.bare_node_http_per_request, results.empty_nest_per_request),
    requests: REQUESTS,
    flows: FLOWS,
    node: process.version,
  };
  writeFileSync(join(__dirname, '../../bench/instructions.json'), JSON.stringify(report, null, 2));
  const k = (n: number) => `${(n / 1000).toFixed(1)}k`;
  console.log(`
simauth instructions (callgrind, user space, after warm-up)
--------------------------------------------------------------
/health/live per request     ${k(report.simauth_per_request)}  bare/simauth ${report.bare_to_simauth}
bare node:http per request   ${k(report.bare_node_http_per_request)}
empty Nest app per request   ${k(report.empty_nest_per_request)}  bare/empty Nest ${report.bare_to_empty_nest}
api per login flow           ${k(report.simauth_per_login_flow)}  (${FLOWS} flows)

written to bench/instructions.json`);
}

main().catch((err) => {
  console.error(`bench:instructions failed: ${(err as Error).message}`);
  process.exit(1);
});
