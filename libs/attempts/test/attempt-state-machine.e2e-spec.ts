import { randomUUID } from 'node:crypto';
import {
  Actor,
  AttemptChange,
  AttemptChangeListener,
  AttemptExpiredError,
  AttemptNotFoundError,
  AttemptStateMachine,
  AttemptSweeper,
  InvalidTransitionError,
  StatusOf,
  TransitionTable,
  movesBeforeDeadline,
} from '@simauth/attempts';
import { AttemptKind, LoginStatus, TRANSITION_TABLES } from '@test-support/attempt-flows';
import { TestApp, startTestApp } from '@test-support/test-app';

type AnyKind = AttemptKind;
const KINDS = Object.values(AttemptKind);

/** Shortest chain of (status, actor) moves from the initial status to `target`, skipping EXPIRED. */
function pathTo(table: TransitionTable<string>, target: string): { to: string; by: Actor }[] {
  const queue: { status: string; path: { to: string; by: Actor }[] }[] = [
    { status: table.initial, path: [] },
  ];
  const seen = new Set([table.initial]);
  while (queue.length) {
    const { status, path } = queue.shift()!;
    if (status === target) return path;
    for (const move of table.moves) {
      if (move.to === 'EXPIRED' || !move.from.includes(status) || seen.has(move.to)) continue;
      seen.add(move.to);
      queue.push({ status: move.to, path: [...path, { to: move.to, by: move.by[0] }] });
    }
  }
  throw new Error(`${target} is unreachable`);
}

function statusesOf(table: TransitionTable<string>): string[] {
  return [...new Set([table.initial, ...table.moves.flatMap((m) => [...m.from, m.to])])];
}

