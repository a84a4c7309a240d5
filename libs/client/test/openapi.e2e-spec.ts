import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '@test-support/test-app';

const CLIENT = join(__dirname, '..');
const committed = (file: string) => readFileSync(join(CLIENT, file), 'utf8');

describe("the client's OpenAPI document and types", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is the document the app serves at /docs-json (else run `npm run client:openapi`)', async () => {
    const committedDocument = JSON.parse(committed('openapi.json')) as { servers: unknown };
    const served = (await (await fetch(`${t.url}/docs-json`)).json()) as object;
    // Only the server URL differs: the committed document names a fixed one.
    expect({ ...served, servers: committedDocument.servers }).toEqual(committedDocument);
  });

  it('has the types openapi-typescript generates from it (else run `npm run client:openapi`)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(CLIENT, '../../tools/client-openapi.mjs'), '--types'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    expect(stdout).toBe(committed('src/generated/openapi.ts'));
  });
});
