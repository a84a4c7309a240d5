import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return 0; // the process ended
  }
}

/** Pids of every running `postgres` process (the server and its backends). */
export function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

export interface CpuUse {
  wall_seconds: number;
  api_process_seconds: number;
  sandbox_process_seconds: number;
  postgres_seconds: number;
  load_generator_seconds: number;
}

/** The CPU use of several measured stretches together. */
export function sumCpu(uses: CpuUse[]): CpuUse {
  const total = (key: keyof CpuUse) =>
    Math.round(uses.reduce((sum, use) => sum + use[key], 0) * 10) / 10;
  return {
    wall_seconds: total('wall_seconds'),
    api_process_seconds: total('api_process_seconds'),
    sandbox_process_seconds: total('sandbox_process_seconds'),
    postgres_seconds: total('postgres_seconds'),
    load_generator_seconds: total('load_generator_seconds'),
  };
}

/** CPU used by the api process, the sandbox process, Postgres and this load generator. */
export async function measureCpu<T>(
  apiPid: number,
  sandboxPid: number,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse }> {
  const pg = () => postgresPids().reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const before = {
    api: cpuSeconds(apiPid),
    sandbox: cpuSeconds(sandboxPid),
    pg: pg(),
    bench: process.cpuUsage(),
  };
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const benchUsage = process.cpuUsage(before.bench);
  return {
    result,
    cpu: {
      wall_seconds: Math.round(wall * 100) / 100,
      api_process_seconds: Math.round((cpuSeconds(apiPid) - before.api) * 100) / 100,
      sandbox_process_seconds: Math.round((cpuSeconds(sandboxPid) - before.sandbox) * 100) / 100,
      postgres_seconds: Math.round((pg() - before.pg) * 100) / 100,
      load_generator_seconds: Math.round(((benchUsage.user + benchUsage.system) / 1e6) * 100) / 100,
    },
  };
}
