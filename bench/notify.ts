/**
 * `npm run bench:notify`: the ceiling of one Postgres for simauth's moves, measured on this
 * machine (docs/operations/scaling.md). Many concurrent writers (64 connections) make simauth's own move
 * statement (libs/attempts' transition, with its audit event and NOTIFY) on their own attempts:
 *   1. moves/s and Postgres CPU per move, with the NOTIFY and with it taken out, in alternating
 *      rounds (Postgres serialises the commits of notifying transactions on one lock);
 *   2. with the NOTIFY, as replicas grow (0, 1, 4, 16 listening processes, each LISTENing on one
 *      connection and parsing every payload as AttemptChangeListener does): moves/s, Postgres CPU
 *      per move, and each listener's CPU per notification.
 * Numbers are printed and written to bench/notify-results.json, never asserted.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { transitionParameters } from '@simauth/attempts';
import { AttemptKind } from '../apps/api/src/features/attempt-kind';
import { webhookMoveParameters } from '../apps/api/src/platform/webhooks/webhook-move-hook';
import { measureCpu } from './cpu';
import { startBenchDatabase } from './database';
import { median } from './flows';
import { LOGIN_SQL, NOTIFY } from './login-sql';

const WRITERS = 64;
const ROUND_SECONDS = 4;
const PAIRS = 3;
const REPLICAS = [0, 1, 4, 16];
const ATTEMPTS_PER_WRITER = 4;

const WITHOUT_NOTIFY = LOGIN_SQL.transition.replace(NOTIFY, 'NULL');
if (WITHOUT_NOTIFY === LOGIN_SQL.transition) throw new Error('the move has no NOTIFY to take out');

/** A listening replica: one LISTEN connection, every payload parsed; reports its CPU and count. */
const LISTENER = `
const { Client } = require('pg');
const client = new Client({ connectionString: process.argv[1] });
let received = 0;
client.on('notification', (m) => { const change = JSON.parse(m.payload); if (change.id) received++; });
client.connect().then(() => client.query('LISTEN attempt_changed')).then(() => process.send('ready'));
process.on('message', () => { const u = process.cpuUsage(); process.send({ received, cpuUs: u.user + u.system }); });
`;

interface Listener {
  child: ChildProcess;
  report(): Promise<{ received: number; cpuUs: number }>;
}

async function startListener(url: string): Promise<Listener> {
  const child = spawn(process.execPath, ['-e', LISTENER, url], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    cwd: join(__dirname, '../..'),
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', () => reject(new Error('listener exited')));
  });
  return {
    child,
    report: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as { received: number; cpuUs: number }));
        child.send('report');
      }),
  };
}

