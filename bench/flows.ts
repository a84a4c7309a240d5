import { Agent, request } from 'undici';

const agent = new Agent({ connections: 256, pipelining: 1, keepAliveTimeout: 30_000 });

export async function call<T = any>(
  method: string,
  url: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await request(url, {
    method: method as 'GET',
    dispatcher: agent,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
}

/** A device opening a URL over "mobile data": follows the sandbox's redirects with its SIM. */
export async function openOnDevice(url: string, sim: string): Promise<Record<string, string>> {
  let next = url;
  for (let hop = 0; hop < 5; hop++) {
    const res = await request(next, { dispatcher: agent, headers: { 'x-sandbox-sim': sim } });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      await res.body.dump();
      next = new URL(String(res.headers.location), next).toString();
      continue;
    }
    return (await res.body.json()) as Record<string, string>;
  }
  throw new Error('too many redirects');
}

export interface VirtualUser {
  phone: string;
  deviceToken: string;
  pushToken: string;
  lastPush: number;
  api: string;
  sandbox: string;
}

/** Registers a phone over HTTP, as an app does, and gives it a push token. */
export async function registerUser(
  api: string,
  sandbox: string,
  phone: string,
): Promise<VirtualUser> {
  const started = await call('POST', `${api}/v1/registrations`, {
    phone_number: phone,
    device_id: `bench-${phone.slice(1)}`,
  });
  if (started.status !== 201)
    throw new Error(`registration answered ${started.status}: ${JSON.stringify(started.body)}`);
  const proof = await openOnDevice(started.body.check_url, phone);
  const done = await call(
    'POST',
    `${api}/v1/registrations/${started.body.registration_id}/code`,
    proof,
  );
  const pushToken = `bench-push-${phone.slice(1)}`;
  await call(
    'PUT',
    `${api}/v1/devices/me/push-token`,
    { fcm_token: pushToken },
    done.body.device_token,
  );
  return { phone, deviceToken: done.body.device_token, pushToken, lastPush: 0, api, sandbox };
}

/**
 * Registers `count` phones, numbered from `prefix` + 000 one after another, in the sandbox's test
 * block (`prefix` is +4477009 and two digits: 07700 9xxxxx, numbers no phone has). The last of
 * those digits is 1, 2, 3, 6, 8 or 9, so that no number ends like a reserved sandbox number
 * (4000, 5000, 7000, …) and behaves otherwise.
 */
export async function registerUsers(
  api: string,
  sandbox: string,
  prefix: string,
  count: number,
): Promise<VirtualUser[]> {
  const users: VirtualUser[] = [];
  for (let i = 0; i < count; i++) {
    users.push(await registerUser(api, sandbox, `${prefix}${String(i).padStart(3, '0')}`));
  }
  return users;
}

/** One companion login end to end: start → push → approve → PhoneCheck → code → id_token. */
export async function companionLogin(vu: VirtualUser): Promise<void> {
  const started = await call('POST', `${vu.api}/v1/logins`, { phone_number: vu.phone });
  const inbox = await call(
    'GET',
    `${vu.sandbox}/sandbox/fcm/inboxes/${vu.pushToken}/messages?after=${vu.lastPush}&wait_ms=10000`,
  );
  const push = inbox.body.messages.find(
    (m: any) => m.message.data.login_id === started.body.login_id,
  );
  if (!push) throw new Error('push not received');
  vu.lastPush = Math.max(...inbox.body.messages.map((m: any) => m.seq));
  const approved = await call(
    'POST',
    `${vu.api}/v1/logins/${started.body.login_id}/approve`,
    { match_number: started.body.match_number },
    vu.deviceToken,
  );
  const proof = await openOnDevice(approved.body.check_url, vu.phone);
  const done = await call(
    'POST',
    `${vu.api}/v1/logins/${started.body.login_id}/code`,
    proof,
    vu.deviceToken,
  );
  if (done.body.status !== 'MATCH_SUCCESS') throw new Error(`flow ended ${done.body.status}`);
  const polled = await call(
    'GET',
    `${vu.api}/v1/logins/${started.body.login_id}`,
    undefined,
    started.body.poll_token,
  );
  if (!polled.body.id_token) throw new Error('no id_token');
}

/** Runs `flow` in `users.length` concurrent loops for `seconds`; returns each flow's duration. */
export async function runFor(
  seconds: number,
  users: VirtualUser[],
  flow: (vu: VirtualUser) => Promise<void>,
) {
  const durations: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    users.map(async (vu) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await flow(vu);
          durations.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { durations, errors, elapsedSeconds: (performance.now() - started) / 1000 };
}

/**
 * What warms an api before it is measured (`npm run bench`'s process A, `bench:profile`,
 * `bench:oidc-steps`): its CPU per login keeps falling for its first several thousand logins,
 * while V8 compiles and optimizes its code function by function, and a code flow's own steps for
 * a thousand or two more; the skeleton, a few hundred lines, settles within a thousand. Measured
 * warm, as a replica runs for days.
 */
export const LOGIN_WARM_UP_FLOWS = 8000;
export const CODE_FLOW_WARM_UP_FLOWS = 2000;

/** Runs `flow` for `users` at once until `count` flows have run in all; returns the errors. */
export async function runCount(
  count: number,
  users: VirtualUser[],
  flow: (vu: VirtualUser) => Promise<void>,
): Promise<number> {
  let left = count;
  let errors = 0;
  await Promise.all(
    users.map(async (vu) => {
      while (left-- > 0) {
        try {
          await flow(vu);
        } catch {
          errors++;
        }
      }
    }),
  );
  return errors;
}

/**
 * Warms the api `users` call as the bench's process A is: LOGIN_WARM_UP_FLOWS companion logins,
 * then, given a code flow, CODE_FLOW_WARM_UP_FLOWS of it. A flow that fails fails the warm-up.
 */
export async function warmUp(
  users: VirtualUser[],
  codeFlow?: (vu: VirtualUser) => Promise<void>,
): Promise<void> {
  let errors = await runCount(LOGIN_WARM_UP_FLOWS, users, companionLogin);
  if (codeFlow) errors += await runCount(CODE_FLOW_WARM_UP_FLOWS, users, codeFlow);
  if (errors > 0) throw new Error(`${errors} flows of the warm-up failed`);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
