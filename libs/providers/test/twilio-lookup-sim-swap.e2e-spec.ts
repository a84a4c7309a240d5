import {
  NumberNotSupportedError,
  ProviderError,
  ProviderUnavailableError,
  TwilioLookupSimSwapAdapter,
  periodHours,
} from '@simauth/providers';
import { RunningSandbox, startSandbox } from '@simauth/sandbox';
import { phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';

describe('Twilio Lookup v2 SIM Swap against the sandbox over HTTP', () => {
  let sandbox: RunningSandbox;
  beforeAll(
    async () =>
      (sandbox = await startSandbox({
        vonageRedirectUri: 'http://127.0.0.1:9/v1/number-verifications/callback',
      })),
  );
  afterAll(() => sandbox.close());

  const adapter = (authToken = sandbox.credentials.twilio.authToken) =>
    new TwilioLookupSimSwapAdapter({
      baseUrl: sandbox.url,
      timeoutMs: 2000,
      accountSid: sandbox.credentials.twilio.accountSid,
      authToken,
    });

  it('reports the sandbox swap of …7300 (two hours ago) within the hours asked, from last_sim_swap_date, and not beyond them', async () => {
    // (7300: tru.ID cannot check it; Twilio can.)
    const swapped = phoneNumberEnding('7300');
    const result = await adapter().check(swapped, 72);
    expect(result).toEqual({
      swapped: true,
      provider: 'Twilio',
      answer: {
        last_sim_swap_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        swapped_period: 'PT72H',
        swapped_in_period: true,
        carrier_name: 'Sandbox Mobile',
      },
    });
    expect((await adapter().check(swapped, 1)).swapped).toBe(false);
  });

  it('reports no change for a number whose SIM never changed', async () => {
    expect(await adapter().check(uniquePhoneNumber(), 72)).toMatchObject({
      swapped: false,
      answer: { swapped_in_period: false },
    });
  });

  it("does not take 'not within Twilio's period' as no swap when the policy's hours go beyond that period (72 h here): the next provider must decide", async () => {
    const unchanged = uniquePhoneNumber();
    await expect(adapter().check(unchanged, 96)).rejects.toBeInstanceOf(NumberNotSupportedError);
    expect((await adapter().check(unchanged, 72)).swapped).toBe(false);
    // A swap within the period is a swap whatever the hours asked.
    expect((await adapter().check(phoneNumberEnding('7300'), 96)).swapped).toBe(true);
  });

  it('reads the ISO 8601 periods Twilio answers in hours', () => {
    expect(periodHours('PT48H')).toBe(48);
    expect(periodHours('P3D')).toBe(72);
    expect(periodHours('P1DT12H')).toBe(36);
    expect(periodHours('PT15282H33M36S')).toBeCloseTo(15282.56, 2);
    for (const bad of [null, undefined, '', 'P', 'PT', '48H', 'P1W'])
      expect(periodHours(bad)).toBeUndefined();
  });

  it("reports a number Twilio has no SIM-swap data for (the sandbox's 7800: null values, error_code 60600) as not supported", async () => {
    await expect(adapter().check(phoneNumberEnding('7800'), 72)).rejects.toBeInstanceOf(
      NumberNotSupportedError,
    );
  });

  it('reports a Lookup that fails (503, code 20503: the sandbox’s 7500) as unavailable', async () => {
    await expect(adapter().check(phoneNumberEnding('7500'), 72)).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });

  it('refuses a wrong auth token as Twilio does (401, code 20003), without the token in the error', async () => {
    const refused = adapter('not-the-token').check(uniquePhoneNumber(), 72);
    await expect(refused).rejects.toBeInstanceOf(ProviderError);
    await expect(refused).rejects.toMatchObject({ reason: 'twilio_auth' });
    await expect(refused).rejects.not.toThrow(/not-the-token/);
  });
});
