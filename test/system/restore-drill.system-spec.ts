import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeProtectedHeader } from 'jose';
import * as client from 'openid-client';
import { Client } from 'pg';
import { createDatabase, findFreePort } from '@simauth/database';
import { ApiProcess, startApiProcess } from '@test-support/api-process';
import { RegisteredPhone, registerPhone, signIn } from '@test-support/flows';
import { bearer, call } from '@test-support/http';
import { authorization, CALLBACK, signInThroughPage } from '@test-support/oidc';
import { PgCluster } from '@test-support/pg-cluster';
import { TestApp } from '@test-support/test-app';

const ROOT = join(__dirname, '../..');
const BACKUP_GUIDE = join(ROOT, 'docs/operations/backup.md');
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const CLIENT = {
  client_id: 'drill-rp',
  client_secret: 'drill-rp-secret-that-is-long-enough-0123456789',
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code', 'refresh_token'],
};
const KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Debian's PostgreSQL binaries (server, pg_dump, pg_restore of one major version), the newest
 * installed. Missing, the drill fails saying what to install: it never skips.
 */
function debianPostgres(): string {
  const root = '/usr/lib/postgresql';
  const tools = ['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore', 'createdb'];
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((major) => tools.every((tool) => existsSync(join(root, major, 'bin', tool))))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length)
    throw new Error(
      "Debian's PostgreSQL (server and client of one major version, in /usr/lib/postgresql/<major>/bin) " +
        'is not installed; the restore drill needs it: apt-get install postgresql (.ci/run installs it)',
    );
  return join(root, majors[0], 'bin');
}

/** The shell block of docs/operations/backup.md whose first line is `# <title>…`. */
function guideBlock(title: string): string {
  const blocks = [...readFileSync(BACKUP_GUIDE, 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)];
  const block = blocks.map((b) => b[1]).find((b) => b.startsWith(`# ${title}`));
  if (!block) throw new Error(`docs/operations/backup.md has no sh block starting "# ${title}"`);
  return block;
}

/** Runs a block of the guide as an operator would paste it into bash, stopping at an error. */
const runBlock = (block: string, env: Record<string, string>, cwd: string) =>
  promisify(execFile)('bash', ['-euo', 'pipefail', '-c', block], {
    cwd,
    env: { ...process.env, ...env },
  });

/** A confidential relying party of the deployment at `issuer` (refresh tokens). */
const relyingParty = (issuer: string) =>
  client.discovery(new URL(issuer), CLIENT.client_id, CLIENT.client_secret, undefined, {
    execute: [client.allowInsecureRequests],
  });

/** Signs `phone` in at the OpenID Provider through the login page; the token response. */
async function openIdSignIn(api: ApiProcess, rp: client.Configuration, phone: RegisteredPhone) {
  const auth = await authorization(rp);
  const callback = await signInThroughPage({ url: api.url } as TestApp, auth, phone);
  return client.authorizationCodeGrant(rp, callback, {
    pkceCodeVerifier: auth.verifier,
    expectedNonce: auth.nonce,
    expectedState: auth.state,
  });
}

const refused = { error: 'invalid_grant' };