describe('AttemptStateMachine on Postgres', () => {
  let t: TestApp;
  let machine: AttemptStateMachine;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_POOL_SIZE: '25' } });
    machine = t.app.get(AttemptStateMachine);
  });
  afterAll(() => t.close());

  const overdue = (id: string) =>
    t.db.query(`UPDATE attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
  const events = (
    id: string,
  ): Promise<{ from_status: string | null; to_status: string; actor: string }[]> =>
    t.db.query(
      'SELECT from_status, to_status, actor FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
      [id],
    );

  async function attemptAt(kind: AnyKind, status: string) {
    const table = TRANSITION_TABLES[kind] as TransitionTable<string>;
    // A status an attempt may also start in is reached by starting there.
    const startsThere = (table.alsoInitial ?? []).includes(status);
    const attempt = await machine.create({
      kind,
      ttlSeconds: 60,
      actor: 'system',
      phoneNumber: '+447700900001',
      ...(startsThere ? { status: status as StatusOf<AnyKind> } : {}),
    });
    if (startsThere) return attempt;
    if (status === 'EXPIRED') {
      await overdue(attempt.id);
      return machine.transition({
        kind,
        id: attempt.id,
        to: 'EXPIRED' as StatusOf<AnyKind>,
        actor: 'system',
      });
    }
    let current = attempt;
    for (const step of pathTo(table, status)) {
      current = await machine.transition({
        kind,
        id: attempt.id,
        to: step.to as StatusOf<AnyKind>,
        actor: step.by,
      });
    }
    return current;
  }

  it('creates an attempt in its initial status with a creation event', async () => {
    const attempt = await machine.create({
      kind: AttemptKind.CompanionLogin,
      ttlSeconds: 60,
      actor: 'web',
    });
    expect(attempt.status).toBe(LoginStatus.Pending);
    expect(attempt.version).toBe(1);
    expect(attempt.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await events(attempt.id)).toEqual([
      { from_status: null, to_status: 'PENDING', actor: 'web' },
    ]);
  });

  describe.each(KINDS)('%s table', (kind) => {
    const table = TRANSITION_TABLES[kind] as TransitionTable<string>;
    const legal = table.moves.flatMap((m) =>
      m.from.flatMap((from) => m.by.map((by) => ({ from, to: m.to, by }))),
    );

    // A move to EXPIRED is the deadline's, except an operator's (a blocked user's attempts).
    const deadlineMove = (to: string, by: Actor) =>
      to === 'EXPIRED' && !movesBeforeDeadline(kind, to as StatusOf<AnyKind>, by);

    it.each(legal)('moves $from → $to by $by and records it', async ({ from, to, by }) => {
      const attempt = await attemptAt(kind, from);
      if (deadlineMove(to, by)) await overdue(attempt.id);
      const before = (await events(attempt.id)).length;

      const moved = await machine.transition({
        kind,
        id: attempt.id,
        to: to as StatusOf<AnyKind>,
        actor: by,
      });

      expect(moved.status).toBe(to);
      expect(moved.version).toBe(attempt.version + 1);
      expect(moved.isFinal).toBe(table.final.includes(to));
      const trail = await events(attempt.id);
      expect(trail).toHaveLength(before + 1);
      expect(trail.at(-1)).toEqual({ from_status: from, to_status: to, actor: by });
    });

    const illegal = statusesOf(table).flatMap((from) =>
      table.moves
        .filter((m) => !m.from.includes(from))
        .map((m) => ({ from, to: m.to, by: m.by[0] })),
    );

    it.each(illegal)('refuses $from → $to with 409 and no event', async ({ from, to, by }) => {
      const attempt = await attemptAt(kind, from);
      if (to === 'EXPIRED') await overdue(attempt.id);
      const before = await events(attempt.id);

      const move = machine.transition({
        kind,
        id: attempt.id,
        to: to as StatusOf<AnyKind>,
        actor: by,
      });

      // An attempt that already expired answers 410 rather than 409: it is gone, not busy.
      const gone = from === 'EXPIRED' && !deadlineMove(to, by);
      await expect(move).rejects.toBeInstanceOf(
        gone ? AttemptExpiredError : InvalidTransitionError,
      );
      expect(await events(attempt.id)).toEqual(before);
      expect((await machine.get(kind, attempt.id)).status).toBe(from);
    });
  });

  it('answers 410 for a move on an attempt past its deadline, and leaves it as it was', async () => {
    const attempt = await machine.create({
      kind: AttemptKind.CompanionLogin,
      ttlSeconds: 60,
      actor: 'web',
    });
    await overdue(attempt.id);

    const move = machine.transition({
      kind: AttemptKind.CompanionLogin,
      id: attempt.id,
      to: LoginStatus.Approved,
      actor: 'device',
    });

    await expect(move).rejects.toBeInstanceOf(AttemptExpiredError);
    expect((await machine.get(AttemptKind.CompanionLogin, attempt.id)).status).toBe('PENDING');
    expect(await events(attempt.id)).toHaveLength(1);
  });

  it('answers 404 for an unknown id and for an id of another kind', async () => {
    const registration = await machine.create({
      kind: AttemptKind.Registration,
      ttlSeconds: 60,
      actor: 'device',
    });
    for (const id of [randomUUID(), registration.id]) {
      await expect(
        machine.transition({
          kind: AttemptKind.CompanionLogin,
          id,
          to: LoginStatus.Approved,
          actor: 'device',
        }),
      ).rejects.toBeInstanceOf(AttemptNotFoundError);
    }
  });

  it('lets exactly one of 20 concurrent conflicting moves win, with one event', async () => {
    const attempt = await machine.create({
      kind: AttemptKind.CompanionLogin,
      ttlSeconds: 60,
      actor: 'web',
    });
    const moves = Array.from({ length: 20 }, (_, i) =>
      machine.transition({
        kind: AttemptKind.CompanionLogin,
        id: attempt.id,
        to: i % 2 ? LoginStatus.Approved : LoginStatus.Denied,
        actor: 'device',
      }),
    );

    const outcomes = await Promise.allSettled(moves);

    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const losers = outcomes.filter((o) => o.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers)
      expect((loser as PromiseRejectedResult).reason).toBeInstanceOf(InvalidTransitionError);
    expect(await events(attempt.id)).toHaveLength(2);
    const final = await machine.get(AttemptKind.CompanionLogin, attempt.id);
    expect(final.version).toBe(2);
    expect(final.status).toBe(
      (winners[0] as PromiseFulfilledResult<{ status: string }>).value.status,
    );
  });

  it('sweeps overdue attempts to EXPIRED and leaves live and finished ones alone', async () => {
    const sweeper = t.app.get(AttemptSweeper);
    const late = await machine.create({
      kind: AttemptKind.Registration,
      ttlSeconds: 60,
      actor: 'device',
    });
    const lateLogin = await attemptAt(AttemptKind.CompanionLogin, LoginStatus.MatchPending);
    const live = await machine.create({
      kind: AttemptKind.Registration,
      ttlSeconds: 60,
      actor: 'device',
    });
    const done = await attemptAt(AttemptKind.CompanionLogin, LoginStatus.Denied);
    await Promise.all([overdue(late.id), overdue(lateLogin.id), overdue(done.id)]);

    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(2);

    expect((await machine.get(AttemptKind.Registration, late.id)).status).toBe('EXPIRED');
    expect((await machine.get(AttemptKind.CompanionLogin, lateLogin.id)).status).toBe('EXPIRED');
    expect((await events(late.id)).at(-1)).toEqual({
      from_status: 'CHECK_CREATED',
      to_status: 'EXPIRED',
      actor: 'system',
    });
    expect((await machine.get(AttemptKind.Registration, live.id)).status).toBe('CHECK_CREATED');
    expect((await machine.get(AttemptKind.CompanionLogin, done.id)).status).toBe('DENIED');
  });

  it('announces every committed move of a watched attempt to LISTEN subscribers, in order, and none of an unwatched one', async () => {
    const listener = t.app.get(AttemptChangeListener);
    const unwatched = await machine.create({
      kind: AttemptKind.CompanionLogin,
      ttlSeconds: 60,
      actor: 'web',
    });
    const attempt = await machine.create({
      kind: AttemptKind.CompanionLogin,
      ttlSeconds: 60,
      actor: 'web',
    });
    const unwanted: AttemptChange[] = [];
    const stopUnwatched = listener.subscribe(unwatched.id, (change) => unwanted.push(change));
    const seen: AttemptChange[] = [];
    const threeChanges = new Promise<void>((resolve) => {
      const unsubscribe = listener.subscribe(attempt.id, (change) => {
        // NOTIFY is delivered asynchronously: the creation may still arrive after subscribing,
        // so subscribers order by version and skip what they already know.
        if (change.version <= attempt.version) return;
        seen.push(change);
        if (seen.length === 3) {
          unsubscribe();
          resolve();
        }
      });
    });

    await machine.watch(AttemptKind.CompanionLogin, attempt.id);
    for (const to of [LoginStatus.Approved, LoginStatus.MatchPending, LoginStatus.MatchSuccess]) {
      for (const id of [unwatched.id, attempt.id]) {
        await machine.transition({ kind: AttemptKind.CompanionLogin, id, to, actor: 'device' });
      }
    }
    await threeChanges;
    // The watched attempt's last notification came after every move of the unwatched one.
    stopUnwatched();
    expect(unwanted).toEqual([]);
    await expect(machine.watch(AttemptKind.CompanionLogin, randomUUID())).rejects.toThrow(
      AttemptNotFoundError,
    );

    expect(seen.map((c) => [c.status, c.version])).toEqual([
      ['APPROVED', 2],
      ['MATCH_PENDING', 3],
      ['MATCH_SUCCESS', 4],
    ]);
  });
});
