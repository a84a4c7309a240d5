/**
 * `npm run bench:memory -- load`: the api's memory under the bench's load, in a few minutes. One api
 * process started as `npm run bench` starts it (the node flags of `npm run start:prod`), on an
 * embedded Postgres; `/health/live` under autocannon, companion logins and OpenID code flows in
 * turns, then the token endpoints (refresh rotation, ES256 and RS256, and client_credentials,
 * 16 clients, the bench's turns), with the api's RSS, its peak (VmHWM), the V8 heap (used and
 * held) and the api CPU per token request printed after each phase.
 *
 *   node dist/bench/memory.js load [node flags for the api…]   (default: start:prod's)
 *   MEMORY_LOAD_ENV='MALLOC_ARENA_MAX=2' node dist/bench/memory.js load
 */
import autocannon from 'autocannon';
import { findFreePort } from '@simauth/database';
import { startBenchDatabase } from './database';
import { API_NODE_FLAGS, startApiProcess, startSandboxProcess } from './processes';
import { companionLogin, median, registerUsers, runFor } from './flows';
import { oidcCodeFlow } from './oidc-flow';
import { TOKEN_KINDS, TokenLoad } from './oidc-tokens';
import { cpuSeconds } from './cpu';

const TURNS = 5;
const TOKEN_TURNS = 3;

