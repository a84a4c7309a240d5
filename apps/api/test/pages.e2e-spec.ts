import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, startTestApp } from '@test-support/test-app';

const CLIENT_VERSION = JSON.parse(
  readFileSync(join(__dirname, '../../../libs/client/package.json'), 'utf8'),
).version;

describe('web pages', () => {
  let sandboxed: TestApp;
  let real: TestApp;
  beforeAll(async () => {
    sandboxed = await startTestApp();
    real = await startTestApp({ hideSandbox: true, sharedSandbox: sandboxed.sandbox });
  });
  afterAll(async () => {
    await real.close();
    await sandboxed.close();
  });

  it('serves /login and its assets', async () => {
    const page = await fetch(`${sandboxed.url}/login`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/assets/login.js');
    expect((await fetch(`${sandboxed.url}/assets/login.js`)).headers.get('content-type')).toMatch(
      /javascript/,
    );
    expect((await fetch(`${sandboxed.url}/assets/../../package.json`)).status).toBe(404);
  });

  it('names its icon, and answers a browser asking for /favicon.ico with no content, not a 404', async () => {
    const page = await (await fetch(`${sandboxed.url}/login`)).text();
    expect(page).toContain('<link rel="icon" href="/assets/favicon.svg"');
    const icon = await fetch(`${sandboxed.url}/assets/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg /);
    const ico = await fetch(`${sandboxed.url}/favicon.ico`);
    expect(ico.status).toBe(204);
    expect(ico.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('serves the virtual phone and its sandbox settings in sandbox mode', async () => {
    expect((await fetch(`${sandboxed.url}/phone`)).status).toBe(200);
    const config = (await (await fetch(`${sandboxed.url}/phone/config.json`)).json()) as any;
    expect(config.sandbox_url).toBe(sandboxed.sandbox.url);
    expect(config.test_numbers.map((t: { number: string }) => t.number)).toContain('+447700904000');
  });

  it('serves the SDK bundle both pages import, from its own origin as a script the page policy allows, in sandbox mode and in a configured deployment', async () => {
    for (const app of [sandboxed, real]) {
      for (const page of ['login.js', ...(app === sandboxed ? ['phone.js'] : [])]) {
        const script = await (await fetch(`${app.url}/assets/${page}`)).text();
        expect(script).toMatch(/^import \{[^}]+\} from '\/assets\/simauth-client\.js';$/m);
      }
      const bundle = await fetch(`${app.url}/assets/simauth-client.js`);
      expect({
        status: bundle.status,
        type: bundle.headers.get('content-type'),
        cache: bundle.headers.get('cache-control'),
        sniffing: bundle.headers.get('x-content-type-options'),
        // simauth's own pages import it; another site bundles the package itself.
        resource: bundle.headers.get('cross-origin-resource-policy'),
      }).toEqual({
        status: 200,
        type: 'text/javascript; charset=utf-8',
        cache: 'no-cache',
        sniffing: 'nosniff',
        resource: 'same-origin',
      });
      // The page's policy loads scripts from simauth's own origin only, none inline.
      const policy = (await fetch(`${app.url}/login`)).headers.get('content-security-policy')!;
      expect(policy.split(';').filter((d) => /^script-src /.test(d))).toEqual([
        "script-src 'self'",
      ]);
      const code = await bundle.text();
      expect(code).toMatch(/^export \{[^}]*\bSimauthPhone,[^}]*\bSimauthWeb,[^}]*\bversion\b/m);
      expect(code).toContain(`var version = ${JSON.stringify(CLIENT_VERSION)};`);
      expect(code).not.toMatch(/\brequire\(/);
    }
  });

  it('has no virtual phone when the providers are real', async () => {
    expect((await fetch(`${real.url}/phone`)).status).toBe(404);
    expect((await fetch(`${real.url}/phone/config.json`)).status).toBe(404);
    expect((await fetch(`${real.url}/login`)).status).toBe(200);
  });
});
