import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '@simauth/database';
import { eventually } from './sse';

const API_MAIN = join(__dirname, '../../dist/apps/api/src/main.js');
const SANDBOX_MAIN = join(__dirname, '../../dist/apps/sandbox/src/main.js');

export interface ApiProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  child: ChildProcess;
  /** What the process wrote so far (stdout and stderr). */
  output(): string;
}

/**
 * A real api process: the compiled app (built by the system tests' global setup) as `npm start`
 * runs it, on the run's database, listening on `port` (a free one by default). `env` is laid over
 * that; a variable set to undefined is removed (DATABASE_URL, for the embedded Postgres). Resolves
 * once /health/ready says ready.
 */
export async function startApiProcess(
  env: Record<string, string | undefined> = {},
  {
    port,
    readyWithinMs = 30_000,
    main = API_MAIN,
  }: {
    port?: number;
    readyWithinMs?: number;
    /** The compiled entry point: this checkout's by default, another release's for upgrades. */
    main?: string;
  } = {},
): Promise<ApiProcess> {
  const listenOn = port ?? (await findFreePort());
  const url = `http://127.0.0.1:${listenOn}`;
  const merged: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL,
    PORT: String(listenOn),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    // Every test request comes from 127.0.0.1 and the specs share one database: the per-address
    // budget would be spent by the specs together (a spec that tests limits sets its own).
    RATE_LIMIT_IP: '100000/60',
    // Specs that hand the api provider credentials (a standalone sandbox's) are trials, not
    // production; a spec of production mode sets NODE_ENV itself.
    NODE_ENV: 'development',
    ...env,
  };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, [main], {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await eventually(
    async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200),
    readyWithinMs,
  );
  return { url, child, output: () => output };
}

/**
 * The standalone sandbox (`npm run sandbox`), compiled: the providers live outside the api
 * processes, so a test can stop an api or hold its provider calls. `env` gives an api its
 * tru.ID settings.
 */
export async function startStandaloneSandbox(): Promise<{
  child: ChildProcess;
  env: Record<string, string>;
}> {
  const child = spawn(process.execPath, [SANDBOX_MAIN], {
    env: { ...process.env, SANDBOX_PORT: String(await findFreePort()), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  await eventually(async () => expect(out).toMatch(/TRUID_CLIENT_SECRET=\S+/), 30_000);
  const value = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(out)![1];
  return {
    child,
    env: {
      TRUID_BASE_URL: value('TRUID_BASE_URL'),
      TRUID_CLIENT_ID: value('TRUID_CLIENT_ID'),
      TRUID_CLIENT_SECRET: value('TRUID_CLIENT_SECRET'),
    },
  };
}
