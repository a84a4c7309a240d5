import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { findFreePort } from '@simauth/database';
import { LogoServer, pngImage, startLogoServer } from '@test-support/logo-server';
import { CALLBACK, loginPageUrl } from '@test-support/oidc';
import { TestApp, startTestApp } from '@test-support/test-app';
import { LOGO_MAX_BYTES } from '../logo-fetch';

const BANK = pngImage(4, 2, [26, 95, 60]);
const SHOP = pngImage(3, 3, [200, 40, 40]);
const MOVED = pngImage(2, 2, [40, 40, 200]);
/** A PNG's magic number, then more than LOGO_MAX_BYTES. */
const HUGE = Buffer.concat([BANK, Buffer.alloc(LOGO_MAX_BYTES)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A relying party whose metadata names `logo` (a path on the logo server, or a URL). */
const client = (id: string, logo: string, name: string | undefined = `Shop ${id}`) => ({
  client_id: id,
  client_secret: `${id}-secret-that-is-long-enough-0123456789abcdef`,
  ...(name ? { client_name: name } : {}),
  logo_uri: logo,
  redirect_uris: [CALLBACK],
  grant_types: ['authorization_code'],
});

describe('logos fetched by simauth and served from its own origin', () => {
  let logos: LogoServer;
  let t: TestApp;
  let strict: TestApp;
  let down: string;
  const log = new PassThrough();
  let said = '';
  log.on('data', (d) => (said += d));
  const clients: Record<string, ReturnType<typeof client>> = {};

  beforeAll(async () => {
    logos = await startLogoServer({
      '/bank.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(BANK),
      '/shop.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(SHOP),
      '/moved.png': (_, res) => res.writeHead(302, { location: '/new/logo.png' }).end(),
      '/new/logo.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(MOVED),
      '/elsewhere.png': (_, res, url) =>
        res.writeHead(302, { location: `${url.replace('127.0.0.1', 'localhost')}/bank.png` }).end(),
      '/huge.png': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(HUGE),
      '/huge-chunked.png': (_, res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let at = 0; at < HUGE.length; at += 16_384) res.write(HUGE.subarray(at, at + 16_384));
        res.end();
      },
      '/logo.svg': (_, res) =>
        res
          .writeHead(200, { 'content-type': 'image/svg+xml' })
          .end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      '/not-a.png': (_, res) =>
        res.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><p>hello'),
      '/hangs.png': () => undefined,
    });
    down = `https://127.0.0.1:${await findFreePort()}/logo.png`;
    for (const [id, logo, name] of [
      ['shop', '/shop.png', 'Beispiel <Shop>'],
      ['nameless', '/shop.png?nameless', ''],
      ['moved', '/moved.png'],
      ['elsewhere', '/elsewhere.png'],
      ['huge', '/huge.png'],
      ['huge-chunked', '/huge-chunked.png'],
      ['svg', '/logo.svg'],
      ['not-a-png', '/not-a.png'],
      ['hangs', '/hangs.png'],
      ['down', down],
    ]) {
      clients[id] = client(id, logo.startsWith('/') ? `${logos.url}${logo}` : logo, name);
    }
    const trusting = {
      LOG_LEVEL: 'warn',
      LOGO_CA_FILE: logos.certFile,
      OIDC_CLIENTS: JSON.stringify(Object.values(clients)),
    };
    t = await startTestApp({
      env: {
        ...trusting,
        BRAND_NAME: 'Bank & Co',
        BRAND_LOGO_URL: `${logos.url}/bank.png`,
        LOGO_ALLOW_PRIVATE_URLS: 'true',
      },
      logs: log,
    });
    // Private addresses refused, as by default: the logo server is on loopback, and by a name
    // (refused once resolved).
    const byName = logos.url.replace('127.0.0.1', 'localhost');
    clients['by-name'] = client('by-name', `${byName}/shop.png?strict`);
    strict = await startTestApp({
      env: {
        ...trusting,
        BRAND_LOGO_URL: `${logos.url}/bank.png?strict`,
        OIDC_CLIENTS: JSON.stringify([clients['by-name']]),
      },
      sharedSandbox: t.sandbox,
      logs: log,
    });
  }, 60_000);
  afterAll(async () => {
    await strict?.close();
    await t?.close();
    await logos?.close();
  });

  const page = async (url: string) => {
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    return answer.text();
  };
  const logoOf = (html: string) =>
    /<header>\s*(<img[^>]*>|<div class="logo"[^>]*>.*?<\/div>)/.exec(html)?.[1];
  const pageOf = async (id: string) => page(await loginPageUrl(t, clients[id]));

  it("shows BRAND_LOGO_URL's image from simauth's origin, named by its SHA-256, with the brand as its text", async () => {
    const html = await page(`${t.url}/login`);
    expect(logoOf(html)).toBe(
      `<img class="logo" src="/assets/logos/${sha256(BANK)}.png" alt="Bank &amp; Co" />`,
    );
    expect(html).not.toContain(logos.url);
    const image = await fetch(`${t.url}/assets/logos/${sha256(BANK)}.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await image.arrayBuffer())).toEqual(BANK);
  });

  it('serves a logo any replica fetched, from Postgres, and nothing under another name', async () => {
    // The strict app never fetched the bank's logo: it reads the one the other app kept.
    expect((await fetch(`${strict.url}/assets/logos/${sha256(BANK)}.png`)).status).toBe(200);
    for (const name of [`${sha256(BANK)}.gif`, `${sha256(SHOP)}x.png`, `${'0'.repeat(64)}.png`]) {
      const answer = await fetch(`${t.url}/assets/logos/${name}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('serves no logo on a replica with no logo configured, not even one another replica kept (an anonymous request never reaches Postgres there)', async () => {
    const plain = await startTestApp({ sharedSandbox: t.sandbox, logs: log });
    try {
      const answer = await fetch(`${plain.url}/assets/logos/${sha256(BANK)}.png`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await plain.close();
    }
  });

  it("shows the client's logo_uri instead of the brand's on that client's page, named by the client", async () => {
    expect(logoOf(await pageOf('shop'))).toBe(
      `<img class="logo" src="/assets/logos/${sha256(SHOP)}.png" alt="Beispiel &lt;Shop&gt;" />`,
    );
    expect(logoOf(await pageOf('nameless'))).toBe(
      `<img class="logo" src="/assets/logos/${sha256(SHOP)}.png" alt="nameless" />`,
    );
  });

  it('follows a redirect within the logo’s own origin', async () => {
    expect(logoOf(await pageOf('moved'))).toContain(`/assets/logos/${sha256(MOVED)}.png`);
  });

  it.each([
    ['elsewhere', 'elsewhere.png not used: it redirects to another host'],
    ['huge', 'huge.png not used: it is larger than 256 KB'],
    ['huge-chunked', 'huge-chunked.png not used: it is larger than 256 KB'],
    ['svg', 'logo.svg not used: it is not image/png, image/jpeg, image/webp, image/gif'],
    ['not-a-png', 'not-a.png not used: it says image/png but its bytes are not one'],
    ['hangs', 'hangs.png not used: it took over 5000 ms'],
    ['down', 'logo.png not used: it cannot be reached (ECONNREFUSED)'],
  ])(
    "refuses the %s client's logo and shows the brand's on its page, saying why in the log",
    async (id, why) => {
      expect(logoOf(await pageOf(id))).toContain(`/assets/logos/${sha256(BANK)}.png`);
      expect(said).toContain(`logo ${new URL(clients[id].logo_uri).origin}/${why}`);
    },
  );

  it('never asks the host a redirect points to', () => {
    const target = (r: { host?: string; path?: string }) =>
      r.host?.startsWith('localhost') && r.path === '/bank.png';
    expect(logos.requests.filter(target)).toEqual([]);
  });

  it('refuses a logo on a private or loopback address unless LOGO_ALLOW_PRIVATE_URLS, and the page shows the initial', async () => {
    const html = await page(`${strict.url}/login`);
    expect(logoOf(html)).toBe('<div class="logo" aria-hidden="true">s</div>');
    expect(html).not.toContain('<img');
    expect(said).toContain(
      `logo ${logos.url}/bank.png not used: it is on a private or loopback address`,
    );
    expect(logos.requests.filter((r) => r.path === '/bank.png?strict')).toEqual([]);
    // A name is refused once resolved, by the connection's own lookup (no DNS rebinding).
    const byName = await page(await loginPageUrl(strict, clients['by-name']));
    expect(logoOf(byName)).toBe('<div class="logo" aria-hidden="true">s</div>');
    expect(said).toContain(
      `logo ${new URL(clients['by-name'].logo_uri).origin}/shop.png not used: it resolves to a private or loopback address`,
    );
    expect(logos.requests.filter((r) => r.path === '/shop.png?strict')).toEqual([]);
  });
});
