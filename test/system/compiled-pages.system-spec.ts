import { ApiProcess, startApiProcess } from '@test-support/api-process';

/**
 * The pages' files are not TypeScript: nest-cli.json's assets copy them into dist/ (the login
 * page's beside the api's pages controller, the virtual phone's beside libs/sandbox's code), and
 * the compiled app reads them from there, as `npm start` and the Docker image run it. The SDK's
 * browser bundle is no source file at all: `npm run build` writes it into dist/ with esbuild.
 */
describe('the pages of the compiled app (dist/)', () => {
  let api: ApiProcess;
  beforeAll(async () => {
    api = await startApiProcess();
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await new Promise((resolve) => api.child.once('exit', resolve));
    }
  });

  it('serves /login, the virtual phone at /phone (the sandbox serves), their scripts and the SDK bundle', async () => {
    const pages: [string, string, string][] = [
      ['/login', 'text/html', '/assets/login.js'],
      ['/assets/login.js', 'text/javascript', 'fetch('],
      ['/phone', 'text/html', '/assets/phone.js'],
      ['/assets/phone.js', 'text/javascript', 'X-Sandbox-Sim'],
      // The SDK's browser bundle both pages import, built into dist/ by `npm run build`.
      ['/assets/simauth-client.js', 'text/javascript', 'var SimauthPhone = class'],
    ];
    for (const [path, type, content] of pages) {
      const res = await fetch(`${api.url}${path}`);
      expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: expect.stringContaining(type),
      });
      expect(await res.text()).toContain(content);
    }
  });
});
