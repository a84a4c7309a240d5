import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '@simauth/database';
import { bearer, call } from '../support/http';
import { openOnDevice, uniquePhoneNumber } from '../support/device';
import { EventStreamClient, eventually } from '../support/sse';
import { startApiProcess } from '../support/api-process';

const ROOT = join(__dirname, '../..');

/** The standalone sandbox (`npm run sandbox`): the providers live outside the api processes. */
async function startStandaloneSandbox(): Promise<{
  child: ChildProcess;
  env: Record<string, string>;
}> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/sandbox/src/main.js')], {
    env: { ...process.env, SANDBOX_PORT: String(await findFreePort()), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  await eventually(async () => expect(out).toMatch(/TRUID_CLIENT_SECRET=\S+/), 30_000);
  const value = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(out)![1];
  return {
    child,
    env: {
      TRUID_BASE_URL: value('TRUID_BASE_URL'),
      TRUID_CLIENT_ID: value('TRUID_CLIENT_ID'),
      TRUID_CLIENT_SECRET: value('TRUID_CLIENT_SECRET'),
    },
  };
}

describe('an api process killed (SIGKILL) in the middle of a login', () => {
  const processes: ChildProcess[] = [];
  afterAll(() => {
    for (const p of processes) if (p.exitCode === null) p.kill('SIGKILL');
  });

  it('loses nothing: a second process finishes the same login and its stream sees the end', async () => {
    const sandbox = await startStandaloneSandbox();
    processes.push(sandbox.child);
    const [a, b] = await Promise.all([startApiProcess(sandbox.env), startApiProcess(sandbox.env)]);
    processes.push(a.child, b.child);

    const phone = uniquePhoneNumber();
    const reg = await call('POST', `${a.url}/v1/registrations`, {
      phone_number: phone,
      device_id: 'killed-test',
    });
    const regProof = await openOnDevice(reg.body.check_url, phone);
    const device = (
      await call(
        'POST',
        `${a.url}/v1/registrations/${reg.body.registration_id}/code`,
        regProof.body,
      )
    ).body.device_token;
    const started = await call('POST', `${a.url}/v1/logins`, { phone_number: phone });
    const stream = new EventStreamClient(
      `${b.url}/v1/logins/${started.body.login_id}/events?poll_token=${started.body.poll_token}`,
    );
    expect((await stream.next())?.data.status).toBe('PENDING');
    const approved = await call(
      'POST',
      `${a.url}/v1/logins/${started.body.login_id}/approve`,
      { match_number: started.body.match_number },
      bearer(device),
    );
    expect(approved.body.status).toBe('APPROVED');
    const proof = await openOnDevice(approved.body.check_url, phone);

    a.child.kill('SIGKILL');
    await new Promise((r) => (a.child.exitCode !== null ? r(undefined) : a.child.once('exit', r)));

    const done = await call(
      'POST',
      `${b.url}/v1/logins/${started.body.login_id}/code`,
      proof.body,
      bearer(device),
    );
    expect(done.body.status).toBe('MATCH_SUCCESS');
    const seen = [];
    for (let e = await stream.next(); e; e = await stream.next()) seen.push(e.data);
    expect(seen.map((v) => v.status)).toEqual(['APPROVED', 'MATCH_PENDING', 'MATCH_SUCCESS']);
    expect(seen[2].id_token).toEqual(expect.any(String));
  }, 120_000);
});