describe('the restore drill of docs/operations/backup.md, on Debian’s PostgreSQL', () => {
  let cluster: PgCluster | undefined;
  let api: ApiProcess | undefined;
  let work: string;

  const stopApi = async () => {
    const running = api;
    api = undefined;
    if (!running || running.child.exitCode !== null || running.child.signalCode) return;
    const exited = new Promise((resolve) => running.child.once('exit', resolve));
    running.child.kill('SIGTERM');
    await exited;
  };

  afterAll(async () => {
    await stopApi();
    cluster?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('dumps while people sign in, restores, and after the guide’s steps refuses every earlier refresh token while phones sign in again', async () => {
    const bin = debianPostgres();
    cluster = await PgCluster.create(bin);
    const admin = new Client({ connectionString: cluster.url });
    await admin.connect();
    const databaseUrl = await createDatabase(admin, cluster.url, 'simauth');
    await admin.end();
    const restoredUrl = databaseUrl.replace(/\/simauth$/, '/simauth_restored');
    work = mkdtempSync(join(tmpdir(), 'simauth-drill-'));
    writeFileSync(join(work, 'passphrase'), 'a passphrase from the secret store');
    const guideEnv = {
      PATH: `${bin}:${process.env.PATH}`,
      DATABASE_URL: databaseUrl,
      RESTORED_DATABASE_URL: restoredUrl,
      BACKUPS: work,
      BACKUP_PASSPHRASE_FILE: join(work, 'passphrase'),
    };
    // Every api of the drill serves the same public URL, as the deployment's replicas would.
    const port = await findFreePort();
    const issuer = `http://127.0.0.1:${port}`;
    const apiEnv = (dbUrl: string, key = KEY) => ({
      DATABASE_URL: dbUrl,
      PUBLIC_URL: issuer,
      TOTP_ENCRYPTION_KEY: key,
      OIDC_CLIENTS: JSON.stringify([CLIENT]),
      // Alice registers and starts five logins: six calls on her number's budget (5 a window).
      RATE_LIMIT_PHONE: '1000/600',
    });
    const startApi = async (dbUrl: string) => {
      api = await startApiProcess(apiEnv(dbUrl), { port });
      return api;
    };

    // Before the backup: registered phones, OpenID grants with refresh tokens, a key.
    const before = await startApi(databaseUrl);
    const rp = await relyingParty(issuer);
    const [alice, bob, carol] = [
      await registerPhone(before),
      await registerPhone(before),
      await registerPhone(before),
    ];
    const aliceTokens = await openIdSignIn(before, rp, alice);
    const bobTokens = await openIdSignIn(before, rp, bob);
    const keysBefore = decodeProtectedHeader(aliceTokens.id_token!).kid;

    // The backup, while people sign in.
    const [backup, ...duringBackup] = await Promise.allSettled([
      runBlock(guideBlock('Back up'), guideEnv, work),
      ...[alice, carol, alice, carol].map((phone) => signIn(before, phone)),
    ]);
    expect(backup.status).toBe('fulfilled');
    for (const signedIn of duringBackup) {
      expect(signedIn.status).toBe('fulfilled');
      if (signedIn.status === 'fulfilled') expect(signedIn.value.idToken).toBeTruthy();
    }
    expect(existsSync(join(work, 'simauth.dump'))).toBe(false);
    expect(readFileSync(join(work, 'simauth.dump.enc')).subarray(0, 8).toString()).toBe('Salted__');

    // After the backup: alice's refresh token rotates, bob's grant is revoked by the relying
    // party, carol's device is revoked, dave registers.
    const rotated = await client.refreshTokenGrant(rp, aliceTokens.refresh_token!);
    await client.tokenRevocation(rp, bobTokens.refresh_token!);
    await expect(client.refreshTokenGrant(rp, bobTokens.refresh_token!)).rejects.toMatchObject(
      refused,
    );
    const carolRevoked = await call(
      'DELETE',
      `${before.url}/v1/devices/me`,
      undefined,
      bearer(carol.deviceToken),
    );
    expect(carolRevoked.status).toBe(204);
    const dave = await registerPhone(before);
    await stopApi();

    await runBlock(guideBlock('Restore'), guideEnv, work);

    // Without the TOTP_ENCRYPTION_KEY it was sealed with, the restored database opens nothing.
    const wrongKey = spawn(process.execPath, [API_MAIN], {
      env: {
        ...process.env,
        ...apiEnv(restoredUrl, Buffer.alloc(32, 9).toString('base64')),
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let refusal = '';
    wrongKey.stdout!.on('data', (d) => (refusal += d));
    wrongKey.stderr!.on('data', (d) => (refusal += d));
    const [code] = await new Promise<[number | null]>((resolve) =>
      wrongKey.once('exit', (c) => resolve([c])),
    );
    expect(code).not.toBe(0);
    expect(refusal).toContain('cannot be opened with the data key');

    // What the restore brought back and what it lost, as the guide says.
    const restored = await startApi(restoredUrl);
    const device = (phone: RegisteredPhone) =>
      call('GET', `${restored.url}/v1/factors`, undefined, bearer(phone.deviceToken));
    expect((await device(carol)).status).toBe(200);
    expect((await device(dave)).status).toBe(401);
    await expect(client.refreshTokenGrant(rp, rotated.refresh_token!)).rejects.toMatchObject(
      refused,
    );
    const revived = await client.refreshTokenGrant(rp, aliceTokens.refresh_token!);
    expect(revived.access_token).toBeTruthy();
    expect(
      (await client.refreshTokenGrant(rp, bobTokens.refresh_token!)).access_token,
    ).toBeTruthy();
    await stopApi();

    // The guide's steps after a restore, before any replica serves it.
    const after = await runBlock(
      guideBlock('After the restore'),
      { ...guideEnv, ...apiEnv(restoredUrl), NODE_ENV: 'development' },
      ROOT,
    );
    expect(after.stdout).toMatch(/given up to \S+: [1-9]\d* grants revoked with their tokens/);

    const serving = await startApi(restoredUrl);
    for (const token of [
      aliceTokens.refresh_token!,
      bobTokens.refresh_token!,
      revived.refresh_token!,
    ])
      await expect(client.refreshTokenGrant(rp, token)).rejects.toMatchObject(refused);
    // Registered phones sign in again: the companion login, and OpenID with a new refresh token.
    for (const phone of [alice, bob]) expect((await signIn(serving, phone)).idToken).toBeTruthy();
    const again = await openIdSignIn(serving, rp, alice);
    expect(decodeProtectedHeader(again.id_token!).kid).not.toBe(keysBefore);
    expect((await client.refreshTokenGrant(rp, again.refresh_token!)).access_token).toBeTruthy();
    // A device revoked since the backup is not the command's: the guide revokes it again.
    expect((await device(carol)).status).toBe(200);
  }, 300_000);
});
