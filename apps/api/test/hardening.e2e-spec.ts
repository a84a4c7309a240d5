import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { signIn } from '@test-support/flows';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';
import { EventStreamClient, eventually } from '@test-support/sse';
import { uniqueIp as uniqueTestIp } from '@test-support/addresses';
import { IdTokenService } from '../src/platform/tokens/id-token.service';
import { ApiInstances } from '../src/platform/health/api-instances';

/** An address of this suite's own documentation range, as a trusted proxy says it. */
const uniqueIp = () => uniqueTestIp('198.51.100');

// Cases of the classes an outside audit broke: input that reached Postgres or the stack before
// validation, and tokens of ours whose claims the api trusted.
describe('hardening: malformed input and odd tokens get clear errors, never a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_IP: '4/60', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());

  const post = (path: string, body: string, ip: string) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body,
    });

  it('answers a NUL byte in a phone number or a path id with 400, and still counts the request', async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    const bodies = [];
    for (const [path, body] of [
      ['/v1/logins', JSON.stringify({ phone_number: '+4477009\u000000011' })],
      ['/v1/registrations', JSON.stringify({ phone_number: '\u0000', device_id: 'd' })],
      [`/v1/logins/${encodeURIComponent('\u0000')}/approve`, JSON.stringify({ match_number: 42 })],
      [`/v1/registrations/abc%00def/code`, JSON.stringify({ check_id: 'c', code: '1' })],
      ['/v1/logins', JSON.stringify({ phone_number: '+447700900011' })],
    ]) {
      const res = await post(path, body, ip);
      statuses.push(res.status);
      bodies.push(await res.json());
    }
    // Four malformed requests were counted per address: the fifth, well-formed, is over the limit.
    // (The approval has no device credential: 401 comes first, as for any id.)
    expect(statuses).toEqual([400, 400, 401, 400, 429]);
    expect(bodies[0].errors.map((e: { field: string }) => e.field)).toEqual(['phone_number']);
    expect(bodies[3].errors.map((e: { field: string }) => e.field)).toEqual(['id']);
  });

  it('knows one number in one canonical form, and refuses a number no country could have', async () => {
    const number = uniquePhoneNumber();
    // The same number with the national prefix 0 written after the country code.
    const written = `+440${number.slice(3)}`;
    const started = await post(
      '/v1/registrations',
      JSON.stringify({ phone_number: written, device_id: `dev-${randomUUID()}` }),
      uniqueIp(),
    );
    expect(started.status).toBe(201);
    const { check_url: checkUrl, registration_id: id } = await started.json();
    const device = await openOnDevice(checkUrl, number);
    // Every request of this app names its own address: the limit here is 4 per address.
    const done = await post(
      `/v1/registrations/${id}/code`,
      JSON.stringify(device.body),
      uniqueIp(),
    );
    expect((await done.json()).status).toBe('MATCH_SUCCESS');
    const users = await t.db.query(
      `SELECT phone_number FROM users WHERE phone_number IN ($1, $2)`,
      [number, written],
    );
    expect(users).toEqual([{ phone_number: number }]);

    const impossible = await post(
      '/v1/logins',
      JSON.stringify({ phone_number: '+44123456' }),
      uniqueIp(),
    );
    expect(impossible.status).toBe(400);
    expect((await impossible.json()).errors).toEqual([
      {
        field: 'phone_number',
        message: 'is too short for a number of its country calling code',
        reason: 'TOO_SHORT',
      },
    ]);
  });

  it('counts requests whose body is refused unparsed (malformed JSON, another media type or charset, too deep) per address', async () => {
    const ip = uniqueIp();
    const send = (body: string, contentType = 'application/json') =>
      fetch(`${t.url}/v1/logins`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-forwarded-for': ip },
        body,
      });
    const refused = [
      await send('{"phone_number": '),
      await send('phone_number=+447700900011', 'application/x-www-form-urlencoded'),
      await send('{"phone_number":"+447700900011"}', 'application/json; charset=latin1'),
      await send(JSON.stringify({ x: JSON.parse('['.repeat(40) + ']'.repeat(40)) })),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 415, 415, 400]);
    // Four refused requests used up the address's 4: the fifth, well-formed, is over the limit,
    // and so is a sixth malformed one.
    const fifth = await post('/v1/logins', JSON.stringify({ phone_number: '+447700900011' }), ip);
    expect(fifth.status).toBe(429);
    expect((await send('{')).status).toBe(429);
  });

  it('answers a body of 5,000 nested arrays with 400 naming the field', async () => {
    const deep = `{"phone_number":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await post('/v1/logins', deep, uniqueIp());
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).errors).toEqual([
      { field: 'phone_number', message: 'is nested deeper than 32 levels' },
    ]);
    const array = await post('/v1/logins', `${'['.repeat(5000)}${']'.repeat(5000)}`, uniqueIp());
    expect([array.status, (await array.json()).errors[0].field]).toEqual([400, 'body']);
  });
});

describe('hardening: id_tokens signed with our own key are checked claim by claim', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  /** Signs `claims` with the api's signing key, as only the api itself could. */
  async function forge(claims: Record<string, unknown>, omit: string[] = []) {
    const [jwk] = t.app.get(IdTokenService).signingJwks().keys;
    const key = await importJWK(jwk, 'ES256');
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      iss: t.config.tokens.issuer,
      aud: t.config.tokens.audience,
      iat: now,
      exp: now + 300,
      ...claims,
    };
    for (const name of omit) delete payload[name];
    return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).sign(key);
  }
  const factors = (token: string) => call('GET', `${t.url}/v1/factors`, undefined, bearer(token));

  it('refuses with 401 a sub that is not a UUID, or no user, or a token without exp or iat, or too old', async () => {
    const { idToken, phone } = await signIn(t);
    expect((await factors(idToken)).status).toBe(200);
    // This test's own user: any other in the shared database may be blocked by another test.
    const [real] = await t.db.query(`SELECT id, phone_number FROM users WHERE phone_number = $1`, [
      phone.phoneNumber,
    ]);
    const now = Math.floor(Date.now() / 1000);
    for (const token of [
      await forge({ sub: "x'; DROP TABLE users; --", phone_number: real.phone_number }),
      await forge({ sub: randomUUID(), phone_number: real.phone_number }),
      await forge({ sub: real.id, phone_number: real.phone_number }, ['exp']),
      await forge({ sub: real.id, phone_number: real.phone_number }, ['iat']),
      await forge({ sub: real.id, iat: now - 3600, exp: now + 3600 }),
    ]) {
      const res = await factors(token);
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('urn:simauth:problem:unauthorized');
    }
    // A well-formed one for that user is accepted, whatever phone number it claims.
    const ok = await factors(await forge({ sub: real.id }));
    expect([ok.status, ok.body]).toEqual([200, expect.anything()]);
  });
});

describe('live status streams are capped per login and per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { SSE_MAX_STREAMS_PER_LOGIN: '2', SSE_MAX_STREAMS_PER_IP: '4', TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => t.close());

  const startLogin = async () =>
    (await call('POST', `${t.url}/v1/logins`, { phone_number: uniquePhoneNumber() })).body as {
      login_id: string;
      poll_token: string;
    };
  const open = async (login: { login_id: string; poll_token: string }, ip: string) => {
    const stream = new EventStreamClient(
      `${t.url}/v1/logins/${login.login_id}/events?poll_token=${login.poll_token}`,
      { 'x-forwarded-for': ip },
    );
    await stream.ready();
    return stream;
  };
  const refused = async (login: { login_id: string; poll_token: string }, ip: string) => {
    const res = await fetch(
      `${t.url}/v1/logins/${login.login_id}/events?poll_token=${login.poll_token}`,
      { headers: { 'x-forwarded-for': ip } },
    );
    const body = (await res.json()) as { detail: string };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), detail: body.detail };
  };

  it('refuses a third stream of one login and a fifth of one address with 429, and frees the slot when a stream closes', async () => {
    const ip = uniqueIp();
    const [a, b, c] = [await startLogin(), await startLogin(), await startLogin()];
    const streams = [await open(a, ip), await open(a, ip)];
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    expect(await refused(a, ip)).toEqual({
      status: 429,
      retryAfter: '5',
      detail: expect.stringContaining('for this login'),
    });
    // Another address cannot see a login's slots used up by a stranger: the poll token comes first.
    expect((await refused({ ...a, poll_token: 'simauth_pt_wrong' }, uniqueIp())).status).toBe(401);

    streams.push(await open(b, ip), await open(b, ip));
    expect(await refused(c, ip)).toMatchObject({
      status: 429,
      detail: expect.stringContaining('from this address'),
    });
    expect((await open(c, uniqueIp())).status).toBe(200);

    streams[0].close();
    await eventually(async () => expect((await open(c, ip)).status).toBe(200));
  });
});

describe('replicas of one deployment must share one issuer', () => {
  it('lets a process see live processes on its database whose issuer differs from its own', async () => {
    const a = await startTestApp();
    const b = await startTestApp({ sharedSandbox: a.sandbox });
    const same = await startTestApp({
      sharedSandbox: a.sandbox,
      env: { JWT_ISSUER: a.config.tokens.issuer },
    });
    try {
      expect(await b.app.get(ApiInstances).heartbeat()).toContain(a.config.tokens.issuer);
      expect(await same.app.get(ApiInstances).heartbeat()).not.toContain(a.config.tokens.issuer);
      // Processes that stopped are no longer ones to disagree with.
      await same.app.close();
      await a.app.close();
      expect(await b.app.get(ApiInstances).heartbeat()).not.toContain(a.config.tokens.issuer);
    } finally {
      await same.app.close().catch(() => undefined);
      await b.close();
      await a.app.close().catch(() => undefined);
      await a.sandbox.close();
    }
  });
});
