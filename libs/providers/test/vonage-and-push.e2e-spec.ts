import { generateKeyPairSync } from 'node:crypto';
import {
  DeadPushTokenError,
  NumberNotSupportedError,
  ProviderError,
  ProviderUnavailableError,
  SandboxPushAdapter,
  VonageClient,
  VonageNetworkEnablementAdapter,
  VonageNumberVerificationAdapter,
  VonageSimSwapAdapter,
  VonageVerifyAdapter,
  VerificationEndedError,
} from '@simauth/providers';
import { RunningSandbox, startSandbox } from '@simauth/sandbox';
import { phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';

const REDIRECT_URI = 'http://127.0.0.1:9/v1/number-verifications/callback';

describe('Vonage and FCM adapters against the sandbox over HTTP', () => {
  let sandbox: RunningSandbox;

  const vonage = (privateKey = sandbox.credentials.vonage.privateKeyPem) =>
    new VonageClient({
      baseUrl: sandbox.url,
      applicationId: sandbox.options.vonage.applicationId,
      privateKey,
      redirectUri: REDIRECT_URI,
      timeoutMs: 2000,
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ vonageRedirectUri: REDIRECT_URI });
  });
  afterAll(() => sandbox.close());

  /** The device opens auth_url; the sandbox's auth server redirects to our callback with code + state. */
  async function authorizeOnDevice(authUrl: string, sim?: string) {
    const res = await fetch(authUrl, {
      headers: sim ? { 'X-Sandbox-Sim': sim } : {},
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const callback = new URL(res.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    return { code: callback.searchParams.get('code')!, state: callback.searchParams.get('state') };
  }

  async function verifyOnDevice(phoneNumber: string, sim?: string) {
    const enablement = new VonageNetworkEnablementAdapter(vonage());
    const nv = new VonageNumberVerificationAdapter(vonage());
    const { authUrl } = await enablement.enable(phoneNumber, 'state-123');
    const { code, state } = await authorizeOnDevice(authUrl, sim);
    expect(state).toBe('state-123');
    const { accessToken } = await nv.exchangeCode(code);
    return nv.verify(accessToken, phoneNumber);
  }

  describe('Verify v2 (SMS)', () => {
    const verify = () =>
      new VonageVerifyAdapter(vonage(), { baseUrl: sandbox.url, timeoutMs: 2000 });
    const lastCode = async (phone: string) => {
      const res = await fetch(`${sandbox.url}/sandbox/sms/${encodeURIComponent(phone)}/messages`);
      return ((await res.json()) as { messages: { code: string }[] }).messages.at(-1)!.code;
    };

    it('sends a code by SMS and accepts it once; a wrong one is false', async () => {
      const phone = uniquePhoneNumber();
      const { requestId } = await verify().start(phone, 'simauth');
      const code = await lastCode(phone);
      expect(code).toMatch(/^\d{6}$/);
      expect(await verify().check(requestId, code === '000000' ? '000001' : '000000')).toBe(false);
      expect(await verify().check(requestId, code)).toBe(true);
      await expect(verify().check(requestId, code)).rejects.toBeInstanceOf(VerificationEndedError);
    });

    it('ends the request after three wrong codes', async () => {
      const phone = uniquePhoneNumber();
      const { requestId } = await verify().start(phone, 'simauth');
      const wrong = (await lastCode(phone)) === '000000' ? '000001' : '000000';
      expect(await verify().check(requestId, wrong)).toBe(false);
      expect(await verify().check(requestId, wrong)).toBe(false);
      await expect(verify().check(requestId, wrong)).rejects.toBeInstanceOf(VerificationEndedError);
    });
  });

  describe('CAMARA SIM Swap (backend authorization, then check)', () => {
    it('reports the sandbox swap of …7000 (two hours ago) within maxAge, and not beyond it', async () => {
      const adapter = new VonageSimSwapAdapter(vonage());
      const swapped = phoneNumberEnding('7000');
      expect(await adapter.check(swapped, 72)).toEqual({
        swapped: true,
        provider: 'Vonage',
        answer: { swapped: true },
      });
      expect((await adapter.check(swapped, 1)).swapped).toBe(false);
      expect((await adapter.check(uniquePhoneNumber(), 72)).swapped).toBe(false);
      // One backend authorization and one token per check, each with the application JWT.
      expect(sandbox.store.callsTo('vonage.bc_authorize')).toBeGreaterThanOrEqual(3);
    });

    it('reports a failing check as unavailable, and a wrong application key as a provider error', async () => {
      await expect(
        new VonageSimSwapAdapter(vonage()).check(phoneNumberEnding('7500'), 72),
      ).rejects.toBeInstanceOf(ProviderUnavailableError);
      // Vonage alone down (tru.ID would answer): the sandbox's 7600.
      await expect(
        new VonageSimSwapAdapter(vonage()).check(phoneNumberEnding('7600'), 72),
      ).rejects.toBeInstanceOf(ProviderUnavailableError);
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forged = vonage(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      await expect(
        new VonageSimSwapAdapter(forged).check(uniquePhoneNumber(), 72),
      ).rejects.toMatchObject({ reason: 'invalid_jwt' });
    });

    it("reports a number of no network Vonage reaches (the sandbox's 7400: 404 at the backend authorization) as not supported", async () => {
      await expect(
        new VonageSimSwapAdapter(vonage()).check(phoneNumberEnding('7400'), 72),
      ).rejects.toBeInstanceOf(NumberNotSupportedError);
    });
  });

  describe('Network Enablement and Number Verification', () => {
    it('accepts the application JWT and returns an auth_url carrying the number and state', async () => {
      const { authUrl } = await new VonageNetworkEnablementAdapter(vonage()).enable(
        '+99012345670',
        'abc',
      );
      const url = new URL(authUrl);
      expect(url.searchParams.get('login_hint')).toBe('tel:+99012345670');
      expect(url.searchParams.get('state')).toBe('abc');
      expect(url.searchParams.get('scope')).toContain('number-verification-verify-read');
    });

    it('reports a number whose network does not offer the scope as not supported', async () => {
      await expect(
        new VonageNetworkEnablementAdapter(vonage()).enable('+447700904000', 'abc'),
      ).rejects.toBeInstanceOf(NumberNotSupportedError);
    });

    it('surfaces a JWT signed with the wrong key as a clear provider error', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forged = vonage(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      const failure = new VonageNetworkEnablementAdapter(forged).enable('+99012345670', 'abc');
      await expect(failure).rejects.toBeInstanceOf(ProviderError);
      await expect(failure).rejects.toMatchObject({ reason: 'invalid_jwt' });
    });

    it.each([
      ['+99012345670', true],
      ['+99012345672', true],
      ['+99012345671', false],
      ['+99012345673', false],
    ])('applies the Virtual Operator rule to %s (verified: %s)', async (number, verified) => {
      expect(await verifyOnDevice(number)).toBe(verified);
    });

    it('reports the Virtual Operator error rule (…99) as a provider outage', async () => {
      await expect(verifyOnDevice('+99012345699')).rejects.toBeInstanceOf(ProviderUnavailableError);
    });

    it('verifies a real number only on a device holding its SIM', async () => {
      const number = uniquePhoneNumber();
      expect(await verifyOnDevice(number, number)).toBe(true);
      expect(await verifyOnDevice(number, uniquePhoneNumber())).toBe(false);
    });

    it('says the network could not authenticate a device off mobile data', async () => {
      await expect(verifyOnDevice(uniquePhoneNumber())).rejects.toMatchObject({
        reason: 'not_authenticated_by_network',
      });
    });

    it('refuses a forged or replayed authorization code', async () => {
      const nv = new VonageNumberVerificationAdapter(vonage());
      await expect(nv.exchangeCode('forged')).rejects.toMatchObject({ reason: 'invalid_grant' });
      const { authUrl } = await new VonageNetworkEnablementAdapter(vonage()).enable(
        '+99012345670',
        's',
      );
      const { code } = await authorizeOnDevice(authUrl);
      await nv.exchangeCode(code);
      await expect(nv.exchangeCode(code)).rejects.toMatchObject({ reason: 'invalid_grant' });
    });
  });

  describe('push through the FCM imitation', () => {
    const push = (accessToken = sandbox.options.fcm.accessToken) =>
      new SandboxPushAdapter({
        baseUrl: sandbox.url,
        projectId: sandbox.options.fcm.projectId,
        accessToken,
        timeoutMs: 2000,
      });

    it('delivers to the device token inbox, readable by a long poll', async () => {
      const token = `device-${Date.now()}`;
      const inbox = fetch(
        `${sandbox.url}/sandbox/fcm/inboxes/${token}/messages?after=0&wait_ms=5000`,
      );
      const sent = await push().send(token, {
        data: { login_id: 'L1', match_numbers: '12,34,56' },
        title: 'Sign in?',
        body: 'Approve on this phone',
      });
      const { messages } = (await (await inbox).json()) as {
        messages: { name: string; message: Record<string, unknown> }[];
      };
      expect(messages).toHaveLength(1);
      expect(messages[0].name).toBe(sent.messageId);
      expect(messages[0].message).toMatchObject({
        token,
        data: { login_id: 'L1', match_numbers: '12,34,56' },
      });
    });

    it('answers UNREGISTERED for the dead token', async () => {
      await expect(
        push().send('sandbox-dead', { data: {}, title: 't', body: 'b' }),
      ).rejects.toBeInstanceOf(DeadPushTokenError);
    });

    it('answers INVALID_ARGUMENT for a malformed token, which is dead too', async () => {
      await expect(
        push().send('sandbox-invalid', { data: {}, title: 't', body: 'b' }),
      ).rejects.toBeInstanceOf(DeadPushTokenError);
    });

    it('refuses a sender without the project credential', async () => {
      await expect(
        push('not-the-token').send('device-x', { data: {}, title: 't', body: 'b' }),
      ).rejects.toBeInstanceOf(ProviderError);
    });
  });
});
