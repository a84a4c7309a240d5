import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { Browser, Page } from 'playwright-core';
import { ApiProcess, startApiProcess } from '@test-support/api-process';
import { launchChromium } from '@test-support/chromium';
import { phoneNumberEnding, uniquePhoneNumber } from '@test-support/device';
import { totpCode } from '@test-support/totp';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const APP = join(ROOT, 'examples/mobile');
const EXPO = join(APP, 'node_modules/expo/bin/cli');
const SHOTS = join(ROOT, 'test-results/screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The web export as a static host serves it: its files, and index.html for any other path. */
async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || path.endsWith('/'))
      file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Whether this machine lets us run a command with no network at all (a new network namespace). */
function canCutNetwork(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The reference mobile app, examples/mobile (Expo, React Native), as CI can run it: type-checked,
 * exported for the web with no network, and driven in Chromium against a running api whose
 * sandbox plays the mobile network (X-Sandbox-Sim) and FCM (the push inbox).
 */
describe('the reference mobile app (examples/mobile) on the web, against the sandbox', () => {
  let api: ApiProcess;
  let site: { url: string; server: Server };
  let out: string;
  /** Expo's temporary folder (Metro's caches), removed at the end as `out` is. */
  let expoTmp: string;
  let browser: Browser;
  let sandboxUrl: string;

  beforeAll(async () => {
    if (!existsSync(EXPO))
      throw new Error('examples/mobile is not installed: run `npm run mobile:install` first');
    mkdirSync(SHOTS, { recursive: true });
    out = mkdtempSync(join(tmpdir(), 'simauth-mobile-web-'));
    expoTmp = mkdtempSync(join(tmpdir(), 'simauth-mobile-expo-'));
    site = await serveStatic(out);
    // The app is another origin than simauth: the api lets it call (CORS). The SMS fallback on:
    // numbers PhoneCheck cannot check (sandbox: ending 4000) register by an SMS code.
    // A SIM swap (sandbox: numbers ending 7000) asks for an authenticator code (the step-up).
    api = await startApiProcess({
      CORS_ORIGINS: site.url,
      REGISTRATION_FALLBACK: 'sms',
      SIM_SWAP_POLICY: 'step_up',
    });
    sandboxUrl = (await (await fetch(`${api.url}/phone/config.json`)).json()).sandbox_url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    for (const dir of [out, expoTmp]) if (dir) rmSync(dir, { recursive: true, force: true });
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await new Promise((resolve) => api.child.once('exit', resolve));
    }
  });

  /** A fresh browser tab with the app: a phone with nothing stored. */
  async function openApp(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(site.url);
    await page.waitForSelector('[data-testid="phone-number"]');
    return page;
  }

  async function register(app: Page, sim: string): Promise<void> {
    await app.fill('[data-testid="phone-number"]', sim);
    await app.click('[data-testid="register"]');
  }

  /** Starts a sign-in for `sim` on simauth's /login page; returns the page and the number it shows. */
  async function startLoginOnPage(sim: string): Promise<{ login: Page; match: number }> {
    const login = await (await browser.newContext()).newPage();
    await login.goto(`${api.url}/login`);
    await login.fill('#phone', sim);
    await login.click('#submit');
    await login.waitForSelector('#waiting:not(.hidden)');
    return { login, match: Number((await login.textContent('#match'))!.trim()) };
  }

  /** Enrols and activates an authenticator app in the app's settings; returns its otpauth URL. */
  async function addAuthenticator(app: Page): Promise<string> {
    await app.click('[data-testid="settings"]');
    await app.waitForSelector('[data-testid="no-factors"]');
    await app.click('[data-testid="enrol-totp"]');
    const otpauthUrl = (await app.textContent('[data-testid="otpauth-url"]'))!;
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    await app.fill('[data-testid="activation-code"]', await totpCode(otpauthUrl));
    await app.click('[data-testid="activate"]');
    await app.locator('[data-testid^="factor-"]').getByText('(active)').waitFor();
    return otpauthUrl;
  }

  it('type-checks (tsc in examples/mobile, both platforms’ files)', async () => {
    await run(process.execPath, [join(APP, 'node_modules/typescript/bin/tsc'), '-p', APP]);
  }, 120_000);

  it('exports for the web with Expo offline, telemetry off and (where the machine allows) no network at all', async () => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      EXPO_OFFLINE: '1',
      EXPO_NO_TELEMETRY: '1',
      CI: '1',
      NODE_OPTIONS: undefined,
      EXPO_PUBLIC_SIMAUTH_URL: api.url,
      TMPDIR: expoTmp,
    };
    const expo = [EXPO, 'export', '--platform', 'web', '--clear', '--output-dir', out];
    const [command, args] = canCutNetwork()
      ? ['unshare', ['-n', process.execPath, ...expo]]
      : [process.execPath, expo];
    await run(command, args, { cwd: APP, env });
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const bundles = readdirSync(join(out, '_expo/static/js/web'));
    const bundle = readFileSync(join(out, '_expo/static/js/web', bundles[0]), 'utf8');
    // The server's URL is inlined from EXPO_PUBLIC_SIMAUTH_URL; the web files, not the native.
    expect(bundle).toContain(api.url);
    expect(bundle).toContain('sandbox-web-');
    expect(bundle).not.toContain('openWithDataCellular');
  }, 300_000);

  it('registers, then approves a sign-in started on /login with the number /login shows, and /login says signed in', async () => {
    const sim = uniquePhoneNumber();
    const app = await openApp();
    await register(app, sim);
    await app.waitForSelector('[data-testid="listening"]');
    expect(await app.textContent('[data-testid="registered"]')).toContain(sim);

    const { login, match } = await startLoginOnPage(sim);

    // The push (the sandbox's FCM inbox) brings the request: three numbers, one of them /login's.
    await app.waitForSelector('[data-testid="match-numbers"]');
    const shown = await app.$$eval('[data-testid^="match-"][role="button"]', (buttons) =>
      buttons.map((b) => Number(b.textContent)),
    );
    expect(shown).toHaveLength(3);
    expect(shown).toContain(match);
    await app.screenshot({ path: join(SHOTS, 'mobile-app-request.png') });
    await app.click(`[data-testid="match-${match}"]`);

    await app.waitForSelector('[data-testid="outcome"]');
    expect(await app.textContent('[data-testid="outcome"]')).toMatch(/^Approved/);
    await login.waitForSelector('#final:not(.hidden)');
    expect(await login.textContent('#outcome')).toBe('Signed in');
    expect(await login.textContent('#claims')).toContain(sim);
  });

  it('approves after a SIM swap with the authenticator code it asks for (the step-up screen)', async () => {
    const sim = phoneNumberEnding('7000');
    const app = await openApp();
    await register(app, sim);
    await app.waitForSelector('[data-testid="listening"]');
    const otpauthUrl = await addAuthenticator(app);
    await app.click('[data-testid="back"]');

    const { login, match } = await startLoginOnPage(sim);
    await app.click(`[data-testid="match-${match}"]`);
    await app.waitForSelector('[data-testid="code"]');
    expect(await app.textContent('[role="heading"]')).toBe('Enter your authenticator code');
    // The next period's code: the activation's code may not be used twice.
    await app.fill('[data-testid="code"]', await totpCode(otpauthUrl, 1));
    await app.click('[data-testid="submit-code"]');
    await app.waitForSelector('[data-testid="outcome"]');
    expect(await app.textContent('[data-testid="outcome"]')).toMatch(/^Approved/);
    await login.waitForSelector('#final:not(.hidden)');
    expect(await login.textContent('#outcome')).toBe('Signed in');
  });

  it('denies a sign-in from the request screen, and /login says denied', async () => {
    const sim = uniquePhoneNumber();
    const app = await openApp();
    await register(app, sim);
    await app.waitForSelector('[data-testid="listening"]');
    const { login } = await startLoginOnPage(sim);
    await app.click('[data-testid="deny"]');
    await app.waitForSelector('[data-testid="outcome"]');
    expect(await app.textContent('[data-testid="outcome"]')).toMatch(/^Denied/);
    await login.waitForSelector('#final:not(.hidden)');
    expect(await login.textContent('#outcome')).toBe('Sign-in denied');
  });

  it('refuses to register with another SIM than the number (the sandbox SIM the user picks)', async () => {
    const app = await openApp();
    await app.fill('[data-testid="sandbox-sim"]', uniquePhoneNumber());
    await register(app, uniquePhoneNumber());
    await app.waitForSelector('[data-testid="error"]');
    expect(await app.textContent('[data-testid="error"]')).toMatch(/could not prove the number/);
    expect(await app.$('[data-testid="registered"]')).toBeNull();
  });

  it('registers by the SMS code where PhoneCheck cannot run (the SMS fallback screen)', async () => {
    const sim = phoneNumberEnding('4000');
    const app = await openApp();
    await register(app, sim);
    await app.waitForSelector('[data-testid="code"]');
    const { messages } = await (
      await fetch(`${sandboxUrl}/sandbox/sms/${encodeURIComponent(sim)}/messages`)
    ).json();
    const code = /(\d{6})/.exec(messages[messages.length - 1].text)![1];
    await app.fill('[data-testid="code"]', code);
    await app.click('[data-testid="submit-code"]');
    await app.waitForSelector('[data-testid="listening"]');
    expect(await app.textContent('[data-testid="registered"]')).toContain(sim);
  });

  it('adds, lists and removes an authenticator in settings, then forgets the phone, whose credential the server then refuses', async () => {
    const app = await openApp();
    await register(app, uniquePhoneNumber());
    await app.waitForSelector('[data-testid="listening"]');
    await addAuthenticator(app);
    await app.click('[data-testid^="remove-"]');
    await app.waitForSelector('[data-testid="no-factors"]');

    const credential = await app.evaluate(() => sessionStorage.getItem('simauth.device_token'));
    expect(credential).toBeTruthy();
    await app.click('[data-testid="forget"]');
    await app.waitForSelector('[data-testid="phone-number"]');
    expect(await app.evaluate(() => sessionStorage.getItem('simauth.device_token'))).toBeNull();
    const refused = await fetch(`${api.url}/v1/devices/me/logins`, {
      headers: { authorization: `Bearer ${credential}` },
    });
    expect(refused.status).toBe(401);
  });
});
