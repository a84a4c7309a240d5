import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ApiProcess {
  url: string;
  sandboxUrl: string;
  child: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited: ${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready in time: ${output()}`);
}

export interface SandboxProcess {
  child: ChildProcess;
  /** Its base URL, as `npm run sandbox` prints it (SANDBOX_URL for an api). */
  url: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The provider sandbox (tru.ID, Vonage, FCM) in its own process (`npm run sandbox`), shared by
 * the api processes as a real deployment shares tru.ID and FCM, so its CPU is not the api's.
 */
export async function startSandboxProcess(port: number): Promise<SandboxProcess> {
  const main = join(__dirname, '../apps/sandbox/src/main.js');
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, SANDBOX_PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox not ready: ${output}`)), 60_000);
    child.once('exit', () => reject(new Error(`sandbox exited: ${output}`)));
    child.stderr!.on('data', (d) => (output += d));
    child.stdout!.on('data', (d) => {
      output += d;
      const printed = /^SANDBOX_URL=(.*)$/m.exec(output);
      if (!printed) return;
      clearTimeout(timer);
      resolve(printed[1]);
    });
  });
  return { child, url, stop: () => stopChild(child) };
}

/** One api process on the given database, as `npm start` runs it, using the shared `sandbox`. */
export async function startApiProcess(
  databaseUrl: string,
  port: number,
  sandbox: SandboxProcess,
): Promise<ApiProcess> {
  const main = join(__dirname, '../apps/api/src/main.js');
  let output = '';
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SANDBOX_URL: sandbox.url,
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '20',
      // The bench replays many logins per number from one address; limits are measured, not hit.
      RATE_LIMIT_PHONE: '1000000/60',
      RATE_LIMIT_IP: '1000000/60',
      RATE_LIMIT_ATTEMPT: '1000000/60',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/health/ready`, child, () => output);
  return {
    url,
    sandboxUrl: sandbox.url,
    child,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    },
    stop: () => stopChild(child),
  };
}

/** The baseline: a bare node:http server answering the same JSON as /health/live. */
export interface BaselineProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBareServer(port: number): Promise<BaselineProcess> {
  const code = `require('node:http').createServer((req, res) => { res.setHeader('content-type', 'application/json; charset=utf-8'); res.end('{"status":"ok"}'); }).listen(${port}, '127.0.0.1');`;
  return startBaseline(['-e', code], port, '');
}

/** The framework's floor: an empty Nest app on Fastify answering the same JSON. */
export function startNestBaseline(port: number): Promise<BaselineProcess> {
  return startBaseline([join(__dirname, 'nest-baseline.js'), String(port)], port, '/health/live');
}

async function startBaseline(args: string[], port: number, path: string): Promise<BaselineProcess> {
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${path}`;
  await waitUntilReady(url, child, () => '');
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}
