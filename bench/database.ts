// The embedded Postgres each bench tool runs on: in a temporary folder of its own, migrated, and
// gone (the server and the folder) when the tool stops it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase, runMigrations } from '@simauth/database';

export interface BenchDatabase {
  /** The temporary folder: the cluster is in its `pg` subfolder; the rest is the tool's to use. */
  readonly dir: string;
  /** The migrated database's URL. */
  readonly url: string;
  /** The postmaster's pid, whose children are the backends whose CPU the tools count. */
  serverPid(): Promise<number | undefined>;
  /** Stops the server and removes the folder with everything in it. */
  stop(): Promise<void>;
}

export interface BenchDatabaseOptions {
  /**
   * false: durable, as a deployment runs it (every commit waits for its WAL to reach the disk),
   * for tools whose figures include Postgres. true: the tests' fsync=off, for the others.
   */
  fast: boolean;
  databaseName?: string;
  /** More `postgres` flags (e.g. `-c shared_preload_libraries=pg_stat_statements`). */
  extraFlags?: string[];
}

/** Starts a bench tool's Postgres in a new temporary folder named after the tool, migrated. */
export async function startBenchDatabase(
  tool: string,
  options: BenchDatabaseOptions,
): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `simauth-${tool}-`));
  // As root, Postgres runs as an unprivileged user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const pg = await EmbeddedDatabase.start({
    dir: join(dir, 'pg'),
    port: 0,
    fast: options.fast,
    databaseName: options.databaseName,
    extraFlags: options.extraFlags,
  }).catch((err: unknown) => {
    remove();
    throw err;
  });
  const stop = async () => {
    await pg.stop();
    remove();
  };
  await runMigrations(pg.url).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { dir, url: pg.url, serverPid: () => pg.serverPid(), stop };
}
