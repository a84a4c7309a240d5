/**
 * `npm run bench:profile [-- skeleton|oidc|alloc|cold]`: a CPU profile of one api process (or of the skeleton) serving companion logins (or, `oidc`, OpenID Connect code flows; 16
 * virtual users, 10 s, after the bench's warm-up; `cold`: after 2 s of flows) on an embedded Postgres and the sandbox, written to bench/profiles/ for
 * Chrome DevTools or `node --cpu-prof` tooling; prints, per flow of the measured 10 s, the
 * packages and the functions that used the most CPU. With `alloc`, a sampling profile of what the
 * process allocates instead (garbage included: what the collector's time follows), in bytes per
 * flow, written as a `.heapprofile` for DevTools; `alloc promoted`: only what outlives the
 * young generation.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '@simauth/database';
import {
  API_MAIN,
  API_NODE_FLAGS,
  SKELETON_MAIN,
  apiEnvironment,
  startSandboxProcess,
  stopChild,
  waitUntilReady,
} from './processes';
import { companionLogin, registerUsers, runFor, warmUp } from './flows';
import { cpuSecondsByThread } from './cpu';
import { startBenchDatabase } from './database';
import { oidcCodeFlow } from './oidc-flow';

const SECONDS = 10;
/** One sample per this many bytes allocated on average (V8's default is 32 KiB). */
const ALLOCATION_SAMPLING_BYTES = 2048;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
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

/** A function's file, short: from its package on, or its folder and name in this project. */
function where(url: string): string {
  return url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 13)
    : url.split('/').slice(-2).join('/');
}

/** Amounts (µs, bytes) summed by the function and by the package of the frames that spent them. */
class Tally {
  readonly byFunction = new Map<string, number>();
  readonly byPlace = new Map<string, number>();
  total = 0;

  add({ functionName, url, lineNumber }: CallFrame, amount: number): void {
    if (!amount) return;
    this.total += amount;
    const add = (map: Map<string, number>, key: string) =>
      map.set(key, (map.get(key) ?? 0) + amount);
    add(this.byFunction, `${functionName || '(anonymous)'} ${where(url)}:${lineNumber}`);
    add(this.byPlace, place(url, functionName));
  }

  /** The `count` largest of `map`, largest first: each as `format(amount)`, `unit` and its name. */
  static top(
    map: Map<string, number>,
    count: number,
    format: (amount: number) => string,
    unit: string,
  ) {
    return [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, amount]) => `${format(amount).padStart(7)} ${unit}  ${name}`);
  }
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
  const tally = new Tally();
  for (const node of profile.nodes) tally.add(node.callFrame, time.get(node.id) ?? 0);
  const micros = (amount: number) => (amount / logins).toFixed(0);
  return [
    'per flow, by package (self time):',
    ...Tally.top(tally.byPlace, 25, micros, 'µs'),
    'per flow, by function (self time):',
    ...Tally.top(tally.byFunction, 40, micros, 'µs'),
  ];
}

interface AllocationNode {
  callFrame: CallFrame;
  selfSize: number;
  children: AllocationNode[];
}

/** Bytes allocated per flow, by package and by function, from a sampling heap profile. */
function summarizeAllocations(head: AllocationNode, flows: number): string[] {
  const tally = new Tally();
  const walk = (node: AllocationNode): void => {
    tally.add(node.callFrame, node.selfSize);
    node.children.forEach(walk);
  };
  walk(head);
  const kib = (amount: number) => (amount / flows / 1024).toFixed(1);
  return [
    `allocated per flow: ${kib(tally.total)} KiB; by package:`,
    ...Tally.top(tally.byPlace, 25, kib, 'KiB'),
    'per flow, by allocating function:',
    ...Tally.top(tally.byFunction, 50, kib, 'KiB'),
  ];
}

