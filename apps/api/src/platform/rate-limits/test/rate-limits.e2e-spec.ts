import { randomInt, randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { call } from '@test-support/http';
import { uniquePhoneNumber } from '@test-support/device';
import { uniqueIp as uniqueTestIp } from '@test-support/addresses';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { RateLimitSweeper } from '../rate-limit-sweeper';
import { MANY_SQL, ONE_SQL, TWO_SQL } from '../rate-limit-sql';

/** A client address of this suite's own range (203.0.113.0/24 holds the sandbox's special ones). */
const uniqueIp = () => uniqueTestIp('203.0.0');

describe('rate limits (Postgres-backed, shared by replicas)', () => {
  let a: TestApp;
  let b: TestApp;
  const env = {
    RATE_LIMIT_PHONE: '2/600',
    RATE_LIMIT_IP: '3/60',
    RATE_LIMIT_ATTEMPT: '3/600',
    TRUST_PROXY: 'loopback',
  };
  beforeAll(async () => {
    a = await startTestApp({ env });
    b = await startTestApp({ env, sharedSandbox: a.sandbox });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const startLogin = (app: TestApp, phone: string, ip = uniqueIp()) =>
    call('POST', `${app.url}/v1/logins`, { phone_number: phone }, { 'x-forwarded-for': ip });

  it('sweeps the counters of closed windows, so the table stays bounded, and says so in /metrics', async () => {
    const tag = `sweep-${randomUUID()}`;
    await a.db.query(
      `INSERT INTO rate_limits (key, window_start, hits)
       SELECT $1 || ':' || g, now() - interval '2 hours', 3 FROM generate_series(1, 2500) g
       UNION ALL SELECT $1 || ':open', now(), 1`,
      [tag],
    );
    expect(await a.app.get(RateLimitSweeper).sweep()).toBeGreaterThanOrEqual(2500);
    const left = await a.db.query(`SELECT key FROM rate_limits WHERE key LIKE $1 || '%'`, [tag]);
    expect(left).toEqual([{ key: `${tag}:open` }]);
    const text = await (await fetch(`${a.url}/metrics`)).text();
    expect(text).toMatch(/^simauth_rate_limit_rows \d+$/m);
    expect(
      Number(/^simauth_rate_limit_rows_swept_total (\d+)$/m.exec(text)![1]),
    ).toBeGreaterThanOrEqual(2500);
  });

  it("commits a counter without waiting for the disk, and only the counter: the pooled connection's later writes wait as the server says", async () => {
    const pool = (a.db.driver as PostgresDriver).master as Pool;
    const client = await pool.connect();
    try {
      await client.query(`SET synchronous_commit = on`);
      const show = async () => (await client.query('SHOW synchronous_commit')).rows[0];
      for (const [sql, values] of [
        [ONE_SQL, [`async-${randomUUID()}`, 60]],
        [TWO_SQL, [`async-${randomUUID()}`, 60, 10, `async-${randomUUID()}`, 60]],
        [MANY_SQL, [[`async-${randomUUID()}`], 60, [1]]],
      ] as const) {
        await client.query('BEGIN');
        const [row] = (await client.query(sql, [...values])).rows;
        expect(row.hits).toBe(1);
        expect(await show()).toEqual({ synchronous_commit: 'off' });
        await client.query('COMMIT');
        expect(await show()).toEqual({ synchronous_commit: 'on' });
        await client.query(sql, [...values]);
        expect(await show()).toEqual({ synchronous_commit: 'on' });
      }
    } finally {
      await client.query('ROLLBACK'); // only a warning when no transaction is open
      await client.query('RESET synchronous_commit');
      client.release();
    }
  });

  it('does not limit the sandbox test numbers per phone, so the examples can be replayed', async () => {
    const testNumber = `+447700900${String(randomInt(100, 1000))}`;
    for (let i = 0; i < 3; i++) expect((await startLogin(a, testNumber)).status).toBe(201);
  });

  it('limits logins per phone number across replicas, with 429 and Retry-After', async () => {
    const phone = uniquePhoneNumber();
    expect((await startLogin(a, phone)).status).toBe(201);
    expect((await startLogin(b, phone)).status).toBe(201);
    const third = await startLogin(a, phone);
    expect(third.status).toBe(429);
    expect(third.body.type).toBe('urn:simauth:problem:rate-limited');
    const retryAfter = Number(third.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The text says what the limit is and when to come back, once.
    expect(third.body.detail).toBe(
      'Too many requests for this phone number (at most 2 in 10 minutes); try again in 10 minutes.',
    );
    const other = await startLogin(a, uniquePhoneNumber());
    expect([other.status, other.body.detail]).toEqual([201, undefined]);
  });

  it('limits registrations and number verifications per phone number too, before any provider call', async () => {
    const phone = uniquePhoneNumber();
    const before = a.sandbox.store.callsTo('truid.phone_check.create');
    for (let i = 0; i < 2; i++) {
      const res = await call(
        'POST',
        `${a.url}/v1/registrations`,
        { phone_number: phone, device_id: 'd' },
        { 'x-forwarded-for': uniqueIp() },
      );
      expect(res.status).toBe(201);
    }
    const third = await call(
      'POST',
      `${a.url}/v1/registrations`,
      { phone_number: phone, device_id: 'd' },
      { 'x-forwarded-for': uniqueIp() },
    );
    expect(third.status).toBe(429);
    expect(a.sandbox.store.callsTo('truid.phone_check.create') - before).toBe(2);

    const nv = uniquePhoneNumber('+990');
    const nvIp = () => ({ 'x-forwarded-for': uniqueIp() });
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        (await call('POST', `${a.url}/v1/number-verifications`, { phone_number: nv }, nvIp()))
          .status,
      );
    expect(codes).toEqual([201, 201, 429]);
  });

  it('keeps one budget per number across flows: logins use up registrations and number verifications', async () => {
    const phone = uniquePhoneNumber('+990');
    const ip = () => ({ 'x-forwarded-for': uniqueIp() });
    expect((await call('POST', `${a.url}/v1/logins`, { phone_number: phone }, ip())).status).toBe(
      201,
    );
    expect(
      (await call('POST', `${b.url}/v1/number-verifications`, { phone_number: phone }, ip()))
        .status,
    ).toBe(201);
    const before = a.sandbox.store.callsTo('truid.phone_check.create');
    const refused = [
      await call(
        'POST',
        `${a.url}/v1/registrations`,
        { phone_number: phone, device_id: 'd' },
        ip(),
      ),
      await call('POST', `${b.url}/v1/number-verifications`, { phone_number: phone }, ip()),
      await call('POST', `${a.url}/v1/logins`, { phone_number: phone }, ip()),
    ];
    expect(refused.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(a.sandbox.store.callsTo('truid.phone_check.create') - before).toBe(0);
  });

  it('limits code guesses per attempt, before the provider is asked', async () => {
    const started = await call(
      'POST',
      `${a.url}/v1/registrations`,
      { phone_number: uniquePhoneNumber(), device_id: 'd' },
      { 'x-forwarded-for': uniqueIp() },
    );
    const checkId = started.body.check_url.split('/').at(-2);
    const before = a.sandbox.store.callsTo('truid.phone_check.patch');
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const guess = { check_id: checkId, code: String(100000 + i) };
      const res = await call(
        'POST',
        `${a.url}/v1/registrations/${started.body.registration_id}/code`,
        guess,
        {
          'x-forwarded-for': uniqueIp(),
        },
      );
      answers.push(res.status);
    }
    // The check was never opened on a phone: each guess is 422, until the attempt's budget is spent.
    expect(answers).toEqual([422, 422, 422, 429]);
    expect(a.sandbox.store.callsTo('truid.phone_check.patch') - before).toBe(3);
  });

  it('limits per client IP before authentication, so credentials cannot be guessed freely', async () => {
    const ip = uniqueIp();
    const deny = () =>
      call('POST', `${a.url}/v1/logins/${randomUUID()}/deny`, undefined, {
        'x-forwarded-for': ip,
        authorization: 'Bearer not-a-device-token',
      });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await deny()).status);
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it("does not let requests refused per address use up a phone number's budget", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++)
      expect((await startLogin(a, uniquePhoneNumber(), ip)).status).toBe(201);
    const victim = uniquePhoneNumber();
    for (let i = 0; i < 3; i++) expect((await startLogin(a, victim, ip)).status).toBe(429);
    // The victim's own two logins per window are still there, from anywhere else.
    expect((await startLogin(b, victim)).status).toBe(201);
    expect((await startLogin(a, victim)).status).toBe(201);
    expect((await startLogin(a, victim)).status).toBe(429);
  });

  it("does not limit tru.ID's callbacks per IP: their signature is the gate", async () => {
    const ip = uniqueIp();
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const res = await call(
        'POST',
        `${a.url}/v1/callbacks/truid/challenges`,
        { challenge_id: randomUUID(), status: 'VERIFIED' },
        { 'x-forwarded-for': ip },
      );
      answers.push(res.status);
    }
    expect(answers).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it('limits public POSTs per client IP, and not GETs', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++)
      expect((await startLogin(a, uniquePhoneNumber(), ip)).status).toBe(201);
    const fourth = await startLogin(b, uniquePhoneNumber(), ip);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      expect(
        (await call('GET', `${a.url}/v1/coverage`, undefined, { 'x-forwarded-for': ip })).status,
      ).toBe(200);
    }
    expect((await startLogin(a, uniquePhoneNumber(), uniqueIp())).status).toBe(201);
  });
});
