import { ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { RunningSandbox, startSandbox } from '@simauth/sandbox';
import { ApiProcess, startApiProcess } from '@test-support/api-process';
import { call } from '@test-support/http';
import { realPhoneNumber } from '@test-support/device';

const API_MAIN = join(__dirname, '../../dist/apps/api/src/main.js');

/** Runs the compiled api with `env` laid over the test's and waits for it to exit. */
async function refusedStart(
  env: Record<string, string>,
): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn(process.execPath, [API_MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, lines: output.split('\n').filter(Boolean) };
}

describe('production mode (the compiled api, as `npm start` runs it)', () => {
  it('refuses to start half-configured, in one line naming everything that is wrong', async () => {
    const { code, lines } = await refusedStart({
      NODE_ENV: 'production',
      TRUID_CLIENT_ID: 'tru-client',
      TRUID_CLIENT_SECRET: 'tru-secret',
      PUBLIC_URL: 'http://auth.bank.example',
      DATABASE_URL: '',
      TOTP_ENCRYPTION_KEY: '',
      SANDBOX_FORCE: 'true',
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    const { level, msg } = JSON.parse(lines[0]) as { level: number; msg: string };
    expect(level).toBe(60);
    expect(msg).toMatch(/^refusing to start in production mode \(NODE_ENV=production/);
    for (const problem of [
      'SANDBOX_FORCE=true starts the provider sandbox',
      'TOTP_ENCRYPTION_KEY is not set',
      'PUBLIC_URL is not https',
      'DATABASE_URL is not set',
    ]) {
      expect(msg).toContain(problem);
    }
    // The secret itself is never said.
    expect(lines[0]).not.toContain('tru-secret');
  });

  it('is production as soon as a credential is set: a demo client in OIDC_CLIENTS is refused', async () => {
    const { code, lines } = await refusedStart({
      NODE_ENV: '',
      VONAGE_APPLICATION_ID: 'app',
      VONAGE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----',
      PUBLIC_URL: 'https://auth.bank.example',
      TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      OIDC_CLIENTS: JSON.stringify([
        { client_id: 'simauth-demo', redirect_uris: ['http://localhost:8080/callback'] },
      ]),
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).msg).toBe(
      'refusing to start in production mode (NODE_ENV=production, or provider credentials without NODE_ENV=development): OIDC_CLIENTS lists the sandbox demo client "simauth-demo" (its id or secret is published in the docs)',
    );
  });
});

describe('a development deployment with tru.ID credentials and nothing else', () => {
  // The sandbox stands in for the real tru.ID here; the api is given only its tru.ID account.
  let truId: RunningSandbox;
  let api: ApiProcess | undefined;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    truId = await startSandbox({ vonageRedirectUri: 'http://127.0.0.1:9/unused' });
    api = await startApiProcess({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      TRUID_CLIENT_ID: truId.credentials.truId.clientId,
      TRUID_CLIENT_SECRET: truId.credentials.truId.clientSecret,
      TRUID_BASE_URL: truId.url,
      RATE_LIMIT_PHONE: '1/600',
    });
    children.push(api.child);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await truId?.close();
  });

  it('serves no sandbox anywhere: no virtual phone, and Vonage features answer 501', async () => {
    expect((await fetch(`${api!.url}/phone`)).status).toBe(404);
    const verification = await call('POST', `${api!.url}/v1/number-verifications`, {
      phone_number: realPhoneNumber(),
    });
    expect([verification.status, verification.body.type]).toEqual([
      501,
      'urn:simauth:problem:feature-not-configured',
    ]);
    expect(truId.store.callsTo('vonage.network_enablement')).toBe(0);
  });

  it('says at start which features are off and where each provider is', () => {
    const output = api!.output();
    expect(output).toContain(
      'features off: number verification, SMS fallback (answer 501 feature-not-configured; set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY (Vonage))',
    );
    expect(output).toContain('push notifications off: set FIREBASE_SERVICE_ACCOUNT_JSON');
    expect(output).toContain(
      `providers: tru.ID at ${truId.url}; Vonage not configured; Twilio not configured; push off`,
    );
    // Development with a real credential: what production would refuse is a warning.
    expect(output).toContain('TOTP_ENCRYPTION_KEY is not set');
  });

  it("gives the sandbox's test numbers no exemption: they are refused, and real numbers are limited per phone", async () => {
    const testNumber = await call('POST', `${api!.url}/v1/logins`, {
      phone_number: `+447700900${randomInt(100, 1000)}`,
    });
    expect([testNumber.status, testNumber.body.errors?.[0]?.field]).toEqual([400, 'phone_number']);
    const phone = realPhoneNumber();
    const first = await call('POST', `${api!.url}/v1/logins`, { phone_number: phone });
    const second = await call('POST', `${api!.url}/v1/logins`, { phone_number: phone });
    expect([first.status, second.status]).toEqual([201, 429]);
  });

  it('registers no demo client', async () => {
    const auth = new URL(`${api!.url}/oidc/auth`);
    for (const [name, value] of Object.entries({
      client_id: 'simauth-demo',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'http://localhost:8080/callback',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    })) {
      auth.searchParams.set(name, value);
    }
    const res = await fetch(auth, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_client');
  });
});
