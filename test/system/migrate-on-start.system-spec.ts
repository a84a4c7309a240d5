import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDatabase } from '@simauth/database';
import { ApiProcess, startApiProcess } from '@test-support/api-process';
import { bearer, call } from '@test-support/http';
import { openOnDevice, uniquePhoneNumber } from '@test-support/device';

const ROOT = join(__dirname, '../..');
// The migration step of a release (the Kubernetes Job runs the same file): the compiled CLI, as
// production images hold no dev dependencies to rebuild with.
const MIGRATE_CLI = join(ROOT, 'dist/apps/api/src/cli/migrate.js');
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');

/** A fresh database on the run's server, owned by the run's (superuser) role. */
async function emptyDatabase(admin: Client): Promise<{ name: string; url: string }> {
  const name = `deploy_${randomBytes(6).toString('hex')}`;
  return { name, url: await createDatabase(admin, process.env.DATABASE_URL!, name) };
}

/** Runs the compiled api with `env` laid over the test's and waits for it to exit. */
async function runUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [API_MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

async function publicTables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
  );
  await client.end();
  return rows.map((r) => r.table_name);
}

/** The role set-up of docs/operations/deploy.md, its one `sql` block, as the owner runs it. */
const ROLE_SQL = /```sql\n([\s\S]*?)```/.exec(
  readFileSync(join(ROOT, 'docs/operations/deploy.md'), 'utf8'),
)![1];

/**
 * Runs the guide's SQL on `databaseUrl` (psql's `:'app_password'` filled in as psql would) and
 * returns the URL the pods would use: the same database, as simauth_app.
 */
async function dataOnlyRole(databaseUrl: string): Promise<string> {
  const password = randomBytes(12).toString('hex');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(ROLE_SQL.replaceAll(":'app_password'", db.escapeLiteral(password)));
  await db.end();
  const url = new URL(databaseUrl);
  url.username = 'simauth_app';
  url.password = password;
  return url.toString();
}

describe('MIGRATE_ON_START=false (migrations run once per release, by the migration Job)', () => {
  let admin: Client;
  const databases: string[] = [];
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(
      apis.map(
        (api) =>
          new Promise((resolve) => {
            if (api.child.exitCode !== null) return resolve(undefined);
            api.child.once('exit', resolve);
            api.child.kill('SIGTERM');
          }),
      ),
    );
    for (const name of databases)
      await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query('DROP ROLE IF EXISTS simauth_app');
    await admin.end();
  });

  it('refuses to start on a schema behind the code, naming the migrations and the command, and changes nothing', async () => {
    const { name, url } = await emptyDatabase(admin);
    databases.push(name);

    const { code, output } = await runUntilExit({ DATABASE_URL: url, MIGRATE_ON_START: 'false' });

    expect(code).toBe(1);
    const fatal = output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .find((line) => line.level === 60);
    expect(fatal?.msg).toMatch(
      /^refusing to start: MIGRATE_ON_START=false and the database lacks \d+ migration\(s\) this release needs \(CreateAttempts1764043200000, .*\); run node dist\/apps\/api\/src\/cli\/migrate\.js first$/,
    );
    expect(await publicTables(url)).toEqual([]);
  });

  it("serves a registration and a companion login as the deploy guide's database role (no CREATE), once the migration CLI has run", async () => {
    const { name, url } = await emptyDatabase(admin);
    databases.push(name);
    const migrated = await promisify(execFile)(process.execPath, [MIGRATE_CLI], {
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(migrated.stdout).toMatch(/^applied: CreateAttempts1764043200000, /);
    const appUrl = await dataOnlyRole(url);

    // The premise: this role cannot change the schema.
    const asApp = new Client({ connectionString: appUrl });
    await asApp.connect();
    await expect(asApp.query('CREATE TABLE intruder (id int)')).rejects.toThrow(
      /permission denied for schema public/,
    );
    // A later release's migration (run by the owner) makes a table the role can use at once.
    const owner = new Client({ connectionString: url });
    await owner.connect();
    await owner.query('CREATE TABLE from_next_release (id serial PRIMARY KEY, note text)');
    await owner.end();
    await asApp.query(`INSERT INTO from_next_release (note) VALUES ('granted by default')`);
    await asApp.end();

    const api = await startApiProcess({ DATABASE_URL: appUrl, MIGRATE_ON_START: 'false' });
    apis.push(api);

    const phone = uniquePhoneNumber();
    const reg = await call('POST', `${api.url}/v1/registrations`, {
      phone_number: phone,
      device_id: 'migrate-on-start',
    });
    expect(reg.status).toBe(201);
    const regProof = await openOnDevice(reg.body.check_url, phone);
    const registered = await call(
      'POST',
      `${api.url}/v1/registrations/${reg.body.registration_id}/code`,
      regProof.body,
    );
    expect(registered.body.device_token).toEqual(expect.any(String));

    const login = await call('POST', `${api.url}/v1/logins`, { phone_number: phone });
    expect(login.status).toBe(201);
    const device = bearer(registered.body.device_token);
    const approved = await call(
      'POST',
      `${api.url}/v1/logins/${login.body.login_id}/approve`,
      { match_number: login.body.match_number },
      device,
    );
    expect(approved.body.status).toBe('APPROVED');
    const proof = await openOnDevice(approved.body.check_url, phone);
    const done = await call(
      'POST',
      `${api.url}/v1/logins/${login.body.login_id}/code`,
      proof.body,
      device,
    );
    expect(done.body.status).toBe('MATCH_SUCCESS');
    const polled = await call('GET', `${api.url}/v1/logins/${login.body.login_id}`, undefined, {
      authorization: `Bearer ${login.body.poll_token}`,
    });
    expect(polled.body.id_token).toEqual(expect.any(String));
    expect(api.output()).not.toMatch(/permission denied/);
  });
});
