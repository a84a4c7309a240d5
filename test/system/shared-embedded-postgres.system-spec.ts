import { ChildProcess, spawn } from 'node:child_process';
import { startApiProcess } from '@test-support/api-process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm start` with no DATABASE_URL: the compiled api on the embedded Postgres of `pgDir`. */
const startApi = (pgDir: string) =>
  startApiProcess({ EMBEDDED_PG_DIR: pgDir, DATABASE_URL: undefined }, { readyWithinMs: 60_000 });

describe('two api processes started in the same folder (one embedded Postgres)', () => {
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'simauth-shared-'));
  // Stopped as an operator would (SIGTERM): the first one stops the Postgres it started, which a
  // SIGKILL would leave running after the run. Then the folder (the cluster) goes.
  afterAll(async () => {
    const running = children.filter((child) => child.exitCode === null && !child.signalCode);
    await Promise.all(
      running.map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the second share the first one’s database instead of stopping it; both stay ready', async () => {
    chmodSync(dir, 0o755);
    const pgDir = join(dir, 'pg');
    const first = await startApi(pgDir);
    children.push(first.child);
    const second = await startApi(pgDir);
    children.push(second.child);
    for (const api of [first, second]) {
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    }
    // Each was started with its own PUBLIC_URL (its own port): the second says they disagree.
    expect(second.output()).toContain(
      `another api process on this database issues tokens as ${first.url}, this one as ${second.url}`,
    );
    // One database: a login started on one is polled on the other.
    const started = await fetch(`${first.url}/v1/logins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: '+447700900001' }),
    });
    const login = (await started.json()) as { login_id: string; poll_token: string };
    const polled = await fetch(`${second.url}/v1/logins/${login.login_id}`, {
      headers: { authorization: `Bearer ${login.poll_token}` },
    });
    expect(polled.status).toBe(200);

    // A third on the first one's port says so in one JSON line, and touches nothing.
    const port = new URL(first.url).port;
    const third = spawn(process.execPath, [join(__dirname, '../../dist/apps/api/src/main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        EMBEDDED_PG_DIR: pgDir,
        PORT: port,
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    third.stdout!.on('data', (d) => (said += d));
    third.stderr!.on('data', (d) => (said += d));
    const code = await new Promise<number | null>((resolve) => third.once('exit', resolve));
    expect(code).toBe(1);
    const lines = said.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 60,
      msg: `invalid configuration: PORT ${port} is already in use on 127.0.0.1 (another simauth? choose another PORT)`,
    });
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);

    // The second stops cleanly without taking the database with it.
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
  });
});
