import {
  CheckNotFoundError,
  NumberNotSupportedError,
  ProviderError,
  ProviderUnavailableError,
  TruIdClient,
  TruIdCoverageAdapter,
  TruIdPhoneCheckAdapter,
  TruIdSimCheckAdapter,
} from '@simauth/providers';
import { Clock } from '@simauth/credentials';
import { RunningSandbox, startSandbox } from '@simauth/sandbox';
import { openOnDevice, phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';

class FakeClock extends Clock {
  offset = 0;
  now() {
    return Date.now() + this.offset;
  }
}

describe('tru.ID adapters against the sandbox over HTTP', () => {
  let sandbox: RunningSandbox;
  let phoneCheck: TruIdPhoneCheckAdapter;

  const client = (
    overrides: Partial<{ clientSecret: string; timeoutMs: number }> = {},
    clock?: Clock,
  ) =>
    new TruIdClient(
      {
        baseUrl: sandbox.url,
        clientId: sandbox.options.truId.clientId,
        clientSecret: sandbox.options.truId.clientSecret,
        timeoutMs: 2000,
        ...overrides,
      },
      clock,
    );

  beforeAll(async () => {
    sandbox = await startSandbox({ vonageRedirectUri: 'http://127.0.0.1:1/cb', slowDelayMs: 3000 });
    phoneCheck = new TruIdPhoneCheckAdapter(client());
  });
  afterAll(() => sandbox.close());

  describe('access tokens', () => {
    it('makes one token request for 10 concurrent calls', async () => {
      const adapter = new TruIdPhoneCheckAdapter(client());
      const before = sandbox.store.callsTo('truid.token');
      await Promise.all(Array.from({ length: 10 }, () => adapter.createCheck(uniquePhoneNumber())));
      expect(sandbox.store.callsTo('truid.token') - before).toBe(1);
    });

    it('asks for a new token once the cached one is due, not before', async () => {
      const clock = new FakeClock();
      const adapter = new TruIdPhoneCheckAdapter(client({}, clock));
      const before = sandbox.store.callsTo('truid.token');
      await adapter.createCheck(uniquePhoneNumber());
      clock.offset = 50 * 60 * 1000; // 50 of 60 minutes
      await adapter.createCheck(uniquePhoneNumber());
      expect(sandbox.store.callsTo('truid.token') - before).toBe(1);
      clock.offset = 55 * 60 * 1000; // past 90% of the hour
      await adapter.createCheck(uniquePhoneNumber());
      expect(sandbox.store.callsTo('truid.token') - before).toBe(2);
    });

    it('drops a token tru.ID no longer accepts and retries once with a fresh one', async () => {
      const adapter = new TruIdPhoneCheckAdapter(client());
      await adapter.createCheck(uniquePhoneNumber());
      const before = sandbox.store.callsTo('truid.token');
      sandbox.store.revokeTruIdTokens();
      const check = await adapter.createCheck(uniquePhoneNumber());
      expect(check.checkId).toMatch(/^[0-9a-f]{32}$/);
      expect(sandbox.store.callsTo('truid.token') - before).toBe(1);
    });

    it('reports wrong client credentials as a provider error naming the setting, not the secret', async () => {
      const adapter = new TruIdPhoneCheckAdapter(client({ clientSecret: 'wrong-secret' }));
      const failure = adapter.createCheck(uniquePhoneNumber());
      await expect(failure).rejects.toBeInstanceOf(ProviderError);
      await expect(failure).rejects.toThrow(/TRUID_CLIENT_ID\/SECRET/);
      await expect(failure).rejects.not.toThrow(/wrong-secret/);
    });
  });

  describe('PhoneCheck outcomes', () => {
    it('matches when the device holds the checked SIM', async () => {
      const number = uniquePhoneNumber();
      const check = await phoneCheck.createCheck(number, 'ref-1');
      expect(check.checkUrl).toBe(
        `${sandbox.url}/phone_check/v0.2/checks/${check.checkId}/redirect`,
      );
      expect(check.ttlSeconds).toBe(120);
      const device = await openOnDevice(check.checkUrl, number);
      expect(device.body.check_id).toBe(check.checkId);

      const result = await phoneCheck.exchangeCode(check.checkId, device.body.code);

      expect(result).toEqual({ checkId: check.checkId, status: 'COMPLETED', match: true });
    });

    it('does not match when the device holds another SIM', async () => {
      const check = await phoneCheck.createCheck(uniquePhoneNumber());
      const device = await openOnDevice(check.checkUrl, uniquePhoneNumber());
      expect(await phoneCheck.exchangeCode(check.checkId, device.body.code)).toMatchObject({
        status: 'COMPLETED',
        match: false,
      });
    });

    it('does not match a wrong code', async () => {
      const number = uniquePhoneNumber();
      const check = await phoneCheck.createCheck(number);
      const device = await openOnDevice(check.checkUrl, number);
      const wrong = device.body.code === '000000' ? '111111' : '000000';
      expect(await phoneCheck.exchangeCode(check.checkId, wrong)).toMatchObject({ match: false });
    });

    it('fails a device on Wi-Fi with not_mobile_ip', async () => {
      const check = await phoneCheck.createCheck(uniquePhoneNumber());
      const device = await openOnDevice(check.checkUrl);
      expect(device).toEqual({
        status: 412,
        body: expect.objectContaining({ error: 'not_mobile_ip' }),
        text: expect.stringContaining('not_mobile_ip'),
      });
      expect(await phoneCheck.exchangeCode(check.checkId, '123456')).toMatchObject({
        status: 'ERROR',
        match: false,
        errorCode: 'not_mobile_ip',
      });
    });

    it('refuses a number whose network is not supported (…4000)', async () => {
      await expect(phoneCheck.createCheck('+447700904000')).rejects.toBeInstanceOf(
        NumberNotSupportedError,
      );
    });

    it('reports a provider 5xx as unavailable (…5000)', async () => {
      await expect(phoneCheck.createCheck('+447700905000')).rejects.toBeInstanceOf(
        ProviderUnavailableError,
      );
    });

    it('gives up on a slow provider after its timeout (…4080)', async () => {
      const impatient = new TruIdPhoneCheckAdapter(client({ timeoutMs: 300 }));
      await impatient.createCheck(uniquePhoneNumber()); // token fetched in time
      const failure = impatient.createCheck('+447700904080');
      await expect(failure).rejects.toBeInstanceOf(ProviderUnavailableError);
      await expect(failure).rejects.toThrow(/in time/);
    });

    it('reports a code exchange outage as unavailable with a retry hint (…5030)', async () => {
      const check = await phoneCheck.createCheck('+447700905030');
      const device = await openOnDevice(check.checkUrl, '+447700905030');
      const failure = phoneCheck.exchangeCode(check.checkId, device.body.code);
      await expect(failure).rejects.toBeInstanceOf(ProviderUnavailableError);
      await expect(failure).rejects.toMatchObject({ retryAfterSeconds: 5 });
    });

    it('reports a check that outlived its TTL as EXPIRED', async () => {
      const number = uniquePhoneNumber();
      const check = await phoneCheck.createCheck(number);
      const device = await openOnDevice(check.checkUrl, number);
      sandbox.store.clock.advance(121_000);
      try {
        expect(await phoneCheck.exchangeCode(check.checkId, device.body.code)).toMatchObject({
          status: 'EXPIRED',
          match: false,
        });
      } finally {
        sandbox.store.clock.advance(-121_000);
      }
    });

    it('expires a check at once for the reserved number …4100', async () => {
      const check = await phoneCheck.createCheck('+447700904100');
      const device = await openOnDevice(check.checkUrl, '+447700904100');
      expect(device.body.error).toBe('expired');
    });

    it('says not found for an unknown check, and for one not opened on a device yet', async () => {
      await expect(phoneCheck.exchangeCode('0'.repeat(32), '123456')).rejects.toBeInstanceOf(
        CheckNotFoundError,
      );
      const unopened = await phoneCheck.createCheck(uniquePhoneNumber());
      await expect(phoneCheck.exchangeCode(unopened.checkId, '123456')).rejects.toBeInstanceOf(
        CheckNotFoundError,
      );
    });

    it('lets a check_url be opened once', async () => {
      const number = uniquePhoneNumber();
      const check = await phoneCheck.createCheck(number);
      await openOnDevice(check.checkUrl, number);
      expect((await openOnDevice(check.checkUrl, number)).body.error).toBe('already_used');
    });
  });

  describe('SIMCheck', () => {
    const simCheck = () => new TruIdSimCheckAdapter(client());

    it('reports a SIM changed within the period (the sandbox swapped …7000 two hours ago)', async () => {
      const result = await simCheck().check(phoneNumberEnding('7000'), 72);
      expect(result).toMatchObject({
        swapped: true,
        provider: 'tru.ID',
        answer: { no_sim_change: false, no_sim_change_period: 72 * 60, sim_change_within: 120 },
      });
      expect(result.answer.check_id).toEqual(expect.any(String));
    });

    it('reports no change for other numbers, and for a swap older than the period', async () => {
      expect((await simCheck().check(uniquePhoneNumber(), 72)).swapped).toBe(false);
      expect((await simCheck().check(phoneNumberEnding('7000'), 1)).swapped).toBe(false);
    });

    it('reports a failing SIMCheck as unavailable', async () => {
      await expect(simCheck().check(phoneNumberEnding('7500'), 72)).rejects.toBeInstanceOf(
        ProviderUnavailableError,
      );
      // tru.ID alone down (Vonage would answer): the sandbox's 7100 and 7200.
      await expect(simCheck().check(phoneNumberEnding('7200'), 72)).rejects.toBeInstanceOf(
        ProviderUnavailableError,
      );
    });

    it("reports a number whose network SIMCheck does not cover (the sandbox's 7300) as not supported", async () => {
      await expect(simCheck().check(phoneNumberEnding('7300'), 72)).rejects.toBeInstanceOf(
        NumberNotSupportedError,
      );
    });
  });

  describe('coverage', () => {
    const coverage = () => new TruIdCoverageAdapter(client());

    it('supports a mobile IP', async () => {
      expect(await coverage().deviceCoverage('203.0.113.7')).toEqual({
        phoneCheckSupported: true,
        networkName: 'Sandbox Mobile',
      });
    });

    it('knows PhoneCheck by its product_id, not its display name', async () => {
      expect(await coverage().deviceCoverage('203.0.113.251')).toMatchObject({
        phoneCheckSupported: true,
      });
      expect(await coverage().deviceCoverage('203.0.113.250')).toMatchObject({
        phoneCheckSupported: false,
      });
    });

    it('does not support Wi-Fi (192.0.2.0/24) or an unsupported network (198.51.100.0/24)', async () => {
      expect(await coverage().deviceCoverage('192.0.2.10')).toEqual({ phoneCheckSupported: false });
      expect(await coverage().deviceCoverage('198.51.100.10')).toEqual({
        phoneCheckSupported: false,
      });
    });
  });
});
