/**
 * `npm run bench:oidc-steps [-- sign-ins]`: the api's CPU in each step of an OpenID Connect
 * sign-in, beside a bare companion login, as `npm run bench:oidc-sql` counts each step's
 * statements. One api process on a durable embedded Postgres, warmed as the bench's process A is
 * (flows.ts); then sign-ins one at a time, each followed by a companion login, with the CPU the
 * api's main thread used between the answers of two steps, in nanoseconds from the kernel's
 * scheduler statistics (/proc/<pid>/task/<pid>/schedstat). V8's workers (the garbage collector's
 * parallel and concurrent work) are left out: they cannot be told apart by step. What the thread
 * uses idle (timers, sweeps), measured for 5 s first, is taken off each step by its wall time.
 * Flows one at a time cost more per step than the bench's 16 at once, and the ratio differs from
 * the bench's: this says where a sign-in's CPU goes, `npm run bench` what it costs. Printed,
 * never asserted.
 */
import { readFileSync } from 'node:fs';
import { findFreePort } from '@simauth/database';
import { startBenchDatabase } from './database';
import { startApiProcess, startSandboxProcess } from './processes';
import { companionLogin, median, registerUsers, warmUp } from './flows';
import { BENCH_CLIENT, OIDC_STEPS, OidcStep, oidcCodeFlow, signIn } from './oidc-flow';

const DEFAULT_SIGN_INS = 300;
/** How long the api's idle CPU is measured, after the warm-up. */
const IDLE_SECONDS = 5;

/** Nanoseconds of CPU the main thread of process `pid` has used so far. */
function mainThreadNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

async function main(): Promise<void> {
  const signIns = Number(process.argv[2] ?? DEFAULT_SIGN_INS);
  if (!Number.isInteger(signIns) || signIns < 1)
    throw new Error('usage: bench:oidc-steps [sign-ins]');
  // Durable, as `npm run bench` runs it: every commit waits for its WAL to reach the disk.
  const pg = await startBenchDatabase('oidc-steps', { fast: false, databaseName: 'oidc_steps' });
  const sandbox = await startSandboxProcess(await findFreePort());
  const api = await startApiProcess(pg.url, await findFreePort(), sandbox);
  try {
    const pid = api.child.pid!;
    const users = await registerUsers(api.url, sandbox.url, '+447700923', 16);
    await warmUp(users, oidcCodeFlow);
    const [vu] = users;
    /** The main thread's CPU so far, and the time. */
    const sample = () => ({ ns: mainThreadNs(pid), ms: performance.now() });
    // What the api's main thread uses with no request (timers, sweeps, metrics), per ms of wall
    // time: a step's share of it, by the time the step took, is not the step's.
    await new Promise((r) => setTimeout(r, 2000));
    const idleFrom = sample();
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idleTo = sample();
    const idleNsPerMs = (idleTo.ns - idleFrom.ns) / (idleTo.ms - idleFrom.ms);
    const perStep = new Map<OidcStep | 'login', number[]>();
    /** A step's CPU, from `from` to now, less the idle share of the time it took. */
    const add = (step: OidcStep | 'login', from: ReturnType<typeof sample>) => {
      const to = sample();
      const us = perStep.get(step) ?? [];
      us.push((to.ns - from.ns - idleNsPerMs * (to.ms - from.ms)) / 1000);
      perStep.set(step, us);
      return to;
    };
    for (let i = 0; i < signIns; i++) {
      let last = sample();
      await signIn(vu, {
        client: BENCH_CLIENT,
        scope: 'openid phone',
        after: async (step) => {
          last = add(step, last);
        },
      });
      const before = sample();
      await companionLogin(vu);
      add('login', before);
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const login = mean(perStep.get('login')!);
    const flow = OIDC_STEPS.reduce((sum, step) => sum + mean(perStep.get(step)!), 0);
    const row = (name: string, v: number[]) =>
      `${name.padEnd(16)} ${median(v).toFixed(0).padStart(6)} µs  ${mean(v).toFixed(0).padStart(6)} µs`;
    console.log(
      `api main thread CPU per step, ${signIns} sign-ins one at a time (warm api), less its idle ` +
        `${(idleNsPerMs / 1000).toFixed(1)} µs per ms of the step's wall time:\n` +
        `${'step'.padEnd(16)} ${'median'.padStart(9)}  ${'mean'.padStart(9)}`,
    );
    for (const step of OIDC_STEPS) console.log(row(step, perStep.get(step)!));
    console.log(
      `${'sign-in'.padEnd(16)} ${''.padStart(9)}  ${flow.toFixed(0).padStart(6)} µs (sum of the means)\n` +
        `${row('companion login', perStep.get('login')!)} (bench/flows.ts, alone)\n` +
        `sign-in / companion login: ${(flow / login).toFixed(2)} (one at a time; the bench's ` +
        `oidc.code_flow.api_cpu_ratio_to_login is under 16 at once, V8's workers included)`,
    );
  } finally {
    await api.stop();
    await sandbox.stop();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(`bench:oidc-steps failed: ${(err as Error).stack}`);
  process.exit(1);
});
