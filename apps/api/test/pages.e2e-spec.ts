import { TestApp, startTestApp } from '@test-support/test-app';

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

  it('has no virtual phone when the providers are real', async () => {
    expect((await fetch(`${real.url}/phone`)).status).toBe(404);
    expect((await fetch(`${real.url}/phone/config.json`)).status).toBe(404);
    expect((await fetch(`${real.url}/login`)).status).toBe(200);
  });
});
