/**
 * `npm run bench:webhooks`: webhook delivery under a faulty receiver. One compiled api process
 * delivers to one endpoint that answers 500 to 10% of deliveries and hangs (never answers; the
 * api gives up at WEBHOOK_TIMEOUT_MS) on 1%, while moves are made at 100 events/s for a minute
 * with simauth's own move statement (libs/attempts' transition, which writes the outbox): 50
 * logins a second, each moved twice (login.approved, then login.succeeded), so order per attempt
 * is in play. Printed: the time from move to first 2xx (p50, p99, max) of the events delivered on
 * their first try, and of all; and the backlog over time as the api's /metrics shows it. Written
 * to bench/webhooks-results.json too. Never asserted.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Pool } from 'pg';
import { findFreePort } from '@simauth/database';
import { transitionParameters, transitionSql } from '@simauth/attempts';
import { AttemptKind } from '../apps/api/src/features/attempt-kind';
import {
  WEBHOOK_MOVE_SQL,
  webhookMoveParameters,
} from '../apps/api/src/platform/webhooks/webhook-move-hook';
import { startBenchDatabase } from './database';
import { percentile } from './flows';
import {
  API_MAIN,
  API_NODE_FLAGS,
  apiEnvironment,
  startSandboxProcess,
  stopChild,
  waitUntilReady,
} from './processes';

const EVENTS_PER_SECOND = 100;
const SECONDS = 60;
/** After the moves stop: how long the backlog may take to drain before the bench gives up. */
const DRAIN_SECONDS = 60;
const FAIL_SHARE = 0.1;
const HANG_SHARE = 0.01;
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

interface Delivery {
  /** The move's time, from the payload (the database's clock: the same machine). */
  movedAt: number;
  tries: number;
  firstTryOk: boolean;
  deliveredAt?: number;
}

