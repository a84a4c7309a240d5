import { TestApp, startTestApp } from '@test-support/test-app';
import { phoneNumberEnding } from '@test-support/device';
import { RegisteredPhone, approveOnPhone, registerPhone } from '@test-support/flows';
import { approvedLogin, simSwapChecks } from '@test-support/sim-proof';
import { call } from '@test-support/http';

/**
 * Twilio Lookup v2 SIM Swap as a SIM-swap provider (SIM_SWAP_PROVIDERS=…,twilio), over HTTP
 * against the sandbox and the run's Postgres. The sandbox's endings: 7100 swapped (tru.ID down); 7700 tru.ID
 * and Vonage down, swapped; 7800 Twilio has no data for it, swapped; 7500 every provider down.
 */
describe('SIM-swap checks by Twilio Lookup (SIM_SWAP_PROVIDERS lists twilio)', () => {
  let all: TestApp;
  let twilioAlone: TestApp;
  let twilioFirst: TestApp;
  beforeAll(async () => {
    all = await startTestApp({ env: { SIM_SWAP_PROVIDERS: 'truid,vonage,twilio' } });
    const shared = { sharedSandbox: all.sandbox };
    twilioAlone = await startTestApp({ ...shared, env: { SIM_SWAP_PROVIDERS: 'twilio' } });
    twilioFirst = await startTestApp({ ...shared, env: { SIM_SWAP_PROVIDERS: 'twilio,truid' } });
  });
  afterAll(async () => {
    for (const t of [twilioFirst, twilioAlone]) await t?.close();
    await all?.close();
  });

  const lookups = () => all.sandbox.store.callsTo('twilio.lookup');
  const simSwapOf = async (t: TestApp, id: string) =>
    (await t.db.query('SELECT result FROM attempts WHERE id = $1', [id]))[0].result?.sim_swap;
  async function signInOn(t: TestApp, phone: RegisteredPhone) {
    const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
    return approveOnPhone(t, phone, started.body.login_id, started.body.match_number);
  }

  it('denies a login through Twilio when tru.ID and Vonage are both down (7700), with both failovers on record', async () => {
    const phone = await registerPhone(all, phoneNumberEnding('7700'));
    const before = lookups();
    const twilioSwapped = await simSwapChecks(all, 'twilio', 'swapped');
    const { loginId, approved } = await approvedLogin(all, phone);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(lookups()).toBe(before + 1);
    expect(await simSwapOf(all, loginId)).toEqual({
      provider: 'Twilio',
      last_sim_swap_date: expect.any(String),
      swapped_period: 'PT72H',
      swapped_in_period: true,
      carrier_name: 'Sandbox Mobile',
      failovers: [
        { provider: 'truid', cause: 'unavailable' },
        { provider: 'vonage', cause: 'unavailable' },
      ],
    });
    expect(await simSwapChecks(all, 'twilio', 'swapped')).toBe(twilioSwapped + 1);
  });

  it('refuses the approval for now when all three are down (7500), the default SIM_SWAP_ON_PROVIDER_ERROR=closed', async () => {
    const phone = await registerPhone(all, phoneNumberEnding('7500'));
    const before = lookups();
    const { approved } = await approvedLogin(all, phone);
    expect(approved.status).toBe(503);
    expect(Number(approved.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(lookups()).toBeGreaterThan(before);
  });

  it('checks by Twilio alone: a swap denies, no swap signs in, and neither tru.ID nor Vonage is asked', async () => {
    // 7100: swapped, and tru.ID would be down (it is not asked).
    const swapped = await registerPhone(all, phoneNumberEnding('7100'));
    const unchanged = await registerPhone(all);
    const truId = all.sandbox.store.callsTo('truid.sim_check.create');
    const vonage = all.sandbox.store.callsTo('vonage.sim_swap');
    const { loginId, approved } = await approvedLogin(twilioAlone, swapped);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(await simSwapOf(twilioAlone, loginId)).toMatchObject({ provider: 'Twilio' });
    expect(await signInOn(twilioAlone, unchanged)).toEqual({ status: 'MATCH_SUCCESS' });
    expect(all.sandbox.store.callsTo('truid.sim_check.create')).toBe(truId);
    expect(all.sandbox.store.callsTo('vonage.sim_swap')).toBe(vonage);
  });

  it('hands a number Twilio has no data for (7800) to tru.ID, which finds the swap', async () => {
    const phone = await registerPhone(all, phoneNumberEnding('7800'));
    const { loginId, approved } = await approvedLogin(twilioFirst, phone);
    expect(approved.body).toEqual({ status: 'SIM_SWAP_DETECTED' });
    expect(await simSwapOf(twilioFirst, loginId)).toMatchObject({
      provider: 'tru.ID',
      failovers: [{ provider: 'twilio', cause: 'not_supported' }],
    });
  });
});
