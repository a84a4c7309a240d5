import { createServer, Server } from 'node:http';
import { runMigrations } from '@simauth/database';
import { PgCluster } from '@test-support/pg-cluster';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { registerPhone } from '@test-support/flows';
import { EventStreamClient, eventually } from '@test-support/sse';

describe('faults', () => {
  describe('a database restart in the middle of a login', () => {
    let db: PgCluster;
    let t: TestApp;

    beforeAll(async () => {
      // A Postgres of its own: stopping the shared one would hurt the other suites.
      db = await PgCluster.create();
      await runMigrations(db.url);
      t = await startTestApp({ env: { DATABASE_URL: db.url } });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      db?.destroy();
    });

    it('goes not-ready and answers 503 while Postgres is down, then finishes the login with nothing lost or doubled', async () => {
      const phone = await registerPhone(t);
      const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
      const stream = new EventStreamClient(
        `${t.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
      );
      expect((await stream.next())?.data.status).toBe('PENDING');

      db.stop();
      expect((await fetch(`${t.url}/health/ready`)).status).toBe(503);
      const during = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toBe('2');
      expect(JSON.stringify(during.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|password/);

      db.start();
      await eventually(
        async () => expect((await fetch(`${t.url}/health/ready`)).status).toBe(200),
        15_000,
      );

      const approved = await call(
        'POST',
        `${t.url}/v1/logins/${started.body.login_id}/approve`,
        { match_number: started.body.match_number },
        bearer(phone.deviceToken),
      );
      expect(approved.status).toBe(200);
      const proof = await openOnDevice(approved.body.check_url, phone.phoneNumber);
      const done = await call(
        'POST',
        `${t.url}/v1/logins/${started.body.login_id}/code`,
        proof.body,
        bearer(phone.deviceToken),
      );
      expect(done.body.status).toBe('MATCH_SUCCESS');

      // The stream reconnected its LISTEN and caught up, ending with the id_token.
      let last;
      for (let e = await stream.next(15_000); e; e = await stream.next(15_000)) last = e;
      expect(last?.data).toMatchObject({ status: 'MATCH_SUCCESS', id_token: expect.any(String) });

      const rows = await t.db.query(
        `SELECT status FROM attempts WHERE kind = 'companion_login' AND phone_number = $1`,
        [phone.phoneNumber],
      );
      expect(rows.map((r: { status: string }) => r.status)).toEqual(['MATCH_SUCCESS']);
      const events = await t.db.query(
        'SELECT to_status, reason FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
        [started.body.login_id],
      );
      // Each move once, then the audited one-time delivery of the id_token.
      expect(
        events.map((e: { to_status: string; reason: string }) => [
          e.to_status,
          e.reason === 'id_token_issued',
        ]),
      ).toEqual([
        ['PENDING', false],
        ['APPROVED', false],
        // The SIM check's record (which provider took it).
        ['APPROVED', false],
        ['MATCH_PENDING', false],
        ['MATCH_SUCCESS', false],
        ['MATCH_SUCCESS', true],
      ]);
    }, 60_000);
  });

  it('lets a second api process finish a login when the first stops mid-flow; its stream sees the end', async () => {
    const a = await startTestApp();
    const b = await startTestApp({ sharedSandbox: a.sandbox });
    try {
      const phone = await registerPhone(a);
      const started = await call('POST', `${a.url}/v1/logins`, { phone_number: phone.phoneNumber });
      const stream = new EventStreamClient(
        `${b.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
      );
      expect((await stream.next())?.data.status).toBe('PENDING');
      const approved = await call(
        'POST',
        `${a.url}/v1/logins/${started.body.login_id}/approve`,
        { match_number: started.body.match_number },
        bearer(phone.deviceToken),
      );

      await a.app.close(); // process A is gone; nothing it knew lived only in its memory

      const proof = await openOnDevice(approved.body.check_url, phone.phoneNumber);
      const done = await call(
        'POST',
        `${b.url}/v1/logins/${started.body.login_id}/code`,
        proof.body,
        bearer(phone.deviceToken),
      );
      expect(done.body.status).toBe('MATCH_SUCCESS');
      const statuses = [];
      for (let e = await stream.next(); e; e = await stream.next()) statuses.push(e.data.status);
      expect(statuses).toEqual(['APPROVED', 'MATCH_PENDING', 'MATCH_SUCCESS']);
    } finally {
      await b.close();
      await a.sandbox.close();
    }
  });

  describe('a provider answering garbage', () => {
    let garbage: Server;
    let t: TestApp;
    beforeAll(async () => {
      garbage = createServer((req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(
          req.url?.startsWith('/oauth2')
            ? '{"access_token":"x","token_type":"bearer","expires_in":3600}'
            : '<html>not json</html>',
        );
      });
      await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', r));
      const port = (garbage.address() as { port: number }).port;
      t = await startTestApp({
        env: {
          TRUID_CLIENT_ID: 'id',
          TRUID_CLIENT_SECRET: 'secret',
          TRUID_BASE_URL: `http://127.0.0.1:${port}`,
        },
      });
    });
    afterAll(async () => {
      await t.close();
      await new Promise((r) => garbage.close(r));
    });

    it('answers 502 and creates nothing', async () => {
      const phone = uniquePhoneNumber();
      const res = await call('POST', `${t.url}/v1/registrations`, {
        phone_number: phone,
        device_id: 'd',
      });
      expect(res.status).toBe(502);
      expect(res.body.type).toBe('urn:simauth:problem:provider-error');
      expect(
        await t.db.query('SELECT 1 FROM attempts WHERE phone_number = $1', [phone]),
      ).toHaveLength(0);
    });
  });
});
