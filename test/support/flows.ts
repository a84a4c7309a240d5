import { randomUUID } from 'node:crypto';
import { TestApp } from './test-app';
import { bearer, call } from './http';
import { openOnDevice, uniquePhoneNumber } from './device';

export interface RegisteredPhone {
  phoneNumber: string;
  deviceId: string;
  deviceToken: string;
}

/** Registers a phone end to end over HTTP (PhoneCheck with the matching SIM), as an app would. */
export async function registerPhone(
  t: Pick<TestApp, 'url'>,
  phoneNumber = uniquePhoneNumber(),
  deviceId = `dev-${randomUUID()}`,
  /** More of the registration's body (e.g. `locale`). */
  extra: Record<string, unknown> = {},
): Promise<RegisteredPhone> {
  const started = await call('POST', `${t.url}/v1/registrations`, {
    phone_number: phoneNumber,
    device_id: deviceId,
    ...extra,
  });
  if (started.status !== 201)
    throw new Error(`registration failed: ${started.status} ${JSON.stringify(started.body)}`);
  const device = await openOnDevice(started.body.check_url, phoneNumber);
  const done = await call(
    'POST',
    `${t.url}/v1/registrations/${started.body.registration_id}/code`,
    device.body,
  );
  if (!done.body.device_token) throw new Error(`no match: ${JSON.stringify(done.body)}`);
  return { phoneNumber, deviceId, deviceToken: done.body.device_token };
}

/** A registered phone whose device sent `pushToken` as its FCM token (its sandbox FCM inbox). */
export async function registerPhoneWithPush(
  t: TestApp,
  pushToken = `fcm-${randomUUID()}`,
): Promise<RegisteredPhone & { pushToken: string }> {
  const phone = await registerPhone(t);
  const res = await call(
    'PUT',
    `${t.url}/v1/devices/me/push-token`,
    { fcm_token: pushToken },
    bearer(phone.deviceToken),
  );
  if (res.status !== 204)
    throw new Error(`push token refused: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...phone, pushToken };
}

/** The push the sandbox FCM inbox received for `pushToken` after message `after` (long poll). */
export async function nextPush(
  t: TestApp,
  pushToken: string,
  after = 0,
): Promise<{ seq: number; message: any }> {
  const res = await fetch(
    `${t.sandbox.url}/sandbox/fcm/inboxes/${encodeURIComponent(pushToken)}/messages?after=${after}&wait_ms=5000`,
  );
  const { messages } = (await res.json()) as { messages: { seq: number; message: any }[] };
  if (!messages.length) throw new Error('no push arrived');
  return messages[0];
}

/**
 * The phone's part of a login: approve with `matchNumber`, prove the SIM over the check_url, send
 * the code back. Returns the code's answer (`{status: 'MATCH_SUCCESS'}` when all went well).
 */
export async function approveOnPhone(
  t: Pick<TestApp, 'url'>,
  phone: RegisteredPhone,
  loginId: string,
  matchNumber: number,
): Promise<{ status: string }> {
  const auth = bearer(phone.deviceToken);
  const approved = await call(
    'POST',
    `${t.url}/v1/logins/${loginId}/approve`,
    { match_number: matchNumber },
    auth,
  );
  if (approved.body.status !== 'APPROVED') return approved.body as { status: string };
  const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
  const done = await call('POST', `${t.url}/v1/logins/${loginId}/code`, device.body, auth);
  return done.body as { status: string };
}

/** Signs a registered phone's user in through a full companion login; returns the id_token. */
export async function signIn(
  t: Pick<TestApp, 'url'>,
  phone?: RegisteredPhone,
): Promise<{ phone: RegisteredPhone; idToken: string }> {
  const registered = phone ?? (await registerPhone(t));
  const started = await call('POST', `${t.url}/v1/logins`, {
    phone_number: registered.phoneNumber,
  });
  await approveOnPhone(t, registered, started.body.login_id, started.body.match_number);
  const polled = await call('GET', `${t.url}/v1/logins/${started.body.login_id}`, undefined, {
    authorization: `Bearer ${started.body.poll_token}`,
  });
  return { phone: registered, idToken: polled.body.id_token };
}
