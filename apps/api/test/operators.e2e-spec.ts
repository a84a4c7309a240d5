import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, startTestApp } from '@test-support/test-app';

describe('operator endpoints', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('reports live and ready (database reachable)', async () => {
    const live = await fetch(`${t.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: {
        database: { status: 'up' },
        providers: { tru_id: 'reachable', vonage: 'reachable', push: 'reachable' },
      },
    });
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await fetch(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger-ui');
  });

  it('serves a valid OpenAPI 3 document at /docs-json listing every route', async () => {
    const res = await fetch(`${t.url}/docs-json`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toMatch(/^3\./);

    // Every route the server knows about (but the docs themselves) is in the document.
    const routes = t.routes
      .map((r) => r.replace(/:(\w+)/g, '{$1}'))
      // HEAD is answered for every GET; the HTML pages (/login, /phone, assets, the browser's
      // /favicon.ico) and the login page's own number check (POST /login/number) are not the API;
      // the OpenID Provider's endpoints (/oidc/*) are described by its own discovery document.
      .filter(
        (r) =>
          !/\/docs|\*|^head |^get \/(login|phone|assets|favicon\.ico)|^post \/login\/number|openid-configuration|oauth-authorization-server| \/oidc\/(?!interaction)/.test(
            r,
          ),
      );
    const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(1);
    expect(documented.sort()).toEqual(expect.arrayContaining(routes.sort()));
  });

  it("serves an OpenAPI document that passes Redocly's recommended rules", async () => {
    const root = join(__dirname, '../../..');
    mkdirSync(join(root, 'test-results'), { recursive: true });
    // The path the ignore file names; the document's server is this test app's URL.
    writeFileSync(
      join(root, 'test-results/openapi.json'),
      JSON.stringify(await (await fetch(`${t.url}/docs-json`)).json(), null, 2),
    );
    const lint = spawnSync(
      process.execPath,
      [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', 'test-results/openapi.json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    expect(`${lint.stdout}${lint.stderr}`).toContain('Your API description is valid');
    expect(`${lint.stdout}${lint.stderr}`).not.toMatch(/warning|error/i);
    expect(lint.status).toBe(0);
  });

  it('serves Prometheus metrics: requests by route, attempt moves, provider calls, process', async () => {
    await fetch(`${t.url}/health/live`);
    await fetch(`${t.url}/v1/coverage`);
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(
      /simauth_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /simauth_provider_call_duration_seconds_count\{provider="truid",outcome="200"\} \d+/,
    );
    expect(text).toContain('simauth_attempt_moves_total');
    expect(text).toContain('simauth_provider_circuit_open');
    expect(text).toContain('simauth_rate_limit_rows');
    expect(text).toContain('simauth_sse_connections');
    expect(text).toContain('simauth_process_resident_memory_bytes');
  });

  it('labels each OpenID Provider endpoint by its own route in /metrics', async () => {
    await fetch(`${t.url}/.well-known/openid-configuration`);
    await fetch(`${t.url}/oidc/jwks`);
    await fetch(`${t.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=nothing',
    });
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/route="\/oidc\/token",status="(400|401)"/);
    expect(text).toMatch(/method="GET",route="\/oidc\/jwks",status="200"/);
    expect(text).toMatch(/route="\/.well-known\/openid-configuration",status="200"/);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await fetch(`${t.url}/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