/** A DevTools protocol session with the child's inspector (Node's own WebSocket client). */
async function inspectorSession(
  port: number,
): Promise<{ send: (method: string, params?: object) => Promise<unknown>; close: () => void }> {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const waiting = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  };
  let next = 0;
  return {
    send: (method, params = {}) =>
      new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

async function main(): Promise<void> {
  const out = join(__dirname, '../../bench/profiles');
  mkdirSync(out, { recursive: true });
  const pg = await startBenchDatabase('profile', { fast: false, databaseName: 'profile' });
  const sandbox = await startSandboxProcess(await findFreePort());
  const port = await findFreePort();
  // `-- skeleton`: the skeleton of the same flow (bench/skeleton.ts) instead, for comparison.
  const skeleton = process.argv.includes('skeleton');
  // `-- oidc`: OpenID Connect code flows (bench/oidc-flow.ts) instead of bare companion logins.
  const flow = process.argv.includes('oidc') ? oidcCodeFlow : companionLogin;
  // `-- alloc`: what the process allocates, sampled through its inspector, instead of its CPU.
  const inspectPort = process.argv.includes('alloc') ? await findFreePort() : 0;
  const child = spawn(
    process.execPath,
    [
      ...(inspectPort
        ? [`--inspect=127.0.0.1:${inspectPort}`]
        : ['--cpu-prof', `--cpu-prof-dir=${out}`]),
      // Both on the api's node flags, as in `npm run bench`: the same heap limits for both.
      ...API_NODE_FLAGS,
      ...(skeleton ? [SKELETON_MAIN, String(port), pg.url, sandbox.url] : [API_MAIN]),
    ],
    { env: apiEnvironment(pg.url, port, sandbox.url), stdio: 'ignore' },
  );
  const before = new Set(readdirSync(out));
  let window = { from: 0, to: 0, logins: 1 };
  let threads: string[] = [];
  let allocations: AllocationNode | undefined;
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
    // Warmed as the bench's process A is (flows.ts): a profile of code V8 has not yet optimized
    // points at what a replica stops paying after its first minute. `-- cold`: only 2 s of flows.
    if (process.argv.includes('cold')) await runFor(2, users, flow);
    else await warmUp(users, flow === oidcCodeFlow ? flow : undefined);
    const inspector = inspectPort ? await inspectorSession(inspectPort) : undefined;
    await inspector?.send('HeapProfiler.startSampling', {
      samplingInterval: ALLOCATION_SAMPLING_BYTES,
      includeObjectsCollectedByMajorGC: true,
      // `-- alloc promoted`: only what outlives the young generation (what scavenges copy and
      // promote, and what old-generation collections then find dead).
      includeObjectsCollectedByMinorGC: !process.argv.includes('promoted'),
    });
    const from = Number(process.hrtime.bigint() / 1000n);
    const threadsBefore = cpuSecondsByThread(child.pid!);
    const round = await runFor(SECONDS, users, flow);
    window = { from, to: Number(process.hrtime.bigint() / 1000n), logins: round.durations.length };
    threads = [...cpuSecondsByThread(child.pid!)]
      .map(([kind, seconds]): [string, number] => [kind, seconds - (threadsBefore.get(kind) ?? 0)])
      .filter(([, seconds]) => seconds > 0)
      .sort((a, b) => b[1] - a[1])
      .map(
        ([kind, seconds]) =>
          `${((seconds * 1e6) / window.logins).toFixed(0).padStart(7)} µs  ${kind}`,
      );
    if (inspector) {
      const result = (await inspector.send('HeapProfiler.stopSampling')) as {
        profile: { head: AllocationNode };
      };
      allocations = result.profile.head;
      inspector.close();
    }
    console.log(
      `${round.durations.length} flows (${flow.name}) in ${SECONDS} s, ${round.errors} errors`,
    );
  } finally {
    await stopChild(child);
    await sandbox.stop();
    await pg.stop();
  }
  // From /proc: what the process's threads used, the main thread's part being what the profile
  // splits; V8's workers are mostly its garbage collector's parallel and concurrent work.
  console.log(`CPU per flow, by thread (the profiler's own cost included):\n${threads.join('\n')}`);
  if (allocations) {
    const file = `ALLOC.${Date.now()}.heapprofile`;
    writeFileSync(join(out, file), JSON.stringify({ head: allocations }));
    const lines = summarizeAllocations(allocations, window.logins);
    console.log(`profile: bench/profiles/${file}\n${lines.join('\n')}`);
    return;
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
