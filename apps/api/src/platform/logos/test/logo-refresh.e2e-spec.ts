import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { LogoServer, pngImage, startLogoServer } from '@test-support/logo-server';
import { eventually } from '@test-support/sse';
import { TestApp, startTestApp } from '@test-support/test-app';

const FIRST = pngImage(2, 2, [26, 95, 60]);
const SECOND = pngImage(2, 2, [95, 26, 60]);
const logoPath = (bytes: Buffer) =>
  `/assets/logos/${createHash('sha256').update(bytes).digest('hex')}.png`;

describe('a logo kept in Postgres', () => {
  let logos: LogoServer;
  let served: Buffer | undefined = FIRST;
  const log = new PassThrough();
  let said = '';
  log.on('data', (d) => (said += d));
  const apps: TestApp[] = [];

  beforeAll(async () => {
    logos = await startLogoServer({
      '/logo.png': (_, res) =>
        served
          ? res.writeHead(200, { 'content-type': 'image/png' }).end(served)
          : res.writeHead(500).end(),
    });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await logos?.close();
  });

  /** A new api process of the same deployment (the database is shared). */
  const start = async () => {
    const app = await startTestApp({
      env: {
        LOG_LEVEL: 'warn',
        BRAND_LOGO_URL: `${logos.url}/logo.png`,
        LOGO_ALLOW_PRIVATE_URLS: 'true',
        LOGO_CA_FILE: logos.certFile,
      },
      logs: log,
    });
    apps.push(app);
    return app;
  };
  const page = async (app: TestApp) => (await fetch(`${app.url}/login`)).text();
  /** Six hours and more pass for the logo's copy. */
  const age = (app: TestApp) =>
    app.db.query(
      `UPDATE logos SET fetched_at = fetched_at - interval '7 hours' WHERE source_url = $1`,
      [`${logos.url}/logo.png`],
    );

  it('is shown at once by a process that starts later, fetched again once six hours old, and kept when that fetch fails', async () => {
    const first = await start();
    expect(await page(first)).toContain(logoPath(FIRST));
    expect(logos.requests).toHaveLength(1);

    // The host fails from now on; a restart shows the kept logo without asking it.
    served = undefined;
    const second = await start();
    expect(await page(second)).toContain(logoPath(FIRST));
    expect(logos.requests).toHaveLength(1);

    // Six hours on, a process fetches it again: the host fails, the kept logo stays.
    await age(second);
    const third = await start();
    await eventually(async () =>
      expect(said).toContain(
        `logo ${logos.url}/logo.png not used: it answered 500; the copy fetched before stays`,
      ),
    );
    expect(await page(third)).toContain(logoPath(FIRST));

    // A new image at the same URL shows once the copy is due again.
    served = SECOND;
    await age(third);
    const fourth = await start();
    await eventually(async () => expect(await page(fourth)).toContain(logoPath(SECOND)));
    // The first image is still served for pages that named it.
    expect((await fetch(`${fourth.url}${logoPath(FIRST)}`)).status).toBe(200);
  }, 60_000);
});
