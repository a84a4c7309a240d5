/**
 * `npm run bench:oidc-sql`: the SQL statements of each step of an OpenID Connect sign-in, of a
 * refresh and of a client_credentials grant, each statement with its calls per flow. One api
 * process on an embedded Postgres, flows one at a time: counts, not timings, so a busy machine
 * gives the same figures. `npm run bench` prints the totals per step.
 */
import { Client } from 'pg';
import { findFreePort } from '@simauth/database';
import { startBenchDatabase } from './database';
import { startApiProcess, startSandboxProcess } from './processes';
import { registerUsers } from './flows';
import { countOidcStatements } from './oidc-statements';
import { oidcCodeFlow } from './oidc-flow';

async function main(): Promise<void> {
  const pg = await startBenchDatabase('oidc-sql', {
    fast: true,
    databaseName: 'oidc_sql',
    extraFlags: ['-c', 'shared_preload_libraries=pg_stat_statements'],
  });
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const sandbox = await startSandboxProcess(await findFreePort());
  const api = await startApiProcess(pg.url, await findFreePort(), sandbox);
  try {
    const [vu] = await registerUsers(api.url, sandbox.url, '+447700923', 1);
    for (let i = 0; i < 3; i++) await oidcCodeFlow(vu);
    const counts = await countOidcStatements(vu, db, 10);
    for (const [step, statements] of Object.entries(counts.detail)) {
      const n =
        step in counts.per_step
          ? counts.per_step[step as keyof typeof counts.per_step]
          : counts[step as 'refresh' | 'client_credentials'];
      console.log(`\n${step}: ${n} statements (median); calls per flow:`);
      for (const [query, calls] of Object.entries(statements))
        console.log(`  ${String(calls).padStart(4)}  ${query}`);
    }
    console.log(
      `\nper sign-in: ${counts.per_flow} (${Object.entries(counts.per_step)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}); refresh ${counts.refresh}; client_credentials ${counts.client_credentials}`,
    );
  } finally {
    await api.stop();
    await sandbox.stop();
    await db.end();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(`bench:oidc-sql failed: ${(err as Error).stack}`);
  process.exit(1);
});
