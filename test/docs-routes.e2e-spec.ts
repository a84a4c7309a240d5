import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, startTestApp } from '@test-support/test-app';

const ROOT = join(__dirname, '..');

/** The pages that name REST calls as `METHOD /path` without running them with curl. */
const PAGES = [
  'docs/guide/mobile.md',
  'docs/guide/flows.md',
  'docs/reference/admin-api.md',
  'docs/reference/webhooks.md',
];

/** A path with its parameters unnamed (`/v1/logins/{}`), so `{login_id}` and `{id}` compare equal. */
const shape = (path: string): string => path.replace(/\{[^}]*\}/g, '{}');

/** `METHOD /v1/…` and `METHOD /admin/v1/…` calls a page names (query strings left off). */
const namedCalls = (page: string): string[] =>
  [
    ...readFileSync(join(ROOT, page), 'utf8').matchAll(
      /\b(GET|POST|PUT|PATCH|DELETE) (\/(?:admin\/)?v1\/[A-Za-z0-9_\-/{}]*)/g,
    ),
  ].map((m) => `${m[1].toLowerCase()} ${shape(m[2].replace(/\/$/, ''))}`);

const cases = PAGES.flatMap((page) => [...new Set(namedCalls(page))].map((call) => [page, call]));

describe('the REST calls the docs name', () => {
  let t: TestApp;
  let documented: Set<string>;
  beforeAll(async () => {
    t = await startTestApp();
    const openapi = (await (await fetch(`${t.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    documented = new Set(
      Object.entries(openapi.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method} ${shape(path)}`),
      ),
    );
  });
  afterAll(() => t.close());

  it('are found (the mobile guide names the phone calls)', () => {
    expect(namedCalls('docs/guide/mobile.md').length).toBeGreaterThan(8);
  });

  it.each(cases)('%s: %s is a route of the OpenAPI document', (_page, call) => {
    expect([...documented]).toContain(call);
  });
});
