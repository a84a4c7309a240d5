import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Fields of /proc/<pid>/stat after the command name (field 3, the state, comes first). */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended
  }
}

/** CPU seconds (user + system) in a process's stat fields. */
const cpuOf = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? cpuOf(fields) : 0;
}

/**
 * CPU seconds a process's threads have used so far, by kind: Node's main thread, V8's workers
 * (parallel and concurrent garbage collection, background compilation) and libuv's pool
 * (asynchronous crypto, file system, DNS). A CPU profile sees only the main thread.
 */
export function cpuSecondsByThread(pid: number): Map<string, number> {
  const kinds = new Map<string, number>();
  let threads: string[] = [];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return kinds; // the process ended
  }
  for (const thread of threads) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    // Threads of a kind are numbered (V8Worker, libuv-worker…): one line per kind.
    const kind = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    kinds.set(kind, (kinds.get(kind) ?? 0) + cpuOf(fields));
  }
  return kinds;
}

/** CPU seconds of a process's V8 worker threads (see cpuSecondsByThread). */
const v8WorkersSeconds = (pid: number) => cpuSecondsByThread(pid).get('V8Worker') ?? 0;

/** CPU seconds of a process's children that have exited and been waited for (cutime + cstime). */
const exitedChildrenCpuOf = (fields: string[]) =>
  (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;

/** The command line of a process, as Postgres sets it (`postgres: walwriter`, …). */
function commandOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Postgres's own processes, as their command lines name them: not a client's connection. */
const BACKGROUND =
  /^postgres: (checkpointer|background writer|walwriter|autovacuum|logical replication|archiver|walsender|walreceiver|startup|io worker)/;

/**
 * CPU seconds used so far by one Postgres server: its postmaster, the processes it runs now
 * (backends, WAL writer, checkpointer…) and those that have exited (a backend whose connection the
 * pool closed, an autovacuum worker), which the kernel adds to the postmaster's children's time.
 * Without the last, the figure drops when a backend exits. Other Postgres servers on the machine
 * are not counted. `connections`: CPU seconds so far of each backend of a client's connection open
 * now, by pid (what their statements cost, without the server's background work).
 */
function postgresCpuSeconds(postmasterPid: number): {
  total: number;
  connections: Map<string, number>;
} {
  let total = 0;
  const connections = new Map<string, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const fields = statFields(d);
    if (!fields) continue;
    if (Number(d) === postmasterPid) total += cpuOf(fields) + exitedChildrenCpuOf(fields);
    else if (fields[1] === String(postmasterPid)) {
      const cpu = cpuOf(fields);
      total += cpu;
      if (!BACKGROUND.test(commandOf(d))) connections.set(d, cpu);
    }
  }
  return { total, connections };
}

/**
 * CPU seconds of the connections' backends between two readings: each one open at the second, less
 * what it had used at the first (a connection closed meanwhile is left out).
 */
function connectionsDelta(before: Map<string, number>, after: Map<string, number>): number {
  let sum = 0;
  for (const [pid, cpu] of after) sum += cpu - (before.get(pid) ?? 0);
  return sum;
}

export interface CpuUse {
  wall_seconds: number;
  api_process_seconds: number;
  /**
   * The part of api_process_seconds in V8's worker threads (the garbage collector's parallel and
   * concurrent work, background compilation), which a CPU profile of the api does not see.
   */
  api_v8_workers_seconds: number;
  sandbox_process_seconds: number;
  postgres_seconds: number;
  /** The part of postgres_seconds in the backends of clients' connections (see connectionsDelta). */
  postgres_connections_seconds: number;
  load_generator_seconds: number;
}

/** The CPU use of several measured stretches together. */
export function sumCpu(uses: CpuUse[]): CpuUse {
  const total = (key: keyof CpuUse) =>
    Math.round(uses.reduce((sum, use) => sum + use[key], 0) * 10) / 10;
  return {
    wall_seconds: total('wall_seconds'),
    api_process_seconds: total('api_process_seconds'),
    api_v8_workers_seconds: total('api_v8_workers_seconds'),
    sandbox_process_seconds: total('sandbox_process_seconds'),
    postgres_seconds: total('postgres_seconds'),
    postgres_connections_seconds: total('postgres_connections_seconds'),
    load_generator_seconds: total('load_generator_seconds'),
  };
}

/** CPU used by the api process, the sandbox process, Postgres and this load generator. */
export async function measureCpu<T>(
  pids: { api: number; sandbox: number; postmaster: number },
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse }> {
  const before = {
    api: cpuSeconds(pids.api),
    apiWorkers: v8WorkersSeconds(pids.api),
    sandbox: cpuSeconds(pids.sandbox),
    pg: postgresCpuSeconds(pids.postmaster),
    bench: process.cpuUsage(),
  };
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const benchUsage = process.cpuUsage(before.bench);
  const pg = postgresCpuSeconds(pids.postmaster);
  return {
    result,
    cpu: {
      wall_seconds: Math.round(wall * 100) / 100,
      api_process_seconds: Math.round((cpuSeconds(pids.api) - before.api) * 100) / 100,
      api_v8_workers_seconds:
        Math.round((v8WorkersSeconds(pids.api) - before.apiWorkers) * 100) / 100,
      sandbox_process_seconds: Math.round((cpuSeconds(pids.sandbox) - before.sandbox) * 100) / 100,
      postgres_seconds: Math.round((pg.total - before.pg.total) * 100) / 100,
      postgres_connections_seconds:
        Math.round(connectionsDelta(before.pg.connections, pg.connections) * 100) / 100,
      load_generator_seconds: Math.round(((benchUsage.user + benchUsage.system) / 1e6) * 100) / 100,
    },
  };
}
