import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  createDatabase,
  dataSourceOptions,
  missingMigrations,
  runMigrations,
} from '@simauth/database';
import { MIGRATIONS } from '../../../migrations';

/** A fresh, empty database on the run's server, dropped afterwards. */
async function withEmptyDatabase(run: (url: string) => Promise<void>) {
  const name = `mig_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const url = await createDatabase(admin, process.env.DATABASE_URL!, name);
  try {
    await run(url);
  } finally {
    await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  }
}

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  await client.end();
  return rows.map((r) => r.table_name as string);
}

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts, in order', () => {
    const files = readdirSync(join(__dirname, '../../../migrations'))
      .filter((f) => /^\d{13}-[A-Za-z]+\.ts$/.test(f))
      .sort();
    const names = MIGRATIONS.map((m) => m.name);
    expect(names).toEqual(files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')));
  });

  it('apply to an empty database, then change nothing on a second run', async () => {
    await withEmptyDatabase(async (url) => {
      const first = await runMigrations(url);
      expect(first).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await tables(url)).toEqual(
        expect.arrayContaining(['attempts', 'attempt_events', 'migrations']),
      );

      const again = await runMigrations(url);
      expect(again).toEqual([]);
    });
  });

  it('apply once when two replicas migrate at the same moment', async () => {
    await withEmptyDatabase(async (url) => {
      const [a, b] = await Promise.all([runMigrations(url), runMigrations(url)]);
      expect([...a, ...b]).toEqual(MIGRATIONS.map((m) => m.name));
    });
  });

  it('revert cleanly with their down steps', async () => {
    await withEmptyDatabase(async (url) => {
      await runMigrations(url);
      const ds = new DataSource(dataSourceOptions({ url, poolSize: 1 }));
      await ds.initialize();
      for (let i = 0; i < MIGRATIONS.length; i++)
        await ds.undoLastMigration({ transaction: 'each' });
      await ds.destroy();
      expect(await tables(url)).toEqual(['migrations']);
    });
  });

  it('names every migration as missing on an empty database, and creates nothing by asking', async () => {
    await withEmptyDatabase(async (url) => {
      expect(await missingMigrations(url)).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await tables(url)).toEqual([]);
    });
  });

  it("names only the migrations the database lacks, ignoring a newer release's", async () => {
    await withEmptyDatabase(async (url) => {
      await runMigrations(url);
      expect(await missingMigrations(url)).toEqual([]);
      const client = new Client({ connectionString: url });
      await client.connect();
      const last = MIGRATIONS[MIGRATIONS.length - 1].name;
      await client.query('DELETE FROM migrations WHERE name = $1', [last]);
      await client.query(
        `INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromANewerRelease9999999999999')`,
      );
      await client.end();
      expect(await missingMigrations(url)).toEqual([last]);
    });
  });
});
