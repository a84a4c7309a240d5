import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_CLIENTS } from './oidc-flow';

export interface ApiProcess {
  url: string;
  sandboxUrl: string;
  child: ChildProcess;
  rssMb(): number;
  /** RSS and the V8 heap (used, and what V8 holds), read from the process's own /metrics. */
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

/** Waits until `url` answers 2xx, failing if `child` exits first (with its `output`). */
export async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string = () => '',
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
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

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
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

export const API_MAIN = join(__dirname, '../apps/api/src/main.js');
/** The skeleton of the companion login (bench/skeleton.ts): port, database URL, sandbox URL. */
export const SKELETON_MAIN = join(__dirname, 'skeleton.js');

/**
 * The node flags the api runs with, from `npm run start:prod` (`node <flags> dist/…/main.js`),
 * their one source: the image's CMD and so the Kubernetes manifests run the same (a test checks),
 * and so does every api process of the bench.
 */
export const API_NODE_FLAGS: string[] = (() => {
  const scripts = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).scripts;
  const words = String(scripts['start:prod']).split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/apps/api/src/main.js') {
    throw new Error(`start:prod is not "node <flags> dist/apps/api/src/main.js": ${words}`);
  }
  return words.slice(1, -1);
})();

/** The environment of a bench api process on `databaseUrl`, listening on `port`. */
export function apiEnvironment(
  databaseUrl: string,
  port: number,
  sandboxUrl: string,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SANDBOX_URL: sandboxUrl,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '20',
    // The bench replays many logins per number from one address, and a client's token requests
    // by the thousand: every limit (per phone, address, attempt, client) is raised out of reach.
    // Their counters are still kept, so what they cost is measured; they are never hit.
    RATE_LIMIT_PHONE: '1000000/60',
    RATE_LIMIT_IP: '1000000/60',
    RATE_LIMIT_ATTEMPT: '1000000/60',
    RATE_LIMIT_CLIENT: '1000000/60',
    OIDC_CLIENTS: JSON.stringify(BENCH_CLIENTS),
  };
}

export interface MemorySample {
  rss_mb: number;
  /** The highest RSS so far (VmHWM): the high-water mark between samples too. */
  rss_peak_mb: number;
  heap_used_mb: number;
  heap_total_mb: number;
}

/** A process's resident set (or, with `VmHWM`, its highest so far), from /proc. */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
}

/**
 * The api's memory: RSS from /proc, the V8 heap from its /metrics (prom-client's default
 * metrics, the operators' view), read between measured rounds (a scrape costs the api CPU).
 */
async function memoryOf(url: string, pid: number): Promise<MemorySample> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const gauge = (name: string) => {
    const found = new RegExp(`^simauth_${name} (\\S+)$`, 'm').exec(text);
    if (!found) throw new Error(`/metrics has no simauth_${name}`);
    return Math.round((Number(found[1]) / 2 ** 20) * 10) / 10;
  };
  return {
    rss_mb: Math.round(rssMb(pid) * 10) / 10,
    rss_peak_mb: Math.round(rssMb(pid, 'VmHWM') * 10) / 10,
    heap_used_mb: gauge('nodejs_heap_size_used_bytes'),
    heap_total_mb: gauge('nodejs_heap_size_total_bytes'),
  };
}

/**
 * One api process on the given database, as `npm start` runs it (its node flags), using the
 * shared `sandbox`; `options` override the flags or add to the environment (bench:memory-load).
 */
export async function startApiProcess(
  databaseUrl: string,
  port: number,
  sandbox: SandboxProcess,
  options: { nodeFlags?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<ApiProcess> {
  let output = '';
  const child = spawn(process.execPath, [...(options.nodeFlags ?? API_NODE_FLAGS), API_MAIN], {
    env: { ...apiEnvironment(databaseUrl, port, sandbox.url), ...options.env },
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
    rssMb: () => rssMb(child.pid!),
    memory: () => memoryOf(url, child.pid!),
    stop: () => stopChild(child),
  };
}

/** The baseline: a bare node:http server answering the same JSON as /health/live. */
export interface BaselineProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The node arguments of the bare node:http server on `port`. */
export function bareServerArgs(port: number): string[] {
  return [
    '-e',
    `require('node:http').createServer((req, res) => { res.setHeader('content-type', 'application/json; charset=utf-8'); res.end('{"status":"ok"}'); }).listen(${port}, '127.0.0.1');`,
  ];
}

export async function startBareServer(port: number): Promise<BaselineProcess> {
  return startBaseline(bareServerArgs(port), port, '');
}

/** The node arguments of the empty Nest app on `port`. */
export function nestBaselineArgs(port: number): string[] {
  return [join(__dirname, 'nest-baseline.js'), String(port)];
}

/** The framework's floor: an empty Nest app on Fastify answering the same JSON. */
export function startNestBaseline(port: number): Promise<BaselineProcess> {
  return startBaseline(nestBaselineArgs(port), port, '/health/live');
}

async function startBaseline(args: string[], port: number, path: string): Promise<BaselineProcess> {
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${path}`;
  await waitUntilReady(url, child, () => '');
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

/** The skeleton of the companion login (bench/skeleton.ts) on `databaseUrl`, using `sandbox`. */
export async function startSkeletonProcess(
  databaseUrl: string,
  port: number,
  sandbox: SandboxProcess,
  /** More node arguments (e.g. `-r` a module to load first). */
  nodeArgs: string[] = [],
): Promise<BaselineProcess> {
  // With the api's node flags: the ratio compares the code, not two heap sizes.
  const child = spawn(
    process.execPath,
    [...API_NODE_FLAGS, ...nodeArgs, SKELETON_MAIN, String(port), databaseUrl, sandbox.url],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // Any answer means it listens: a GET of the collection is a 404.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`skeleton exited: ${output}`);
    if (/skeleton on /.test(output)) break;
    if (Date.now() > deadline) throw new Error(`skeleton not ready: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

export interface TlsProxy {
  url: string;
  pid: number;
  /** The certificate clients trust (self-signed, for 127.0.0.1). */
  ca: string;
  stop(): Promise<void>;
}

/**
 * A TLS-terminating proxy (bench/tls-proxy.ts) in front of the api on `targetPort`, in its own
 * process so that its CPU is told apart; its certificate is a fresh self-signed P-256 one.
 */
export async function startTlsProxy(
  dir: string,
  port: number,
  targetPort: number,
): Promise<TlsProxy> {
  const cert = join(dir, 'tls-cert.pem');
  const key = join(dir, 'tls-key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
      .concat(['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'])
      .concat(['-addext', 'subjectAltName=IP:127.0.0.1']),
    { stdio: 'ignore' },
  );
  const child = spawn(
    process.execPath,
    [join(__dirname, 'tls-proxy.js'), String(port), String(targetPort), cert, key],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tls proxy not ready: ${output}`)), 30_000);
    child.once('exit', () => reject(new Error(`tls proxy exited: ${output}`)));
    child.stderr!.on('data', (d) => (output += d));
    child.stdout!.on('data', (d) => {
      output += d;
      if (/tls-proxy on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `https://127.0.0.1:${port}`,
    pid: child.pid!,
    ca: readFileSync(cert, 'utf8'),
    stop: () => stopChild(child),
  };
}
