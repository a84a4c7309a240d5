import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { dataSourceOptions } from '@simauth/database';

/** Blocks this thread, as a busy process does, so that what Postgres sends meanwhile is read at once. */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('the connection pool', () => {
  let ds: DataSource;
  let admin: Client;

  beforeAll(async () => {
    ds = new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 1 }));
    await ds.initialize();
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await ds?.destroy();
    await admin?.end();
  });

  it('drops a connection Postgres terminates just as it is handed to the next query, and carries on', async () => {
    const pool = (ds.driver as PostgresDriver).master as Pool;
    const [{ pid }] = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;

    // The only connection runs a query while another waits for it.
    const first = pool.query('SELECT 1');
    const waiting = ds.query('SELECT 2');
    // The pool hands the connection out on the next tick; after it, the first query is sent.
    await new Promise((resolve) => process.nextTick(resolve));
    // Postgres answers the first and then terminates that backend (as a restart does) before this
    // process reads either: the pool hands the connection to the waiting query and, in the same
    // read, the connection reports its termination.
    const terminated = admin.query('SELECT pg_sleep(0.2), pg_terminate_backend($1)', [pid]);
    blockFor(1000);

    expect((await first).rows).toEqual([{ '?column?': 1 }]);
    // The waiting query fails as the database being unavailable (the api answers 503); had
    // Postgres been slower than the block, it fails with the termination itself...
    await expect(waiting).rejects.toThrow(/not queryable|terminating connection/);
    await terminated;
    // ...and the next one gets a new connection.
    expect(await ds.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
  });
});
