import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { Client } from 'pg';
import { createDatabase, findFreePort } from '@simauth/database';
import { ApiProcess, startApiProcess } from '@test-support/api-process';
import { CookieBrowser } from '@test-support/browser';
import { RegisteredPhone, approveOnPhone, registerPhone } from '@test-support/flows';
import { bearer, call } from '@test-support/http';
import { CALLBACK, authorization } from '@test-support/oidc';
import {
  PreviousRelease,
  buildPreviousRelease,
  previousReleaseCommit,
  requireHistory,
} from '@test-support/previous-release';

const MIGRATE = join(__dirname, '../../dist/apps/api/src/cli/migrate.js');
const CLIENT = {
  client_id: 'upgrade-rp',
  client_secret: 'upgrade-rp-secret-that-is-long-enough-0123456789',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
};
const COMPANION_FLOWS = 12;
const OIDC_FLOWS = 6;
const IN_FLIGHT = 4;

/** Runs `flows` a few at a time (two cores run both replicas, Postgres and this test). */
async function settleAll(flows: (() => Promise<void>)[], atOnce = 4): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < flows.length; i += atOnce) {
    const results = await Promise.allSettled(flows.slice(i, i + atOnce).map((flow) => flow()));
    for (const r of results) if (r.status === 'rejected') failures.push(String(r.reason));
  }
  return failures;
}

describe('a rolling upgrade from the previous release', () => {
  let release: PreviousRelease | undefined;
  const apis: ApiProcess[] = [];
  let admin: Client;
  let dbName: string;

  afterAll(async () => {
    await Promise.all(
      apis
        .filter((api) => api.child.exitCode === null && !api.child.signalCode)
        .map((api) => {
          const exited = new Promise((resolve) => api.child.once('exit', resolve));
          api.child.kill('SIGTERM');
          return exited;
        }),
    );
    if (admin) {
      if (dbName) await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
    // Last: a worktree with its own npm ci'd node_modules takes a while to delete.
    release?.remove();
  }, 300_000);

  it('runs the previous release and the new one on one database, migrated between, and loses no sign-in', async () => {
    const commit = previousReleaseCommit();
    requireHistory(commit);
    release = buildPreviousRelease(commit);
    console.info(`previous release ${commit}: ${release.notes.join('; ')}`);

    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    dbName = `simauth_upgrade_${Date.now()}`;
    const dbUrl = await createDatabase(admin, process.env.DATABASE_URL!, dbName);
    const [oldPort, newPort] = [await findFreePort(), await findFreePort()];
    // Both replicas stand behind one public URL, as behind a load balancer.
    const issuer = `http://127.0.0.1:${oldPort}`;
    const env = {
      DATABASE_URL: dbUrl,
      PUBLIC_URL: issuer,
      OIDC_CLIENTS: JSON.stringify([CLIENT]),
      RATE_LIMIT_CLIENT: '100000/60',
    };

    // The previous release on a fresh database: it applies its own migrations at start.
    const old = await startApiProcess(env, { port: oldPort, main: release.main });
    apis.push(old);
    // Logins started on the previous release before the upgrade, finished after it on the new one.
    const inFlight = await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        const phone = await registerPhone(old);
        const started = await call('POST', `${old.url}/v1/logins`, {
          phone_number: phone.phoneNumber,
        });
        expect(started.status).toBe(201);
        return { phone, login: started.body };
      }),
    );

    // The new release's migrations, as a deployment's migration step runs them, while the old
    // replica serves.
    const migrated = await promisify(execFile)(process.execPath, [MIGRATE], {
      env: { ...process.env, ...env },
    });
    console.info(`new release's migrations: ${migrated.stdout.trim()}`);
    const fresh = await startApiProcess(env, { port: newPort });
    apis.push(fresh);
    expect((await fetch(`${old.url}/health/ready`)).status).toBe(200);

    const replicas = [old, fresh];
    const finishInFlight = inFlight.map(({ phone, login }) => async () => {
      const done = await approveOnPhone(fresh, phone, login.login_id, login.match_number);
      expect(done).toEqual({ status: 'MATCH_SUCCESS' });
      await idTokenAcceptedByBoth(replicas, old, login);
    });
    const companion = Array.from({ length: COMPANION_FLOWS }, (_, i) => async () => {
      const [start, other] = i % 2 ? [old, fresh] : [fresh, old];
      const phone = await registerPhone(other);
      const started = await call('POST', `${start.url}/v1/logins`, {
        phone_number: phone.phoneNumber,
      });
      expect(started.status).toBe(201);
      const done = await approveOnPhone(
        other,
        phone,
        started.body.login_id,
        started.body.match_number,
      );
      expect(done).toEqual({ status: 'MATCH_SUCCESS' });
      await idTokenAcceptedByBoth(replicas, other, started.body);
    });
    const rps = await Promise.all(replicas.map((api) => relyingPartyAt(issuer, api)));
    const openId = Array.from({ length: OIDC_FLOWS }, (_, i) => async () => {
      const [start, other] = i % 2 ? [0, 1] : [1, 0];
      const phone = await registerPhone(replicas[start]);
      await openIdSignIn(issuer, replicas[start], replicas[other], rps[start], rps[other], phone);
    });

    const failures = await settleAll([...finishInFlight, ...companion, ...openId]);
    expect(failures).toEqual([]);

    // Nothing left half-way, and every login (companion or through the login page) succeeded.
    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const { rows: unfinished } = await db.query(
        'SELECT kind, status FROM attempts WHERE NOT is_final',
      );
      expect(unfinished).toEqual([]);
      const { rows: logins } = await db.query(
        `SELECT status, count(*)::int AS n FROM attempts WHERE kind = 'companion_login' GROUP BY status`,
      );
      expect(logins).toEqual([
        { status: 'MATCH_SUCCESS', n: IN_FLIGHT + COMPANION_FLOWS + OIDC_FLOWS },
      ]);
    } finally {
      await db.end();
    }
    for (const api of replicas) expect(api.output()).not.toMatch(/"level":(50|60)/);
  }, 900_000);
});

