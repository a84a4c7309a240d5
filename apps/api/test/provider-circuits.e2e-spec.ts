import { TestApp, startTestApp } from '@test-support/test-app';
import { bearer, call } from '@test-support/http';
import { phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { CIRCUIT_FAILURE_THRESHOLD } from '@simauth/providers';
import { OPS_CLIENT, adminToken } from '@test-support/admin';
import { startRegistration } from '@test-support/sim-proof';

const TRUID = 'sim_proof,sim_swap,coverage,authenticator';

/** simauth_provider_circuit_state's lines, as /metrics says them now. */
async function circuitStates(t: TestApp): Promise<Record<string, number>> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.startsWith('simauth_provider_circuit_state{'))
      .map((l) => [l.slice(l.indexOf('{'), l.lastIndexOf(' ')), Number(l.split(' ').at(-1))]),
  );
}

describe("each provider's circuit breaker in /metrics and the admin API, never in readiness (sandbox, real Postgres)", () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        SIM_PROOF_PROVIDERS: 'truid,vonage',
        SIM_SWAP_PROVIDERS: 'truid,twilio',
        OIDC_CLIENTS: JSON.stringify([OPS_CLIENT]),
      },
    });
    token = await adminToken(t.url, 'simauth:admin');
  });
  afterAll(() => t.close());

  const providers = (auth = token) =>
    call('GET', `${t.url}/admin/v1/providers`, undefined, bearer(auth));

  it('lists every provider client closed at first, with the SIM-proof and SIM-swap failover orders', async () => {
    const res = await providers();
    expect(res.status).toBe(200);
    expect(res.body.sim_proof_providers).toEqual(['truid', 'vonage']);
    expect(res.body.sim_swap_providers).toEqual(['truid', 'twilio']);
    const byClient = Object.fromEntries(
      res.body.circuits.map((c: { client: string }) => [c.client, c]),
    );
    expect(byClient['truid']).toEqual({
      provider: 'truid',
      feature: TRUID,
      client: 'truid',
      state: 'closed',
      consecutive_failures: 0,
      open_until: null,
    });
    expect(byClient['vonage-silent-auth']).toMatchObject({
      provider: 'vonage',
      feature: 'sim_proof',
      state: 'closed',
    });
    expect(byClient['vonage-verify']).toMatchObject({ provider: 'vonage', feature: 'sms' });
    expect(byClient['twilio-lookup']).toMatchObject({
      provider: 'twilio',
      feature: 'sim_swap',
      state: 'closed',
    });
    expect(await circuitStates(t)).toMatchObject({
      [`{provider="truid",feature="${TRUID}"}`]: 0,
      '{provider="vonage",feature="sim_proof"}': 0,
    });
  });

  it('refuses the route without an admin token (401) and with a token lacking the scope (403), and records each call', async () => {
    expect((await call('GET', `${t.url}/admin/v1/providers`)).status).toBe(401);
    expect((await providers(await adminToken(t.url, ''))).status).toBe(403);
    await providers();
    const [action] = await t.db.query(
      `SELECT action FROM admin_actions WHERE client_id = 'ops' ORDER BY id DESC LIMIT 1`,
    );
    expect(action.action).toBe('providers.read');
  });

  it("opens tru.ID's circuit after repeated outages (5000): /metrics and the admin API say so, the next proof goes to Vonage at once, and the replica stays ready", async () => {
    const outage = phoneNumberEnding('5000');
    // Each registration of the number meets a tru.ID outage (its tries count against the circuit).
    let truid = { state: 'closed', consecutive_failures: 0, open_until: null as string | null };
    for (let i = 0; i < 10 && truid.state !== 'open'; i++) {
      await startRegistration(t, outage);
      truid = (await providers()).body.circuits.find(
        (c: { client: string }) => c.client === 'truid',
      );
    }
    expect(truid.state).toBe('open');
    expect(truid.consecutive_failures).toBeGreaterThanOrEqual(CIRCUIT_FAILURE_THRESHOLD);
    expect(new Date(truid.open_until!).getTime()).toBeGreaterThan(Date.now());
    expect(await circuitStates(t)).toMatchObject({
      [`{provider="truid",feature="${TRUID}"}`]: 1,
      '{provider="vonage",feature="sim_proof"}': 0,
    });

    // Any number now: tru.ID is not called while its circuit is open, and Vonage takes the proof.
    const truIdChecks = t.sandbox.store.callsTo('truid.phone_check.create');
    const started = await startRegistration(t, uniquePhoneNumber());
    expect(started.status).toBe(201);
    expect(started.body.provider).toBe('vonage');
    expect(t.sandbox.store.callsTo('truid.phone_check.create')).toBe(truIdChecks);

    const ready = await call('GET', `${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(JSON.stringify(ready.body)).not.toMatch(/circuit/);
  });
});
