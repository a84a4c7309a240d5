import { TestApp, startTestApp } from '@test-support/test-app';
import { call } from '@test-support/http';
import { nextPush, registerPhoneWithPush } from '@test-support/flows';
import { loadConfig } from '@simauth/config';
import {
  describeProviders,
  sharedSandboxCredentials,
  withSandboxProviders,
} from '../src/sandbox-mode';

describe('one sandbox shared by api processes (SANDBOX_URL)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    // B is configured only from what the sandbox serves over HTTP, as main.ts does with SANDBOX_URL.
    const credentials = await sharedSandboxCredentials(a.sandbox.url);
    b = await startTestApp({ sharedSandbox: a.sandbox, sandboxCredentials: credentials });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('serves its own accounts, the ones an api needs to use it', async () => {
    expect(await sharedSandboxCredentials(a.sandbox.url)).toEqual(a.sandbox.credentials);
    expect(b.config.providers.sandboxPush?.baseUrl).toBe(a.sandbox.url);
    expect(b.config.sandbox.url).toBe(a.sandbox.url);
  });

  it('calls the sandbox at SANDBOX_URL, and sends browsers and devices to its public URL', () => {
    const config = loadConfig({ SANDBOX_URL: 'http://sandbox:4010' });
    const shared = withSandboxProviders(
      config,
      { ...a.sandbox.credentials, url: 'http://localhost:4011' },
      'http://sandbox:4010',
    );
    expect(shared.providers.truId?.baseUrl).toBe('http://sandbox:4010');
    expect(shared.providers.vonage?.baseUrl).toBe('http://sandbox:4010');
    expect(shared.providers.sandboxPush?.baseUrl).toBe('http://sandbox:4010');
    expect(shared.sandbox.url).toBe('http://localhost:4011');
    expect(describeProviders(shared)).toContain(
      'the sandbox at http://sandbox:4010 serves tru.ID, Vonage, Twilio and push',
    );
  });

  it('lets a phone registered through one api be pushed a login started on the other', async () => {
    const phone = await registerPhoneWithPush(a);
    const started = await call('POST', `${b.url}/v1/logins`, { phone_number: phone.phoneNumber });
    expect(started.status).toBe(201);
    const push = await nextPush(a, phone.pushToken);
    expect(push.message.data.login_id).toBe(started.body.login_id);
  });
});
