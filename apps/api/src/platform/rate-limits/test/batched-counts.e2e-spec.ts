import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { OPS_CLIENT } from '@test-support/admin';
import { eventually } from '@test-support/sse';
import { recordStatements } from '@test-support/statements';
import { RateLimit } from '../rate-limiter.service';
import { SpentBudgets } from '../spent-budgets';

/** A relying party with client_credentials, named afresh each run: its counter is its own. */
const RP = {
  ...OPS_CLIENT,
  client_id: `rp-${randomUUID()}`,
  client_secret: `rp-secret-that-is-long-enough-${randomUUID()}`,
};

describe('counts of successful OAuth answers: sent together far from the limit, at once near it', () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await startTestApp({
      env: { RATE_LIMIT_CLIENT: '40/60', OIDC_CLIENTS: JSON.stringify([RP]) },
    });
  });
  afterAll(async () => {
    await a.close();
  });

  const hitsOf = async (app: TestApp, key: string): Promise<number> => {
    const rows: { hits: number }[] = await app.db.query(
      'SELECT hits FROM rate_limits WHERE key = $1',
      [key],
    );
    return rows[0]?.hits ?? 0;
  };
  const counters = (text: string) => text.includes('INSERT INTO rate_limits');
  /** A budget of its own: 40 hits a minute. */
  const budget = (): RateLimit => ({
    key: `batch-${randomUUID()}`,
    limit: 40,
    windowSeconds: 60,
    what: 'x',
  });

  it('sends the hits of a budget less than half spent in one statement within 100 ms, and each later hit at once, so a spent budget is refused from the next request', async () => {
    const budgets = a.app.get(SpentBudgets);
    const limit = budget();
    const sent = recordStatements(counters);
    try {
      // The first hit of a window this process has not counted goes at once.
      await budgets.countSucceeded(limit);
      expect(await hitsOf(a, limit.key)).toBe(1);
      // The next 19 (up to half of 40) wait for one statement.
      for (let i = 0; i < 19; i++) await budgets.countSucceeded(limit);
      expect(sent.statements).toHaveLength(1);
      await eventually(async () => expect(await hitsOf(a, limit.key)).toBe(20));
      expect(sent.statements).toHaveLength(2);
      // Past half, each hit is counted at once.
      for (let hit = 21; hit <= 40; hit++) {
        await budgets.countSucceeded(limit);
        expect(await hitsOf(a, limit.key)).toBe(hit);
      }
      expect(sent.statements).toHaveLength(22);
    } finally {
      sent.stop();
    }
    // The 40th used the budget: the next request is refused without a statement.
    expect(budgets.refusal(limit.key)?.message).toMatch(/at most 40 in 60 seconds/);
  });

  it('counts a failed answer at once together with the hits still waiting', async () => {
    const budgets = a.app.get(SpentBudgets);
    const limit = budget();
    await budgets.countSucceeded(limit);
    for (let i = 0; i < 5; i++) await budgets.countSucceeded(limit);
    expect(await budgets.count(limit)).toBeUndefined();
    expect(await hitsOf(a, limit.key)).toBe(7);
    // The hits it carried are not sent again.
    await budgets.flush();
    expect(await hitsOf(a, limit.key)).toBe(7);
  });

  it('counts hits sent but not yet answered toward half the budget', async () => {
    const budgets = a.app.get(SpentBudgets);
    const limit = { ...budget(), limit: 10 };
    const sent = recordStatements(counters);
    try {
      await budgets.countSucceeded(limit); // at once: 1 counted
      for (let i = 0; i < 3; i++) await budgets.countSucceeded(limit); // waiting
      const batch = budgets.flush(); // 3 on their way, not answered yet
      await budgets.countSucceeded(limit); // 1 + 3 + 1: half of 10, waits
      await budgets.countSucceeded(limit); // past half: at once, with the one waiting
      await batch;
      expect(sent.statements).toHaveLength(3);
    } finally {
      sent.stop();
    }
    expect(await hitsOf(a, limit.key)).toBe(6);
  });

  it('loses no hit of a replica that stops: what waits is sent before the database is let go', async () => {
    const b = await startTestApp({
      env: { RATE_LIMIT_CLIENT: '40/60', OIDC_CLIENTS: JSON.stringify([RP]) },
      sharedSandbox: a.sandbox,
    });
    const basic = Buffer.from(`${RP.client_id}:${RP.client_secret}`).toString('base64');
    const token = () =>
      fetch(`${b.url}/oidc/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'simauth:admin' }),
      });
    // The hits wait longer than the test takes: only the stop sends them.
    b.app.get(SpentBudgets).batchMs = 60_000;
    const before = await hitsOf(a, `client:${RP.client_id}`);
    for (let i = 0; i < 6; i++) expect((await token()).status).toBe(200);
    // The first of this window was counted at once (this replica had not counted it); five wait.
    expect(await hitsOf(a, `client:${RP.client_id}`)).toBe(before + 1);
    await b.close();
    expect(await hitsOf(a, `client:${RP.client_id}`)).toBe(before + 6);
  });
});