/** The phases above, the api run with `nodeFlags` (start:prod's if none). */
export async function memoryLoad(nodeFlags: string[]): Promise<void> {
  const flags = nodeFlags.length ? nodeFlags : API_NODE_FLAGS;
  const extraEnv = Object.fromEntries(
    (process.env.MEMORY_LOAD_ENV ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((kv) => kv.split('=') as [string, string]),
  );
  const pg = await startBenchDatabase('memory-load', { fast: true });
  const sandbox = await startSandboxProcess(await findFreePort());
  const api = await startApiProcess(pg.url, await findFreePort(), sandbox, {
    nodeFlags: flags,
    env: extraEnv,
  });
  const pid = api.child.pid!;
  const rows: string[] = [];
  let cpuMark = cpuSeconds(pid);
  const sample = async (after: string, requests?: number) => {
    const m = await api.memory();
    const cpu = cpuSeconds(pid) - cpuMark;
    const perRequest = requests ? ((cpu * 1000) / requests).toFixed(3) : '';
    rows.push(
      [after.padEnd(22), m.rss_mb, m.rss_peak_mb, m.heap_used_mb, m.heap_total_mb]
        .map((v) => String(v).padStart(8))
        .join(' ') + `  ${cpu.toFixed(2).padStart(6)} ${perRequest.padStart(7)}`,
    );
    cpuMark = cpuSeconds(pid);
  };
  try {
    await sample('started');
    for (let i = 0; i < 4; i++)
      await autocannon({ url: `${api.url}/health/live`, connections: 50, duration: 2 });
    await sample('health/live');
    const users = await registerUsers(api.url, api.sandboxUrl, '+447700923', 16);
    for (let turn = 0; turn < TURNS; turn++) {
      for (const flow of [companionLogin, oidcCodeFlow]) {
        const round = await runFor(4, users, flow);
        if (round.errors) throw new Error(`${flow.name}: ${round.errors} errors`);
      }
      await sample(`login turn ${turn + 1}`);
    }
    const load = new TokenLoad(api.url, api.url, '');
    await load.start(users);
    for (const kind of TOKEN_KINDS) await load.run(kind, 1);
    for (let turn = 0; turn < TOKEN_TURNS; turn++) {
      let requests = 0;
      for (const kind of TOKEN_KINDS) {
        const r = await load.run(
          kind.endsWith('_tls') ? (kind.replace('_tls', '') as any) : kind,
          3,
        );
        if (r.errors) throw new Error(`${kind}: ${r.errors} errors`);
        requests += r.requests;
      }
      await sample(`token turn ${turn + 1}`, requests);
    }
    await load.close();
    for (let turn = 0; turn < 2; turn++) {
      await runFor(4, users, companionLogin);
      await sample(`logins after ${turn + 1}`);
    }
    console.log(`api node flags: ${flags.join(' ') || '(none)'} env: ${JSON.stringify(extraEnv)}`);
    console.log(`${'after'.padEnd(22)}      RSS     peak heapUsed heapHeld  cpu s  ms/token-req`);
    for (const row of rows) console.log(row);
  } finally {
    await api.stop();
    await sandbox.stop();
    await pg.stop();
  }
}

/**
 * `node dist/bench/memory.js pair "<flags A>" "<flags B>" [pairs]`: what node flags cost in CPU.
 * Two api processes of this build, one per set of flags, on one Postgres and sandbox, serve the
 * same load in alternating measured rounds (A B B A …): companion logins and OpenID code flows for 4 s each, then refresh
 * rotations and client_credentials grants for 3 s each. Prints each one's api CPU per request and
 * B/A per pair, and the RSS of each at the end.
 */
export async function memoryPair(flagsA: string[], flagsB: string[], pairs: number) {
  const pg = await startBenchDatabase('memory-pair', { fast: true });
  const sandbox = await startSandboxProcess(await findFreePort());
  const start = async (nodeFlags: string[]) =>
    startApiProcess(pg.url, await findFreePort(), sandbox, { nodeFlags });
  const apis = [await start(flagsA), await start(flagsB)];
  try {
    const users = await registerUsers(apis[0].url, sandbox.url, '+447700922', 16);
    const loads = apis.map((api) => new TokenLoad(api.url, api.url, ''));
    const kinds = ['login', 'oidc', 'refresh', 'cc'] as const;
    const one = async (i: number, kind: (typeof kinds)[number], seconds: number) => {
      const pid = apis[i].child.pid!;
      const before = cpuSeconds(pid);
      let requests: number;
      if (kind === 'login' || kind === 'oidc') {
        for (const vu of users) vu.api = apis[i].url;
        const round = await runFor(
          seconds,
          users,
          kind === 'login' ? companionLogin : oidcCodeFlow,
        );
        if (round.errors) throw new Error(`${kind}: ${round.errors} errors`);
        requests = round.durations.length;
      } else {
        const round = await loads[i].run(kind, seconds);
        if (round.errors) throw new Error(`${kind}: ${round.errors} errors`);
        requests = round.requests;
      }
      return ((cpuSeconds(pid) - before) * 1000) / Math.max(1, requests);
    };
    for (const i of [0, 1]) {
      for (const vu of users) vu.api = apis[i].url;
      await loads[i].start(users);
      for (const kind of kinds) await one(i, kind, 2);
    }
    const ms: Record<string, number[][]> = {
      login: [[], []],
      oidc: [[], []],
      refresh: [[], []],
      cc: [[], []],
    };
    for (let p = 0; p < pairs; p++) {
      for (const i of p % 2 ? [1, 0] : [0, 1]) {
        for (const kind of ['login', 'oidc'] as const) ms[kind][i].push(await one(i, kind, 4));
        for (const kind of ['refresh', 'cc'] as const) ms[kind][i].push(await one(i, kind, 3));
      }
    }
    const f = (n: number) => n.toFixed(3);
    console.log(`A: ${flagsA.join(' ') || '(none)'}\nB: ${flagsB.join(' ') || '(none)'}`);
    for (const kind of kinds) {
      const ratios = ms[kind][0].map((a, p) => ms[kind][1][p] / a);
      console.log(
        `${kind}: api ms/request A ${f(median(ms[kind][0]))} B ${f(median(ms[kind][1]))}; B/A ${f(median(ratios))} (pairs ${ratios.map(f).join(' ')})`,
      );
    }
    console.log(
      `RSS at the end: A ${apis[0].rssMb().toFixed(1)} MB, B ${apis[1].rssMb().toFixed(1)} MB`,
    );
    await Promise.all(loads.map((l) => l.close()));
  } finally {
    for (const api of apis) await api.stop();
    await sandbox.stop();
    await pg.stop();
  }
}
