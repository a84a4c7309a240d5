/**
 * `npm run bench:requests`: api CPU per request of each kind, simauth against the skeleton
 * (bench/skeleton.ts), on one embedded Postgres and sandbox: a login start for an unknown number
 * (3 statements), a start that pushes, a poll (1 statement), a wrong-number approval. It isolates
 * what each request and statement costs beyond what Node needs, where `npm run bench` gives the
 * whole flow. Printed, never asserted.
 */
import { findFreePort } from '@simauth/database';
import { startBenchDatabase } from './database';
import {
  ApiProcess,
  BaselineProcess,
  SandboxProcess,
  startApiProcess,
  startSandboxProcess,
  startSkeletonProcess,
} from './processes';
import { call, registerUsers } from './flows';
import { cpuSeconds } from './cpu';

async function main() {
  const pg = await startBenchDatabase('requests', { fast: false, databaseName: 'rp' });
  // Started inside the try: what did start is stopped even when a later one fails to.
  let sandbox: SandboxProcess | undefined;
  let api: ApiProcess | undefined;
  let skel: BaselineProcess | undefined;
  try {
    sandbox = await startSandboxProcess(await findFreePort());
    api = await startApiProcess(pg.url, await findFreePort(), sandbox);
    skel = await startSkeletonProcess(pg.url, await findFreePort(), sandbox);
    const users = await registerUsers(api.url, sandbox.url, '+447700926', 1);
    const servers = {
      simauth: { url: api.url, pid: api.child.pid! },
      skeleton: { url: skel.url, pid: skel.pid },
    };
    const N = 3000;
    const kinds: Record<string, (url: string) => Promise<unknown>> = {
      'start (unknown number)': (url) =>
        call('POST', `${url}/v1/logins`, { phone_number: '+447700915678' }),
      'poll (pending)': async (url) => {
        const s = await call('POST', `${url}/v1/logins`, { phone_number: '+447700915679' });
        for (let i = 0; i < 9; i++)
          await call('GET', `${url}/v1/logins/${s.body.login_id}`, undefined, s.body.poll_token);
      },
      'start (known number, push)': (url) =>
        call('POST', `${url}/v1/logins`, { phone_number: users[0].phone }),
      'approve (wrong number: deny)': async (url) => {
        const s = await call('POST', `${url}/v1/logins`, { phone_number: users[0].phone });
        await call(
          'POST',
          `${url}/v1/logins/${s.body.login_id}/approve`,
          { match_number: 5 },
          users[0].deviceToken,
        );
      },
    };
    // Round 0 warms both up; rounds 1 and 2 are the figures.
    for (let round = 0; round < 3; round++)
      for (const [kind, fn] of Object.entries(kinds))
        for (const [name, s] of Object.entries(servers)) {
          const before = cpuSeconds(s.pid);
          let left = N;
          await Promise.all(
            Array.from({ length: 16 }, async () => {
              while (left-- > 0) await fn(s.url);
            }),
          );
          console.log(
            round,
            kind.padEnd(30),
            name.padEnd(9),
            (((cpuSeconds(s.pid) - before) * 1e6) / N).toFixed(0),
            'µs per iteration',
          );
        }
  } finally {
    await api?.stop();
    await skel?.stop();
    await sandbox?.stop();
    await pg.stop();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
