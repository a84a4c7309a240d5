/**
 * `node dist/bench/pair.js <main.js of A> <main.js of B> [pairs] [login|oidc]`: two builds of the api (e.g.
 * before and after a change, one built in a git worktree) serving the same companion logins on
 * one embedded Postgres and one sandbox, in alternating measured rounds (A B B A …), so that a
 * machine whose speed drifts treats both alike. Prints each one's api CPU per login and logins/s,
 * and B/A per pair of rounds (`oidc`: OpenID Connect sign-ins, bench/oidc-flow.ts, instead). How docs/performance/benchmarks.md measures what one change saves.
 * In place of a main.js, `skeleton` runs this build's skeleton of the login (bench/skeleton.ts),
 * and `skeleton+api-modules` the same skeleton with every module of the api loaded beside it
 * (bench/api-modules.ts): `pair.js skeleton skeleton+api-modules` measures what the api's size
 * alone costs a login.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { findFreePort } from '@simauth/database';
import {
  API_MAIN,
  API_NODE_FLAGS,
  SandboxProcess,
  apiEnvironment,
  startSandboxProcess,
  startSkeletonProcess,
  stopChild,
  waitUntilReady,
} from './processes';
import { companionLogin, median, registerUsers, runFor } from './flows';
import { measureCpu } from './cpu';
import { startBenchDatabase } from './database';
import { oidcCodeFlow } from './oidc-flow';

const ROUND_SECONDS = 4;

/** In place of a main.js: the skeleton, and the skeleton with every api module loaded first. */
const SKELETONS: Record<string, string[]> = {
  skeleton: [],
  'skeleton+api-modules': ['-r', join(__dirname, 'api-modules.js')],
};

interface Served {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The api of `main`, or one of the SKELETONS (which serve logins only). */
async function startApi(
  main: string,
  databaseUrl: string,
  sandbox: SandboxProcess,
): Promise<Served> {
  const port = await findFreePort();
  const skeleton = SKELETONS[main];
  if (skeleton) return startSkeletonProcess(databaseUrl, port, sandbox, skeleton);
  const child: ChildProcess = spawn(process.execPath, [...API_NODE_FLAGS, resolve(main)], {
    env: apiEnvironment(databaseUrl, port, sandbox.url),
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/health/ready`, child);
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

async function main(): Promise<void> {
  const [mainA, mainB, roundsArg, flowArg] = process.argv.slice(2);
  const flow = flowArg === 'oidc' ? oidcCodeFlow : companionLogin;
  if (flowArg === 'oidc' && (SKELETONS[mainA] || SKELETONS[mainB]))
    throw new Error('the skeleton serves companion logins only, not OpenID Connect sign-ins');
  if (!mainA || !mainB)
    throw new Error(
      'usage: node dist/bench/pair.js <A main.js|skeleton|skeleton+api-modules> <B …> [pairs] [login|oidc]',
    );
  const pairs = Number(roundsArg ?? 6);
  const pg = await startBenchDatabase('pair', { fast: false, databaseName: 'pair' });
  const sandbox = await startSandboxProcess(await findFreePort());
  const a = await startApi(mainA, pg.url, sandbox);
  const b = await startApi(mainB, pg.url, sandbox);
  try {
    // A skeleton serves no registrations: then this build's api registers the phones.
    const registrar = SKELETONS[mainA] ? await startApi(API_MAIN, pg.url, sandbox) : a;
    let users: Awaited<ReturnType<typeof registerUsers>>;
    try {
      users = await registerUsers(registrar.url, sandbox.url, '+447700922', 16);
    } finally {
      if (registrar !== a) await registrar.stop();
    }
    const postmaster = (await pg.serverPid())!;
    const measure = async (api: Served) => {
      for (const vu of users) vu.api = api.url;
      const { result, cpu } = await measureCpu(
        { api: api.pid, sandbox: sandbox.child.pid!, postmaster },
        () => runFor(ROUND_SECONDS, users, flow),
      );
      const flows = Math.max(1, result.durations.length);
      return {
        msPerFlow: (cpu.api_process_seconds * 1000) / flows,
        pgMsPerFlow: (cpu.postgres_seconds * 1000) / flows,
        perSecond: result.durations.length / result.elapsedSeconds,
        errors: result.errors,
      };
    };
    for (const api of [a, b]) {
      for (const vu of users) vu.api = api.url;
      await runFor(2, users, flow);
    }
    const rows: {
      a: Awaited<ReturnType<typeof measure>>;
      b: Awaited<ReturnType<typeof measure>>;
    }[] = [];
    for (let i = 0; i < pairs; i++) {
      if (i % 2) {
        const rb = await measure(b);
        rows.push({ b: rb, a: await measure(a) });
      } else {
        const ra = await measure(a);
        rows.push({ a: ra, b: await measure(b) });
      }
    }
    const fmt = (n: number) => n.toFixed(2);
    for (const [i, r] of rows.entries())
      console.log(
        `pair ${i + 1}: A ${fmt(r.a.msPerFlow)} ms/login ${fmt(r.a.perSecond)}/s · B ${fmt(r.b.msPerFlow)} ms/login ${fmt(r.b.perSecond)}/s · B/A cpu ${fmt(r.b.msPerFlow / r.a.msPerFlow)}`,
      );
    console.log(
      `median: A ${fmt(median(rows.map((r) => r.a.msPerFlow)))} ms/login, B ${fmt(median(rows.map((r) => r.b.msPerFlow)))} ms/login; ` +
        `B/A api CPU per login ${fmt(median(rows.map((r) => r.b.msPerFlow / r.a.msPerFlow)))}, ` +
        `B/A logins/s ${fmt(median(rows.map((r) => r.b.perSecond / r.a.perSecond)))}, ` +
        `Postgres ms/login A ${fmt(median(rows.map((r) => r.a.pgMsPerFlow)))} B ${fmt(median(rows.map((r) => r.b.pgMsPerFlow)))}; ` +
        `errors ${rows.reduce((n, r) => n + r.a.errors + r.b.errors, 0)}`,
    );
  } finally {
    await a.stop();
    await b.stop();
    await sandbox.stop();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
