/**
 * `npm run bench:memory`: what a replica holds per pending login and per open SSE stream. One
 * api process (as `npm start` runs it) on an embedded Postgres; 1,000 companion logins started and
 * left pending, then an SSE stream opened on each. After each step the api writes a heap snapshot
 * (`--heapsnapshot-signal`: V8 collects all garbage first), and its RSS and V8 heap are read
 * (from /proc and its /metrics), so the heap figures are live objects, not garbage awaiting a
 * collection. Prints the differences per 1,000.
 *
 * `npm run bench:memory -- load [node flags]` measures the api under the bench's load instead, and
 * `-- pair "<flags A>" "<flags B>" [pairs]` what node flags cost in api CPU (memory-load.ts).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '@simauth/database';
import { startBenchDatabase } from './database';
import {
  API_MAIN,
  API_NODE_FLAGS,
  apiEnvironment,
  rssMb,
  startSandboxProcess,
  stopChild,
  waitUntilReady,
} from './processes';
import { call, companionLogin, registerUsers, runFor } from './flows';
import { openStatusStream } from './sse';
import { memoryLoad, memoryPair } from './memory-load';

const LOGINS = 1000;
const USERS = 16;

/** Full GC by a heap snapshot, then RSS and the V8 heap in MB. */
async function settled(child: ChildProcess, url: string, dir: string) {
  const before = new Set(readdirSync(dir));
  child.kill('SIGUSR2');
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (!file) continue;
    const size = statSync(join(dir, file)).size;
    await new Promise((r) => setTimeout(r, 1000));
    if (statSync(join(dir, file)).size !== size || size === 0) continue;
    rmSync(join(dir, file));
    break;
  }
  const text = await (await fetch(`${url}/metrics`)).text();
  const mb = (name: string) =>
    Number(new RegExp(`^simauth_${name} (\\S+)$`, 'm').exec(text)![1]) / 2 ** 20;
  return {
    rss: rssMb(child.pid!),
    heap: mb('nodejs_heap_size_used_bytes'),
    external: mb('nodejs_external_memory_bytes'),
  };
}

async function main(): Promise<void> {
  const pg = await startBenchDatabase('memory', { fast: true });
  const dir = pg.dir; // the api's working folder, where its heap snapshots land
  const sandbox = await startSandboxProcess(await findFreePort());
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...API_NODE_FLAGS, '--heapsnapshot-signal=SIGUSR2', API_MAIN],
    {
      env: { ...apiEnvironment(pg.url, port, sandbox.url), SSE_MAX_STREAMS_PER_IP: '100000' },
      cwd: dir,
      stdio: 'ignore',
    },
  );
  const streams: { close(): void }[] = [];
  try {
    await waitUntilReady(`${url}/health/ready`, child);
    const users = await registerUsers(url, sandbox.url, '+447700926', USERS);
    await runFor(5, users, companionLogin); // warm: compiled code, pools, caches
    const idle = await settled(child, url, dir);
    const started: { login_id: string; poll_token: string }[] = [];
    await Promise.all(
      users.map(async (vu, u) => {
        for (let i = u; i < LOGINS; i += USERS) {
          const res = await call('POST', `${url}/v1/logins`, { phone_number: vu.phone });
          if (res.status !== 201) throw new Error(`start: ${res.status}`);
          started.push(res.body);
        }
      }),
    );
    const pending = await settled(child, url, dir);
    for (let i = 0; i < started.length; i += 50) {
      await Promise.all(
        started.slice(i, i + 50).map(async (l) => {
          const stream = await openStatusStream(
            `${url}/v1/logins/${l.login_id}/events?poll_token=${l.poll_token}`,
          );
          await stream.until('PENDING');
          streams.push(stream);
        }),
      );
    }
    const watched = await settled(child, url, dir);
    const f = (n: number) => n.toFixed(1).padStart(7);
    const per = (a: number, b: number) => (((b - a) * 1000) / LOGINS).toFixed(1).padStart(7);
    console.log(`
simauth memory (after a full GC each; MB)        RSS    V8 heap  external
idle, warm                                   ${f(idle.rss)}    ${f(idle.heap)}  ${f(idle.external)}
${LOGINS} logins pending                          ${f(pending.rss)}    ${f(pending.heap)}  ${f(pending.external)}
and an SSE stream open on each              ${f(watched.rss)}    ${f(watched.heap)}  ${f(watched.external)}
per 1,000 pending logins                     ${per(idle.rss, pending.rss)}    ${per(idle.heap, pending.heap)}  ${per(idle.external, pending.external)}
per 1,000 SSE streams                        ${per(pending.rss, watched.rss)}    ${per(pending.heap, watched.heap)}  ${per(pending.external, watched.external)}`);
  } finally {
    for (const s of streams) s.close();
    await stopChild(child);
    await sandbox.stop();
    await pg.stop();
  }
}

const [mode, ...args] = process.argv.slice(2);
const flags = (text = '') => text.split(/\s+/).filter(Boolean);
(mode === 'load'
  ? memoryLoad(args)
  : mode === 'pair'
    ? memoryPair(flags(args[0]), flags(args[1]), Number(args[2] ?? 6))
    : main()
).catch((err) => {
  console.error(`bench:memory failed: ${(err as Error).stack}`);
  process.exit(1);
});