async function main(): Promise<void> {
  const pg = await startBenchDatabase('notify', {
    fast: false,
    databaseName: 'notify',
    extraFlags: ['-c', 'max_connections=200'],
  });
  const pool = new Pool({ connectionString: pg.url, max: WRITERS });
  // Idle connections are ended by the server as it stops; that is not a failure of the bench.
  pool.on('error', () => undefined);
  const listeners: Listener[] = [];
  try {
    // Each writer moves its own attempts PENDING ⇄ APPROVED: no row is contended, so what limits
    // is the commit path (and, with the NOTIFY, its lock), not a row lock. They are watched, as
    // a login followed on a live-status stream is: every move notifies.
    const attempts = Array.from({ length: WRITERS * ATTEMPTS_PER_WRITER }, () => randomUUID());
    await pool.query(
      `INSERT INTO attempts (id, kind, status, phone_number, context, expires_at, watched)
       SELECT id, 'companion_login', 'PENDING', '+447700900001', '{}', now() + interval '1 day', true
         FROM unnest($1::uuid[]) AS id`,
      [attempts],
    );
    const postmaster = (await pg.serverPid())!;
    const round = async (sql: string) => {
      let moves = 0;
      const deadline = performance.now() + ROUND_SECONDS * 1000;
      const started = performance.now();
      const { cpu } = await measureCpu({ api: process.pid, sandbox: process.pid, postmaster }, () =>
        Promise.all(
          Array.from({ length: WRITERS }, async (_, w) => {
            const client = await pool.connect();
            try {
              const mine = attempts.slice(w * ATTEMPTS_PER_WRITER, (w + 1) * ATTEMPTS_PER_WRITER);
              const status = new Map(mine.map((id) => [id, 'PENDING']));
              let i = 0;
              while (performance.now() < deadline) {
                const id = mine[i++ % mine.length];
                const from = status.get(id)!;
                const to = from === 'PENDING' ? 'APPROVED' : 'PENDING';
                await client.query({
                  name: sql === WITHOUT_NOTIFY ? 'move_quiet' : 'move',
                  text: sql,
                  values: transitionParameters(
                    {
                      id,
                      kind: AttemptKind.CompanionLogin,
                      to,
                      toIsFinal: false,
                      allowedFrom: [from],
                      expiring: false,
                      actor: 'system',
                      reason: 'bench',
                    },
                    // No webhook endpoints: the outbox write finds none.
                    webhookMoveParameters([], undefined),
                  ),
                });
                status.set(id, to);
                moves++;
              }
            } finally {
              client.release();
            }
          }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      return {
        movesPerSecond: moves / seconds,
        pgUsPerMove: (cpu.postgres_seconds * 1e6) / moves,
        moves,
      };
    };

    console.error(
      `bench:notify: ${WRITERS} writers, with and without the NOTIFY, ${PAIRS} pairs of ${ROUND_SECONDS} s…`,
    );
    await round(LOGIN_SQL.transition);
    await round(WITHOUT_NOTIFY);
    const withNotify: Awaited<ReturnType<typeof round>>[] = [];
    const without: Awaited<ReturnType<typeof round>>[] = [];
    for (let i = 0; i < PAIRS; i++) {
      withNotify.push(await round(LOGIN_SQL.transition));
      without.push(await round(WITHOUT_NOTIFY));
    }

    console.error(`bench:notify: as replicas grow (${REPLICAS.join(', ')} listening processes)…`);
    const replicas: {
      replicas: number;
      moves_per_s: number;
      pg_us_per_move: number;
      listener_us_per_notification: number | null;
    }[] = [];
    for (const count of REPLICAS) {
      while (listeners.length < count) listeners.push(await startListener(pg.url));
      const before = await Promise.all(listeners.map((l) => l.report()));
      const r = await round(LOGIN_SQL.transition);
      // Every listener receives every notification; wait for the last ones to arrive.
      let after = await Promise.all(listeners.map((l) => l.report()));
      for (
        let tries = 0;
        tries < 50 && after.some((a, i) => a.received - before[i].received < r.moves);
        tries++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await Promise.all(listeners.map((l) => l.report()));
      }
      const perNotification = listeners.map(
        (l, i) =>
          (after[i].cpuUs - before[i].cpuUs) / Math.max(1, after[i].received - before[i].received),
      );
      replicas.push({
        replicas: count,
        moves_per_s: Math.round(r.movesPerSecond),
        pg_us_per_move: Math.round(r.pgUsPerMove),
        listener_us_per_notification: count ? Math.round(median(perNotification) * 10) / 10 : null,
      });
    }

    const results = {
      machine: { cores: cpus().length, node: process.version, postgres: 'embedded, durable' },
      writers: WRITERS,
      with_notify: {
        moves_per_s: Math.round(median(withNotify.map((r) => r.movesPerSecond))),
        pg_us_per_move: Math.round(median(withNotify.map((r) => r.pgUsPerMove))),
      },
      without_notify: {
        moves_per_s: Math.round(median(without.map((r) => r.movesPerSecond))),
        pg_us_per_move: Math.round(median(without.map((r) => r.pgUsPerMove))),
      },
      ratio_with_to_without:
        Math.round(
          (median(withNotify.map((r) => r.movesPerSecond)) /
            median(without.map((r) => r.movesPerSecond))) *
            100,
        ) / 100,
      replicas,
    };
    writeFileSync(
      join(__dirname, '../../bench/notify-results.json'),
      JSON.stringify(results, null, 2) + '\n',
    );
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await Promise.all(
      listeners.map(
        (l) => new Promise((resolve) => (l.child.once('exit', resolve), l.child.kill())),
      ),
    );
    await pool.end();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
