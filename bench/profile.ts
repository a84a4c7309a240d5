/**
 * `npm run bench:profile [-- skeleton]`: a CPU profile of one api process (or of the skeleton) serving companion logins (16
 * virtual users, 10 s) on an embedded Postgres and the sandbox, written to bench/profiles/ for
 * Chrome DevTools or `node --cpu-prof` tooling; prints the functions that used the most CPU.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../libs/database/src/embedded-database';
import { findFreePort } from '../libs/database/src/free-port';
import { runMigrations } from '../libs/database/src/migrate';
import {
  API_MAIN,
  apiEnvironment,
  startSandboxProcess,
  stopChild,
  waitUntilReady,
} from './processes';
import { companionLogin, registerUsers, runFor } from './flows';

const SECONDS = 10;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function, largest first. */
function top(file: string, count: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + profile.timeDeltas[i]));
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.includes('node_modules/')
      ? url.slice(url.lastIndexOf('node_modules/') + 13)
      : url.split('/').slice(-2).join('/');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (time.get(node.id) ?? 0));
  }
  const busy = [...self.entries()].filter(([k]) => !k.startsWith('(idle)'));
  const total = busy.reduce((sum, [, v]) => sum + v, 0);
  return busy
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
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
  const child = spawn(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${out}`,
      ...(skeleton
        ? [join(__dirname, 'skeleton.js'), String(port), pg.url, sandbox.url]
        : [API_MAIN]),
    ],
    { env: apiEnvironment(pg.url, port, sandbox.url), stdio: 'ignore' },
  );
  const before = new Set(readdirSync(out));
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
    const users = await registerUsers(registrarUrl, sandbox.url, '+4478', 16);
    if (registrar) await stopChild(registrar);
    for (const vu of users) vu.api = url;
    await runFor(2, users, companionLogin);
    const round = await runFor(SECONDS, users, companionLogin);
    console.log(`${round.durations.length} logins in ${SECONDS} s, ${round.errors} errors`);
  } finally {
    await stopChild(child);
    await sandbox.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const file = readdirSync(out).find((f) => !before.has(f));
  if (!file) throw new Error('no profile written');
  console.log(`profile: bench/profiles/${file}\n${top(join(out, file), 40).join('\n')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
