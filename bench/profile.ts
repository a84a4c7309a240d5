/**
 * `npm run bench:profile [-- skeleton|oidc]`: a CPU profile of one api process (or of the skeleton) serving companion logins (or, `oidc`, OpenID Connect code flows; 16
 * virtual users, 10 s) on an embedded Postgres and the sandbox, written to bench/profiles/ for
 * Chrome DevTools or `node --cpu-prof` tooling; prints, per flow of the measured 10 s, the
 * packages and the functions that used the most CPU.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase, findFreePort, runMigrations } from '@simauth/database';
import {
  API_MAIN,
  API_NODE_FLAGS,
  apiEnvironment,
  startSandboxProcess,
  stopChild,
  waitUntilReady,
} from './processes';
import { companionLogin, registerUsers, runFor } from './flows';
import { oidcCodeFlow } from './oidc-flow';

const SECONDS = 10;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Where a profile node's code lives: a package, Node itself, V8's own work, or this project. */
function place(url: string, functionName: string): string {
  if (url.includes('node_modules/')) {
    const rest = url.slice(url.lastIndexOf('node_modules/') + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node';
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName}`;
  return 'simauth';
}

/**
 * Self time per function and per package, in microseconds per login, of the samples taken
 * between `from` and `to` (process.hrtime in µs: V8 stamps samples on the same monotonic clock),
 * so that start-up and shutdown are left out. Idle time and time in the socket writes (the
 * process waits there, descheduled, while the Postgres backend it woke runs) are not CPU work
 * of either program and are shown apart.
 */
function summarize(file: string, from: number, to: number, logins: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
  };
  const time = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (at >= from && at <= to) time.set(id, (time.get(id) ?? 0) + profile.timeDeltas[i]);
  });
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number): void => {
    map.set(key, (map.get(key) ?? 0) + value);
  };
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const spent = time.get(node.id) ?? 0;
    if (!spent) continue;
    const where = url.includes('node_modules/')
      ? url.slice(url.lastIndexOf('node_modules/') + 13)
      : url.split('/').slice(-2).join('/');
    add(byFunction, `${functionName || '(anonymous)'} ${where}:${lineNumber}`, spent);
    add(byPlace, place(url, functionName), spent);
  }
  const table = (map: Map<string, number>, count: number): string[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k, v]) => `${(v / logins).toFixed(0).padStart(7)} µs  ${k}`);
  return [
    'per flow, by package (self time):',
    ...table(byPlace, 25),
    'per flow, by function (self time):',
    ...table(byFunction, 40),
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'simauth-profile-'));
  chmodSync(dir, 0o755);
  const out = join(__dirname, '../../bench/profiles');
  mkdirSync(out, { recursive: true });
  const pg = await EmbeddedDatabase.start({
    dir: join(dir, 'pg'),
    port: 0,
    databaseName: 'profile',
  });
  await runMigrations(pg.url);
  const sandbox = await startSandboxProcess(await findFreePort());
  const port = await findFreePort();
  // `-- skeleton`: the skeleton of the same flow (bench/skeleton.ts) instead, for comparison.
  const skeleton = process.argv.includes('skeleton');
  // `-- oidc`: OpenID Connect code flows (bench/oidc-flow.ts) instead of bare companion logins.
  const flow = process.argv.includes('oidc') ? oidcCodeFlow : companionLogin;
  const child = spawn(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${out}`,
      ...(skeleton
        ? [join(__dirname, 'skeleton.js'), String(port), pg.url, sandbox.url]
        : [...API_NODE_FLAGS, API_MAIN]),
    ],
    { env: apiEnvironment(pg.url, port, sandbox.url), stdio: 'ignore' },
  );
  const before = new Set(readdirSync(out));
  let window = { from: 0, to: 0, logins: 1 };
  try {
    const url = `http://127.0.0.1:${port}`;
    // The skeleton serves no registrations: an api registers the phones first, on the same database.
    let registrar: ReturnType<typeof spawn> | undefined;
    let registrarUrl = url;
    if (skeleton) {
      const registrarPort = await findFreePort();
      registrarUrl = `http://127.0.0.1:${registrarPort}`;
      registrar = spawn(process.execPath, [API_MAIN], {
        env: apiEnvironment(pg.url, registrarPort, sandbox.url),
        stdio: 'ignore',
      });
      await waitUntilReady(`${registrarUrl}/health/ready`, registrar);
    } else {
      await waitUntilReady(`${url}/health/ready`, child);
    }
    const users = await registerUsers(registrarUrl, sandbox.url, '+447700923', 16);
    if (registrar) await stopChild(registrar);
    for (const vu of users) vu.api = url;
    await runFor(2, users, flow);
    const from = Number(process.hrtime.bigint() / 1000n);
    const round = await runFor(SECONDS, users, flow);
    window = { from, to: Number(process.hrtime.bigint() / 1000n), logins: round.durations.length };
    console.log(
      `${round.durations.length} flows (${flow.name}) in ${SECONDS} s, ${round.errors} errors`,
    );
  } finally {
    await stopChild(child);
    await sandbox.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const file = readdirSync(out).find((f) => !before.has(f));
  if (!file) throw new Error('no profile written');
  const lines = summarize(join(out, file), window.from, window.to, window.logins);
  console.log(
    `profile: bench/profiles/${file} (samples ${window.from}..${window.to} µs)\n${lines.join('\n')}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
