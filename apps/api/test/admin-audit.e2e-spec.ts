import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as client from 'openid-client';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { approveOnPhone, registerPhone } from '@test-support/flows';
import { eventually } from '@test-support/sse';
import { CALLBACK, authorization, signInThroughPage } from '@test-support/oidc';
import { WebhookReceiver } from '@test-support/webhook-receiver';
import { AuditTrail } from '../src/features/admin/audit-trail';
import { OPS_CLIENT, adminToken as issueAdminToken } from '@test-support/admin';

const OPS = { ...OPS_CLIENT, scope: 'simauth:admin simauth:admin:phone_numbers' };
const WEB = {
  client_id: 'web-app',
  client_secret: 'web-app-secret-that-is-long-enough-0123456789',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
};

interface ExportLine {
  cursor: string;
  type: string;
  [key: string]: unknown;
}

/** The audit export, attempt search, OpenID sessions and grants, webhook redelivery. */
describe('admin API: audit trail, search, sessions and grants, redelivery', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let token: string;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({
      env: {
        OIDC_CLIENTS: JSON.stringify([OPS, WEB]),
        WEBHOOK_MAX_ATTEMPTS: '1',
        // The endpoints this suite registers listen on 127.0.0.1.
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
        WEBHOOKS: JSON.stringify([
          { url: receiver.url, secret: receiver.secret, events: ['registration.succeeded'] },
        ]),
      },
    });
    token = await adminToken('simauth:admin');
  });
  /** Temporary folders the tests made, removed at the end. */
  const scratch: string[] = [];
  afterAll(async () => {
    await t.close();
    await receiver.close();
    await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function rp(id: string, secret: string) {
    return client.discovery(new URL(t.url), id, secret, client.ClientSecretBasic(secret), {
      execute: [client.allowInsecureRequests],
    });
  }
  const adminToken = (scope: string) => issueAdminToken(t.url, scope, OPS);
  const admin = (method: string, path: string, auth = token) =>
    call(method, `${t.url}/admin/v1${path}`, undefined, bearer(auth));
  async function exported(query: string, auth = token): Promise<ExportLine[]> {
    const res = await fetch(`${t.url}/admin/v1/events${query}`, { headers: bearer(auth) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    return (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  }
  async function userOf(phoneNumber: string): Promise<string> {
    return (await admin('GET', `/users?phone_number=${encodeURIComponent(phoneNumber)}`)).body
      .user_id;
  }
  /**
   * Every line from the start, page by page, as an operator's script reads it: until a page is
   * not full (each read is itself an admin action, so the trail never runs dry).
   */
  async function exportAll(auth = token): Promise<ExportLine[]> {
    const all: ExportLine[] = [];
    for (;;) {
      const after = all.length ? `&after=${all[all.length - 1].cursor}` : '';
      const page = await exported(`?limit=500${after}`, auth);
      all.push(...page);
      if (page.length < 500) return all;
    }
  }

  it('exports every move and admin call as JSON lines, in commit order, phone numbers masked unless the scope is asked for', async () => {
    const phone = await registerPhone(t);
    const userId = await userOf(phone.phoneNumber);
    // A search by number records the number as its target: masked in the export too.
    const searched = await admin(
      'GET',
      `/attempts?phone_number=${encodeURIComponent(phone.phoneNumber)}`,
    );
    expect(searched.status).toBe(200);
    // Masks of other numbers may look alike (the suites share a database): the attempt's id tells.
    const [{ id: registrationId }] = await t.db.query(
      `SELECT id FROM attempts WHERE phone_number = $1 AND kind = 'registration'`,
      [phone.phoneNumber],
    );
    let lines: ExportLine[] = [];
    // Events show once every transaction older than them has ended (others may be running).
    await eventually(async () => {
      lines = await exportAll();
      expect(lines.filter((l) => l.attempt_id === registrationId)).toHaveLength(2);
    }, 10_000);
    const mine = lines.filter((l) => l.attempt_id === registrationId);
    expect(mine.map((l) => l.to_status)).toEqual(['CHECK_CREATED', 'MATCH_SUCCESS']);
    expect(mine[1]).toEqual({
      cursor: expect.stringMatching(/^\d+-0-\d+$/),
      type: 'attempt.moved',
      at: expect.any(String),
      attempt_id: mine[0].attempt_id,
      kind: 'registration',
      from_status: 'CHECK_CREATED',
      to_status: 'MATCH_SUCCESS',
      actor: 'device',
      reason: 'SIM matches the number',
      request_id: expect.any(String),
      provider: 'truid',
      user_id: null,
      phone_number: maskOf(phone.phoneNumber),
    });
    expect(JSON.stringify(lines)).not.toContain(phone.phoneNumber);
    // The admin call that found the user is on record too.
    expect(lines).toContainEqual(
      expect.objectContaining({
        type: 'admin.action',
        client_id: 'ops',
        action: 'user.find',
        target: userId,
      }),
    );
    // Cursors only grow, and no line comes twice.
    const cursors = lines.map((l) => l.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);

    // A token that asked for simauth:admin:phone_numbers sees the numbers, and that is on record.
    const full = await exportAll(await adminToken('simauth:admin simauth:admin:phone_numbers'));
    expect(full.filter((l) => l.phone_number === phone.phoneNumber)).toHaveLength(2);
    expect(full).toContainEqual(
      expect.objectContaining({ action: 'attempt.search', target: phone.phoneNumber }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ action: 'attempt.search', target: maskOf(phone.phoneNumber) }),
    );
    const [last] = await t.db.query(
      `SELECT action FROM admin_actions WHERE client_id = 'ops' ORDER BY id DESC LIMIT 1`,
    );
    expect(last.action).toBe('events.export_with_phone_numbers');
  });

  it('never lets a cursor pass an event that commits late: it appears after the cursor once committed', async () => {
    const before = await exportAll();
    const cursor = before[before.length - 1].cursor;
    const slow = t.db.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      await slow.query(
        `INSERT INTO admin_actions (client_id, action, target) VALUES ('test', 'slow.commit', NULL)`,
      );
      // A later transaction commits first.
      await t.db.query(
        `INSERT INTO admin_actions (client_id, action, target) VALUES ('test', 'fast.commit', NULL)`,
      );
      const meanwhile = await exported(`?after=${cursor}`);
      expect(meanwhile.map((l) => l.action)).not.toContain('fast.commit');
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    await eventually(async () => {
      const after = (await exported(`?after=${cursor}`)).filter((l) => l.client_id === 'test');
      expect(after.map((l) => l.action)).toEqual(['slow.commit', 'fast.commit']);
    }, 10_000);
  });

  it('answers a bad cursor, time or limit with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['?after=12-x', 'after'],
      ['?since=yesterday', 'since'],
      ['?limit=0', 'limit'],
    ]) {
      const res = await admin('GET', `/events${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    }
  });

  it('npm run events:export copies the trail to a file and says where to resume', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'simauth-export-'));
    scratch.push(dir);
    const out = join(dir, 'audit.jsonl');
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['tools/events-export.mjs', ...args], {
        env: {
          ...process.env,
          SIMAUTH_ADMIN_CLIENT_ID: OPS.client_id,
          SIMAUTH_ADMIN_CLIENT_SECRET: OPS.client_secret,
        },
      });
    const since = new Date(Date.now() - 3600_000).toISOString();
    const first = await run(['--url', t.url, '--since', since, '--out', out]);
    const lines = (await readFile(out, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    const resume = /--after (\S+)/.exec(first.stderr)![1];
    expect(resume).toBe(lines[lines.length - 1].cursor);
    // Resuming finds only what happened since: nothing of the first run again, and the new moves.
    const phone = await registerPhone(t);
    const earlier = new Set(lines.map((l: ExportLine) => l.cursor));
    // Events show once every transaction older than them has ended (others may be running).
    await eventually(async () => {
      const second = await run(['--url', t.url, '--after', resume, '--phone-numbers']);
      const next: ExportLine[] = second.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      expect(next.filter((l) => earlier.has(l.cursor))).toEqual([]);
      expect(
        next.filter((l) => l.phone_number === phone.phoneNumber).map((l) => l.to_status),
      ).toEqual(['CHECK_CREATED', 'MATCH_SUCCESS']);
    }, 10_000);
    await expect(run(['--url', t.url, '--since', 'soon'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--since must be an ISO 8601 time'),
    });
  });

  it('deletes attempts, their moves and admin actions older than AUDIT_RETENTION_DAYS, and nothing newer', async () => {
    const oldPhone = await registerPhone(t);
    const newPhone = await registerPhone(t);
    await t.db.query(
      `UPDATE attempts SET created_at = now() - interval '366 days' WHERE phone_number = $1`,
      [oldPhone.phoneNumber],
    );
    await t.db.query(
      `INSERT INTO admin_actions (client_id, action, at) VALUES ('test', 'ancient', now() - interval '366 days')`,
    );
    await t.app.get(AuditTrail).sweep();
    const counts = async (phoneNumber: string) =>
      (
        await t.db.query(
          `SELECT count(e.id)::int AS n FROM attempts a JOIN attempt_events e ON e.attempt_id = a.id
            WHERE a.phone_number = $1`,
          [phoneNumber],
        )
      )[0].n;
    expect(await counts(oldPhone.phoneNumber)).toBe(0);
    expect(await counts(newPhone.phoneNumber)).toBe(2);
    expect(await t.db.query(`SELECT 1 FROM admin_actions WHERE action = 'ancient'`)).toEqual([]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM admin_actions`))[0].n).toBeGreaterThan(
      0,
    );
  });

  it('searches attempts by number, user, kind, status and time, newest first, a page at a time', async () => {
    const phone = await registerPhone(t);
    const userId = await userOf(phone.phoneNumber);
    const logins: string[] = [];
    let last = { login_id: '', match_number: 0 };
    for (let i = 0; i < 3; i++) {
      last = (await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber }))
        .body as typeof last;
      logins.push(last.login_id);
    }
    expect(await approveOnPhone(t, phone, last.login_id, last.match_number)).toEqual({
      status: 'MATCH_SUCCESS',
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: {
        status: number;
        body: { items: { attempt_id: string }[]; next_cursor: string | null };
      } = (await admin(
        'GET',
        `/attempts?phone_number=${encodeURIComponent(phone.phoneNumber)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )) as never;
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a) => a.attempt_id));
      cursor = res.body.next_cursor;
    } while (cursor);
    const registrationId = (
      await t.db.query(
        `SELECT id FROM attempts WHERE kind = 'registration' AND phone_number = $1`,
        [phone.phoneNumber],
      )
    )[0].id;
    expect(seen).toEqual([...logins].reverse().concat(registrationId));

    const byUser = await admin('GET', `/attempts?user_id=${userId}&kind=companion_login`);
    expect(byUser.body.items.map((a: { attempt_id: string }) => a.attempt_id)).toEqual(
      [...logins].reverse(),
    );
    const matched = await admin(
      'GET',
      `/attempts?phone_number=${encodeURIComponent(phone.phoneNumber)}&status=MATCH_SUCCESS`,
    );
    expect(matched.body.items).toEqual([
      expect.objectContaining({ attempt_id: logins[2], kind: 'companion_login' }),
      expect.objectContaining({ attempt_id: registrationId, kind: 'registration' }),
    ]);
    const future = await admin(
      'GET',
      `/attempts?user_id=${userId}&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body).toEqual({ items: [], next_cursor: null });
    for (const [query, field] of [
      ['cursor=not-a-cursor!', 'cursor'],
      [`cursor=${Buffer.from('x|y').toString('base64url')}`, 'cursor'],
      ['status=WHATEVER', 'status'],
      ['kind=nothing', 'kind'],
      ['limit=201', 'limit'],
    ]) {
      const res = await admin('GET', `/attempts?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    }
  });

  it("lists a user's OpenID sessions and grants; revoking the grant kills its refresh token, ending the session ends the rest", async () => {
    const phone = await registerPhone(t);
    const userId = await userOf(phone.phoneNumber);
    const web = await rp(WEB.client_id, WEB.client_secret);
    const signIn = async () => {
      const auth = await authorization(web);
      const back = await signInThroughPage(t, auth, phone);
      return client.authorizationCodeGrant(web, back, {
        pkceCodeVerifier: auth.verifier,
        expectedNonce: auth.nonce,
        expectedState: auth.state,
      });
    };
    const tokens = await signIn();
    expect(tokens.refresh_token).toBeTruthy();

    const grants = (await admin('GET', `/users/${userId}/grants`)).body as unknown as {
      grant_id: string;
    }[];
    expect(grants).toEqual([
      expect.objectContaining({
        client_id: 'web-app',
        scope: expect.stringContaining('phone'),
        has_refresh_token: true,
      }),
    ]);
    const sessions = (await admin('GET', `/users/${userId}/sessions`)).body as unknown as {
      session_id: string;
    }[];
    expect(sessions).toEqual([
      expect.objectContaining({ session_id: expect.any(String), clients: ['web-app'] }),
    ]);

    expect((await admin('DELETE', `/grants/${grants[0].grant_id}`)).status).toBe(204);
    await expect(client.refreshTokenGrant(web, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await admin('DELETE', `/grants/${grants[0].grant_id}`)).status).toBe(404);

    expect((await admin('DELETE', `/sessions/${sessions[0].session_id}`)).status).toBe(204);
    expect((await admin('GET', `/users/${userId}/sessions`)).body).toEqual([]);
    expect((await admin('DELETE', `/sessions/${sessions[0].session_id}`)).status).toBe(404);
    expect((await admin('DELETE', `/sessions/not%20an%20id`)).status).toBe(400);
  });

  it("blocking a user stops their apps' refresh tokens and userinfo at once", async () => {
    const phone = await registerPhone(t);
    const userId = await userOf(phone.phoneNumber);
    const web = await rp(WEB.client_id, WEB.client_secret);
    const auth = await authorization(web);
    const tokens = await client.authorizationCodeGrant(
      web,
      await signInThroughPage(t, auth, phone),
      {
        pkceCodeVerifier: auth.verifier,
        expectedNonce: auth.nonce,
        expectedState: auth.state,
      },
    );
    expect(
      (await call('POST', `${t.url}/admin/v1/users/${userId}/block`, undefined, bearer(token)))
        .status,
    ).toBe(200);
    await expect(client.refreshTokenGrant(web, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(
      client.fetchUserInfo(web, tokens.access_token, client.skipSubjectCheck),
    ).rejects.toBeDefined();
  });

  it('lists dead webhook deliveries and redelivers one with the same webhook-id once the receiver is back', async () => {
    receiver.answer = () => 500;
    await registerPhone(t);
    let dead: { delivery_id: string; state: string; last_error: string }[] = [];
    await eventually(async () => {
      dead = (
        await admin(
          'GET',
          `/webhooks/deliveries?state=dead&endpoint=${encodeURIComponent(receiver.url)}`,
        )
      ).body.items;
      expect(dead.length).toBeGreaterThan(0);
    }, 10_000);
    expect(dead[0]).toMatchObject({
      state: 'dead',
      last_error: 'HTTP 500',
      type: 'registration.succeeded',
    });
    receiver.answer = () => 200;
    const again = await call(
      'POST',
      `${t.url}/admin/v1/webhooks/deliveries/${dead[0].delivery_id}/redeliver`,
      undefined,
      bearer(token),
    );
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      delivery_id: dead[0].delivery_id,
      state: 'pending',
      tries: 0,
    });
    await eventually(
      async () => expect(receiver.delivered().map((r) => r.id)).toContain(dead[0].delivery_id),
      10_000,
    );
    // The receiver has it before the dispatcher hears its 200 and marks the row delivered.
    await eventually(async () => {
      const delivered = (
        await admin(
          'GET',
          `/webhooks/deliveries?state=delivered&endpoint=${encodeURIComponent(receiver.url)}`,
        )
      ).body.items;
      expect(delivered.map((d: { delivery_id: string }) => d.delivery_id)).toContain(
        dead[0].delivery_id,
      );
    }, 10_000);
    const [endpoint] = (await admin('GET', '/webhooks/endpoints')).body as unknown as Record<
      string,
      unknown
    >[];
    expect(endpoint).toEqual({
      id: null,
      source: 'config',
      url: receiver.url,
      events: ['registration.succeeded'],
      pending: expect.any(Number),
      dead: expect.any(Number),
      last_delivered_at: expect.any(String),
    });
    expect(JSON.stringify(endpoint)).not.toContain(receiver.secret.slice(6));
    expect(
      (
        await call(
          'POST',
          `${t.url}/admin/v1/webhooks/deliveries/msg_00000000-0000-4000-8000-000000000000/redeliver`,
          undefined,
          bearer(token),
        )
      ).status,
    ).toBe(404);
  });

  it('registers a webhook endpoint through the API: it gets signed events at once, never shows its secret, and stops when removed', async () => {
    const other = await WebhookReceiver.start();
    try {
      const register = (body: Record<string, unknown>) =>
        call('POST', `${t.url}/admin/v1/webhooks/endpoints`, body, bearer(token));
      const created = await register({
        url: other.url,
        events: ['registration.*'],
        secret: other.secret,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        url: other.url,
        events: ['registration.*'],
        secret: other.secret,
      });
      const phone = await registerPhone(t);
      // Every registration in the database now reaches it (the suites share one): this one's.
      const [{ id: registrationId }] = await t.db.query(
        `SELECT id FROM attempts WHERE phone_number = $1 AND kind = 'registration'`,
        [phone.phoneNumber],
      );
      const mine = () =>
        other.delivered().filter((r) => r.payload.data.attempt_id === registrationId);
      await eventually(async () => {
        expect(mine().map((r) => [r.type, r.verified])).toEqual([['registration.succeeded', true]]);
      }, 10_000);
      expect(other.received.every((r) => r.verified)).toBe(true);

      const listed = (await admin('GET', '/webhooks/endpoints')).body as unknown as Record<
        string,
        unknown
      >[];
      expect(listed).toContainEqual(
        expect.objectContaining({ id: created.body.id, source: 'admin', url: other.url }),
      );
      expect(JSON.stringify(listed)).not.toContain(other.secret.slice(6));
      const [stored] = await t.db.query(
        `SELECT secret_sealed FROM webhook_endpoints WHERE url = $1`,
        [other.url],
      );
      expect(stored.secret_sealed.toString('latin1')).not.toContain(other.secret.slice(6));

      // Without a secret, one is made and shown this once.
      const generated = await register({ url: `${other.url}/second`, events: ['*'] });
      expect(generated.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      for (const [body, status, field] of [
        [{ url: other.url, events: ['*'] }, 409, undefined],
        [{ url: receiver.url, events: ['*'] }, 409, undefined],
        [{ url: 'ftp://x', events: ['*'] }, 400, 'url'],
        [{ url: `${other.url}/3`, events: ['login.nothing'] }, 400, 'events'],
        [{ url: `${other.url}/3`, events: ['*'], secret: 'whsec_c2hvcnQ=' }, 400, 'secret'],
      ] as const) {
        const res = await register(body);
        expect(res.status).toBe(status);
        if (field) expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
      }

      expect((await admin('DELETE', `/webhooks/endpoints/${created.body.id}`)).status).toBe(204);
      expect((await admin('DELETE', `/webhooks/endpoints/${created.body.id}`)).status).toBe(404);
      expect((await admin('DELETE', `/webhooks/endpoints/${generated.body.id}`)).status).toBe(204);
      const after = await registerPhone(t);
      const rows = await t.db.query(
        `SELECT o.id FROM webhook_outbox o JOIN attempts a ON a.id = o.attempt_id
          WHERE o.endpoint = $1 AND a.phone_number = $2`,
        [other.url, after.phoneNumber],
      );
      expect(rows).toEqual([]);
      expect(phone.phoneNumber).not.toBe(after.phoneNumber);
    } finally {
      await other.close();
    }
  });
});

function maskOf(phoneNumber: string): string {
  return `+44${'*'.repeat(phoneNumber.length - 5)}${phoneNumber.slice(-2)}`;
}
