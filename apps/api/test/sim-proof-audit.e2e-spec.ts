import { randomUUID } from 'node:crypto';
import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { registerPhone } from '@test-support/flows';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { eventually } from '@test-support/sse';
import { WebhookReceiver } from '@test-support/webhook-receiver';
import { approvedLogin, sendLoginCode, startRegistration } from '@test-support/sim-proof';

interface AttemptEvent {
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string | null;
  provider: string | null;
}

/**
 * Which provider proved each attempt, where operators and their systems look: the admin API's
 * attempt and its events, the audit export, and the webhooks (verified with `standardwebhooks`).
 */
describe('the provider that proved an attempt, on record (SIM_PROOF_PROVIDERS=truid,vonage, sandbox, real Postgres)', () => {
  let receiver: WebhookReceiver;
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({
      env: {
        SIM_PROOF_PROVIDERS: 'truid,vonage',
        OIDC_CLIENTS: JSON.stringify([OPS_CLIENT]),
        WEBHOOKS: JSON.stringify([
          {
            url: receiver.url,
            secret: receiver.secret,
            events: ['registration.succeeded', 'login.succeeded'],
          },
        ]),
      },
    });
    token = await adminToken(t.url, 'simauth:admin');
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const attempt = async (id: string) => {
    const res = await call('GET', `${t.url}/admin/v1/attempts/${id}`, undefined, bearer(token));
    expect(res.status).toBe(200);
    return res.body as { provider: string | null; events: AttemptEvent[] };
  };
  /** The webhook of `type` for attempt `id`, once delivered, verified by the reference library. */
  async function delivered(id: string, type: string) {
    const find = () => receiver.delivered().find((r) => r.payload.data.attempt_id === id);
    await eventually(async () => expect(find()).toMatchObject({ type, verified: true }), 10_000);
    return find()!;
  }
  async function exportedMoves(id: string) {
    const res = await fetch(`${t.url}/admin/v1/events?limit=10000`, { headers: bearer(token) });
    expect(res.status).toBe(200);
    return (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((e) => e.attempt_id === id);
  }

  it('records a registration tru.ID could not take (outage, 5000) as proven by Vonage: the admin attempt, its events, the audit export and the signed webhook', async () => {
    const phone = phoneNumberEnding('5000');
    const started = await startRegistration(t, phone);
    expect(started.body.provider).toBe('vonage');
    const id = started.body.registration_id as string;
    const device = await openOnDevice(started.body.check_url, phone);
    const done = await call('POST', `${t.url}/v1/registrations/${id}/code`, device.body);
    expect(done.body.status).toBe('MATCH_SUCCESS');

    const view = await attempt(id);
    expect(view.provider).toBe('vonage');
    expect(view.events).toEqual([
      expect.objectContaining({
        to_status: 'CHECK_CREATED',
        reason: 'truid unavailable: SIM check by vonage',
        provider: 'vonage',
      }),
      expect.objectContaining({ to_status: 'MATCH_SUCCESS', provider: 'vonage' }),
    ]);

    const hook = await delivered(id, 'registration.succeeded');
    expect(hook.payload.data).toMatchObject({
      attempt_id: id,
      status: 'MATCH_SUCCESS',
      provider: 'vonage',
    });

    await eventually(async () => {
      const moves = await exportedMoves(id);
      expect(moves.map((m) => [m.to_status, m.provider])).toEqual([
        ['CHECK_CREATED', 'vonage'],
        ['MATCH_SUCCESS', 'vonage'],
      ]);
    }, 10_000);
  });

  it('records a registration tru.ID took as proven by tru.ID', async () => {
    const phone = uniquePhoneNumber();
    const started = await startRegistration(t, phone);
    const id = started.body.registration_id as string;
    const device = await openOnDevice(started.body.check_url, phone);
    await call('POST', `${t.url}/v1/registrations/${id}/code`, device.body);
    const view = await attempt(id);
    expect(view.provider).toBe('truid');
    expect(view.events.map((e) => e.provider)).toEqual(['truid', 'truid']);
    expect((await delivered(id, 'registration.succeeded')).payload.data.provider).toBe('truid');
  });

  it("records a login's SIM proof by Vonage in its events: the check it took, and the match", async () => {
    const phone = await registerPhone(t, phoneNumberEnding('5000'));
    const { loginId, approved } = await approvedLogin(t, phone);
    expect(approved.body).toMatchObject({ status: 'APPROVED', provider: 'vonage' });
    const device = await openOnDevice(approved.body.check_url, phone.phoneNumber);
    const done = await sendLoginCode(t, phone, loginId, device.body);
    expect(done.body.status).toBe('MATCH_SUCCESS');

    const view = await attempt(loginId);
    expect(view.provider).toBe('vonage');
    expect(view.events.map((e) => [e.from_status, e.to_status, e.provider])).toEqual([
      [null, 'PENDING', null],
      ['PENDING', 'APPROVED', null],
      // The SIM check's creation, on the record without a move: which provider took it, and why.
      ['APPROVED', 'APPROVED', 'vonage'],
      ['APPROVED', 'MATCH_PENDING', 'vonage'],
      ['MATCH_PENDING', 'MATCH_SUCCESS', 'vonage'],
    ]);
    expect(view.events[2].reason).toBe('SIM check by vonage (truid unavailable)');
    const hook = await delivered(loginId, 'login.succeeded');
    expect(hook.payload.data).toMatchObject({ status: 'MATCH_SUCCESS', provider: 'vonage' });
  });

  it('lets no client choose the provider: a provider field is refused 400 naming it, a provider query is ignored', async () => {
    const phone = uniquePhoneNumber();
    const asField = await call('POST', `${t.url}/v1/registrations`, {
      phone_number: phone,
      device_id: `dev-${randomUUID()}`,
      provider: 'vonage',
    });
    expect(asField.status).toBe(400);
    expect(asField.body.errors).toEqual([
      expect.objectContaining({ field: 'provider', message: 'is not a known field' }),
    ]);
    const silentAuths = t.sandbox.store.callsTo('vonage.verify2.silent_auth');
    const asQuery = await call('POST', `${t.url}/v1/registrations?provider=vonage`, {
      phone_number: phone,
      device_id: `dev-${randomUUID()}`,
    });
    expect(asQuery.status).toBe(201);
    expect(asQuery.body.provider).toBe('truid');
    expect(t.sandbox.store.callsTo('vonage.verify2.silent_auth')).toBe(silentAuths);

    const registered = await registerPhone(t);
    const started = await call('POST', `${t.url}/v1/logins`, {
      phone_number: registered.phoneNumber,
    });
    const approve = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/approve?provider=vonage`,
      { match_number: started.body.match_number, provider: 'vonage' },
      bearer(registered.deviceToken),
    );
    expect(approve.status).toBe(400);
    expect(approve.body.errors).toEqual([expect.objectContaining({ field: 'provider' })]);
    const approved = await call(
      'POST',
      `${t.url}/v1/logins/${started.body.login_id}/approve?provider=vonage`,
      { match_number: started.body.match_number },
      bearer(registered.deviceToken),
    );
    expect(approved.body).toMatchObject({ status: 'APPROVED', provider: 'truid' });
  });
});