/** Polls the login on one replica for its id_token, which both replicas' user guard accept. */
async function idTokenAcceptedByBoth(
  replicas: ApiProcess[],
  pollAt: ApiProcess,
  login: Record<string, any>,
): Promise<void> {
  const polled = await call('GET', `${pollAt.url}/v1/logins/${login.login_id}`, undefined, {
    authorization: `Bearer ${login.poll_token}`,
  });
  expect(polled.body).toMatchObject({ status: 'MATCH_SUCCESS' });
  for (const api of replicas) {
    const factors = await call(
      'GET',
      `${api.url}/v1/factors`,
      undefined,
      bearer(polled.body.id_token),
    );
    expect(factors.status).toBe(200);
  }
}

/** The relying party as it would be if the load balancer sent every call to `api`. */
async function relyingPartyAt(issuer: string, api: ApiProcess): Promise<client.Configuration> {
  const discovered = await client.discovery(
    new URL(issuer),
    CLIENT.client_id,
    CLIENT.client_secret,
    undefined,
    { execute: [client.allowInsecureRequests] },
  );
  const metadata = JSON.parse(JSON.stringify(discovered.serverMetadata())) as client.ServerMetadata;
  const rp = new client.Configuration(
    {
      ...metadata,
      token_endpoint: `${api.url}/oidc/token`,
      userinfo_endpoint: `${api.url}/oidc/me`,
      jwks_uri: `${api.url}/oidc/jwks`,
    },
    CLIENT.client_id,
    CLIENT.client_secret,
  );
  client.allowInsecureRequests(rp);
  return rp;
}

/**
 * An OpenID sign-in spread over both replicas: the authorization and the login page's start on
 * `start`, the phone's approval and the page's finish on `other`; the code exchanged at `start`,
 * and the tokens used at `other` (userinfo, refresh, the id_token against its JWKS).
 */
async function openIdSignIn(
  issuer: string,
  start: ApiProcess,
  other: ApiProcess,
  rpAtStart: client.Configuration,
  rpAtOther: client.Configuration,
  phone: RegisteredPhone,
): Promise<void> {
  const auth = await authorization(rpAtStart);
  const browser = new CookieBrowser();
  const at = (api: ApiProcess, url: string) => url.replace(issuer, api.url);
  const page = await browser.follow(
    at(start, auth.url.toString()),
    (u) => new URL(u).pathname === '/login',
  );
  const uid = new URL(page.url).searchParams.get('interaction')!;
  const started = await browser.request(`${start.url}/oidc/interaction/${uid}/login`, {
    body: { phone_number: phone.phoneNumber },
  });
  expect(started.status).toBe(201);
  const login = (await started.json()) as Record<string, any>;
  const done = await approveOnPhone(other, phone, login.login_id, login.match_number);
  expect(done).toEqual({ status: 'MATCH_SUCCESS' });
  const finished = await browser.request(`${other.url}/oidc/interaction/${uid}/finish`, {
    body: { poll_token: login.poll_token },
  });
  expect(finished.status).toBe(200);
  const { redirect_to } = (await finished.json()) as { redirect_to: string };
  const back = await browser.follow(at(other, new URL(redirect_to, issuer).toString()), (u) =>
    u.startsWith(CALLBACK),
  );
  expect(back.url.startsWith(CALLBACK)).toBe(true);

  const tokens = await client.authorizationCodeGrant(rpAtStart, new URL(back.url), {
    pkceCodeVerifier: auth.verifier,
    expectedNonce: auth.nonce,
    expectedState: auth.state,
  });
  const claims = tokens.claims()!;
  expect(claims).toMatchObject({ iss: issuer, phone_number: phone.phoneNumber });
  await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL(`${other.url}/oidc/jwks`)), {
    issuer,
    audience: CLIENT.client_id,
  });
  expect(await client.fetchUserInfo(rpAtOther, tokens.access_token, claims.sub)).toMatchObject({
    phone_number: phone.phoneNumber,
  });
  const refreshed = await client.refreshTokenGrant(rpAtOther, tokens.refresh_token!);
  expect(await client.fetchUserInfo(rpAtStart, refreshed.access_token, claims.sub)).toMatchObject({
    phone_number: phone.phoneNumber,
  });
}