/** The faulty receiver: per request, hang 1%, answer 500 to 10%, 200 to the rest. */
function startReceiver(deliveries: Map<string, Delivery>) {
  const hung: ServerResponse[] = [];
  let hangs = 0;
  let failures = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      let d = deliveries.get(id);
      if (!d) {
        d = { movedAt: Date.parse(payload.timestamp), tries: 0, firstTryOk: false };
        deliveries.set(id, d);
      }
      d.tries++;
      const roll = Math.random();
      if (roll < HANG_SHARE) {
        hangs++;
        hung.push(res);
        return;
      }
      if (roll < HANG_SHARE + FAIL_SHARE) {
        failures++;
        res.writeHead(500).end();
        return;
      }
      if (d.deliveredAt === undefined) {
        d.deliveredAt = Date.now();
        d.firstTryOk = d.tries === 1;
      }
      res.writeHead(200).end();
    });
  });
  return {
    server,
    counts: () => ({ hangs, failures }),
    close: async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The api's webhook gauges, as a scrape reads them. */
async function scrape(
  apiUrl: string,
  pool: Pool,
): Promise<{ backlog: number; lagSeconds: number }> {
  const text = await (await fetch(`${apiUrl}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  const gauged = {
    backlog: value('simauth_webhook_backlog'),
    lagSeconds: value('simauth_webhook_lag_seconds'),
  };
  if (!Number.isNaN(gauged.backlog)) return gauged;
  // A build from before the backlog gauge (to compare): the same query, made here.
  const [row] = (
    await pool.query(
      `SELECT count(*)::int AS backlog,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
         FROM webhook_outbox WHERE delivered_at IS NULL AND dead_at IS NULL`,
    )
  ).rows;
  return { backlog: row.backlog, lagSeconds: row.lag };
}

async function main(): Promise<void> {
  const pg = await startBenchDatabase('webhooks', { fast: false, databaseName: 'webhooks' });
  const deliveries = new Map<string, Delivery>();
  const receiver = startReceiver(deliveries);
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks`;
  const endpoint = { url: hookUrl, secret: SECRET, events: ['login.*'] };
  const sandbox = await startSandboxProcess(await findFreePort());
  const pool = new Pool({ connectionString: pg.url, max: 8 });
  pool.on('error', () => undefined);
  let api: ReturnType<typeof spawn> | undefined;
  try {
    const port = await findFreePort();
    let output = '';
    api = spawn(process.execPath, [...API_NODE_FLAGS, API_MAIN], {
      env: {
        ...apiEnvironment(pg.url, port, sandbox.url),
        WEBHOOKS: JSON.stringify([endpoint]),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (d) => (output += d));
    api.stderr!.on('data', (d) => (output += d));
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${apiUrl}/health/ready`, api, () => output);

    const logins = (EVENTS_PER_SECOND / 2) * SECONDS;
    const ids = Array.from({ length: logins }, () => randomUUID());
    await pool.query(
      `INSERT INTO attempts (id, kind, status, phone_number, context, expires_at)
       SELECT id, 'companion_login', 'PENDING', '+447700900001', '{}', now() + interval '1 day'
         FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    const move = (id: string, from: string, to: string, type: string) =>
      pool.query({
        name: 'move',
        text: transitionSql(WEBHOOK_MOVE_SQL),
        values: transitionParameters(
          {
            id,
            kind: AttemptKind.CompanionLogin,
            to,
            toIsFinal: to === 'MATCH_SUCCESS',
            allowedFrom: [from],
            expiring: false,
            actor: 'system',
            reason: 'bench',
          },
          webhookMoveParameters([endpoint], type),
        ),
      });

    console.error(
      `bench:webhooks: ${EVENTS_PER_SECOND} events/s for ${SECONDS} s to one endpoint (500 on ${FAIL_SHARE * 100}%, hanging on ${HANG_SHARE * 100}%)…`,
    );
    const backlog: { second: number; backlog: number; lagSeconds: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      scrape(apiUrl, pool)
        .then((s) => {
          const second = Math.round((Date.now() - started) / 1000);
          backlog.push({ second, ...s });
          console.error(`  t=${second}s backlog ${s.backlog}, oldest ${s.lagSeconds.toFixed(1)} s`);
        })
        .catch(() => undefined);
    }, 5000);
    // Every 20 ms, one login approved and one (approved 20 ms before) succeeded: 100 events/s.
    // The second move of a login follows its first (a later move never overtakes it in the pool).
    const moves: Promise<unknown>[] = [];
    let approved: Promise<unknown> | undefined;
    for (let i = 0; i <= logins; i++) {
      const due = started + (i * 2000) / EVENTS_PER_SECOND;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (approved) {
        const id = ids[i - 1];
        moves.push(approved.then(() => move(id, 'APPROVED', 'MATCH_SUCCESS', 'login.succeeded')));
      }
      approved = i < logins ? move(ids[i], 'PENDING', 'APPROVED', 'login.approved') : undefined;
      if (approved) moves.push(approved);
    }
    await Promise.all(moves);
    const movedFor = (Date.now() - started) / 1000;
    const drainStart = Date.now();
    while (Date.now() - drainStart < DRAIN_SECONDS * 1000) {
      const [row] = (
        await pool.query(
          `SELECT count(*)::int AS pending FROM webhook_outbox
            WHERE delivered_at IS NULL AND dead_at IS NULL`,
        )
      ).rows;
      if (row.pending === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const drainedIn = (Date.now() - drainStart) / 1000;
    clearInterval(sampler);

    const all = [...deliveries.values()];
    const delivered = all.filter((d) => d.deliveredAt !== undefined);
    const latency = (list: Delivery[]) => list.map((d) => (d.deliveredAt! - d.movedAt) / 1000);
    const firstTry = latency(delivered.filter((d) => d.firstTryOk));
    const every = latency(delivered);
    const summary = (values: number[]) => ({
      count: values.length,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
      max: Math.max(...values),
    });
    const [outbox] = (
      await pool.query(
        `SELECT count(*)::int AS events, count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead
           FROM webhook_outbox`,
      )
    ).rows;
    const results = {
      events: outbox.events,
      movedForSeconds: movedFor,
      receiver: receiver.counts(),
      delivered: delivered.length,
      dead: outbox.dead,
      drainedInSeconds: drainedIn,
      moveToFirst2xxSeconds: { firstTry: summary(firstTry), all: summary(every) },
      backlog,
    };
    const f = (s: number) => `${s.toFixed(2)} s`;
    const line = (name: string, s: ReturnType<typeof summary>) =>
      `${name}: ${s.count} events, p50 ${f(s.p50)}, p99 ${f(s.p99)}, max ${f(s.max)}`;
    console.log(
      [
        `events moved: ${results.events} in ${movedFor.toFixed(1)} s; receiver hung ${results.receiver.hangs}, answered 500 to ${results.receiver.failures}`,
        line(
          'move to first 2xx, delivered on the first try',
          results.moveToFirst2xxSeconds.firstTry,
        ),
        line('move to first 2xx, every delivered event', results.moveToFirst2xxSeconds.all),
        `delivered ${results.delivered}, dead ${results.dead}; backlog drained ${drainedIn.toFixed(1)} s after the last move`,
        `backlog (pending rows) every 5 s: ${backlog.map((b) => b.backlog).join(', ')}`,
      ].join('\n'),
    );
    writeFileSync(
      join(__dirname, '../../bench/webhooks-results.json'),
      JSON.stringify(results, null, 2),
    );
  } finally {
    if (api) await stopChild(api);
    await pool.end();
    await sandbox.stop();
    await receiver.close();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
