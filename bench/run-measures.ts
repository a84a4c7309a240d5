/**
 * What `npm run bench` (run.ts) measures, one function each: the simple endpoint against its
 * baselines, the seeding of a database to a given size, the rounds of flows summed up, and the
 * live status latency between two api processes.
 */
import autocannon from 'autocannon';
import { Client } from 'pg';
import { VirtualUser, call, median, percentile, runFor } from './flows';
import { openStatusStream } from './sse';
import { cpuSeconds } from './cpu';

const WARM_UP_SECONDS = 2;
const SIMPLE_TURNS = 8;
const LOAD_SECONDS = 2;
export const SSE_TRANSITIONS = 1000;
export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

interface Server {
  url: string;
  pid: number;
}

/**
 * req/s, p99 and CPU per request of each server, measured in short turns (simauth, bare, Nest,
 * simauth, …) so that a machine whose speed drifts treats them alike. The figures are medians
 * of the turns, and each ratio is the median of the ratios within a turn (servers measured
 * seconds apart), not a ratio of medians taken minutes apart. req/s also depends on the load
 * generator sharing the 2 cores; CPU per request (the server process's user + system time over
 * the requests it answered) does not.
 */
export async function simpleEndpoint(servers: Record<'simauth' | 'bare' | 'nest', Server>) {
  const urls = Object.fromEntries(Object.entries(servers).map(([k, s]) => [k, s.url])) as Record<
    keyof typeof servers,
    string
  >;
  const turns: Record<keyof typeof urls, { rps: number; p99: number; cpuUs: number }[]> = {
    simauth: [],
    bare: [],
    nest: [],
  };
  // Unrecorded first: every server is measured warm (JIT-compiled), as in production.
  for (const url of Object.values(urls))
    await autocannon({ url, connections: 50, duration: WARM_UP_SECONDS });
  for (let turn = 0; turn < SIMPLE_TURNS; turn++) {
    for (const [name, url] of Object.entries(urls) as [keyof typeof urls, string][]) {
      const cpuBefore = cpuSeconds(servers[name].pid);
      const result = await autocannon({ url, connections: 50, duration: LOAD_SECONDS });
      const cpuUs = ((cpuSeconds(servers[name].pid) - cpuBefore) * 1e6) / result.requests.total;
      turns[name].push({ rps: result.requests.average, p99: result.latency.p99, cpuUs });
    }
  }
  const summary = (name: keyof typeof urls) => ({
    rps: median(turns[name].map((t) => t.rps)),
    p99: median(turns[name].map((t) => t.p99)),
    cpuUs: median(turns[name].map((t) => t.cpuUs)),
  });
  const perTurn = (of: (i: number) => number) => turns.bare.map((_, i) => of(i));
  const ratios = perTurn((i) => turns.simauth[i].rps / turns.bare[i].rps);
  return {
    simple: summary('simauth'),
    baseline: summary('bare'),
    framework: summary('nest'),
    ratio: median(ratios),
    cpuRatio: median(perTurn((i) => turns.bare[i].cpuUs / turns.simauth[i].cpuUs)),
    frameworkRatio: median(perTurn((i) => turns.nest[i].rps / turns.bare[i].rps)),
    ratios: ratios.map((r) => round(r, 2)),
  };
}

export async function seedUsers(db: Client, total: number): Promise<number> {
  const t0 = performance.now();
  // Bulk: one INSERT … SELECT each for users, their devices and a finished login of each.
  await db.query(
    `INSERT INTO users (id, phone_number)
     SELECT gen_random_uuid(), '+4479' || lpad(g::text, 8, '0') FROM generate_series(1, $1) g
     ON CONFLICT (phone_number) DO NOTHING`,
    [total],
  );
  await db.query(
    `INSERT INTO devices (id, user_id, client_device_id, credential_hash, push_token)
     SELECT gen_random_uuid(), u.id, 'seeded', sha256(u.id::text::bytea), 'seeded-' || u.id
       FROM users u WHERE u.phone_number LIKE '+4479%'
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO attempts (id, kind, status, is_final, phone_number, user_id, expires_at, created_at, updated_at)
     SELECT gen_random_uuid(), 'companion_login', 'MATCH_SUCCESS', true, u.phone_number, u.id,
            now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
       FROM users u WHERE u.phone_number LIKE '+4479%'
        AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.user_id = u.id)`,
  );
  // As after any bulk load: vacuumed and analysed now, and checkpointed, so that neither
  // autovacuum nor the checkpoint the load's WAL calls for runs during the measured rounds.
  await db.query('VACUUM ANALYZE');
  await db.query('CHECKPOINT');
  return (performance.now() - t0) / 1000;
}

export type FlowRound = Awaited<ReturnType<typeof runFor>>;

/** The rounds of one size together: rate over their time, percentiles over all their flows. */
export function summarize(rounds: FlowRound[]) {
  const durations = rounds.flatMap((r) => r.durations);
  const seconds = rounds.reduce((sum, r) => sum + r.elapsedSeconds, 0);
  return {
    flowsPerSecond: durations.length / seconds,
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    flows: durations.length,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * Moves logins on process A (PENDING → DENIED) while an SSE client of process B watches each.
 * The latency runs from the move's commit, as Postgres recorded it (track_commit_timestamp), to
 * the moment the client read the event; both clocks are this machine's wall clock.
 */
export async function sseLatency(users: VirtualUser[], a: string, b: string, db: Client) {
  const received = new Map<string, number>(); // login id → wall-clock ms the event was read
  const afterSend: number[] = [];
  let next = 0;
  await Promise.all(
    users.map(async (vu) => {
      while (next < SSE_TRANSITIONS) {
        next++;
        const started = await call('POST', `${a}/v1/logins`, { phone_number: vu.phone });
        const stream = await openStatusStream(
          `${b}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
        );
        await stream.until('PENDING');
        const sent = performance.now();
        await call(
          'POST',
          `${a}/v1/logins/${started.body.login_id}/deny`,
          undefined,
          vu.deviceToken,
        );
        const seen = await stream.until('DENIED');
        stream.close();
        received.set(started.body.login_id, performance.timeOrigin + seen);
        afterSend.push(seen - sent);
      }
    }),
  );
  const { rows } = await db.query<{ id: string; committed_ms: number }>(
    `SELECT attempt_id::text AS id,
            extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000 AS committed_ms
       FROM attempt_events
      WHERE to_status = 'DENIED' AND attempt_id = ANY($1::uuid[])`,
    [[...received.keys()]],
  );
  if (rows.length !== received.size) {
    throw new Error(`found the commit of ${rows.length} of ${received.size} moves`);
  }
  const afterCommit = rows.map((r) => received.get(r.id)! - Number(r.committed_ms));
  return {
    transitions: afterSend.length,
    p50: percentile(afterCommit, 50),
    p99: percentile(afterCommit, 99),
    p50FromRequest: percentile(afterSend, 50),
    p99FromRequest: percentile(afterSend, 99),
  };
}
