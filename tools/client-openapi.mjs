#!/usr/bin/env node
/**
 * Writes libs/client/openapi.json (the OpenAPI document the api serves at /docs-json) and the
 * types generated from it, libs/client/src/generated/openapi.ts. Runs the compiled api (`npm run
 * build` first, as `npm run client:openapi` does) on a free port, with the sandbox and an embedded
 * Postgres in a temporary folder, reads the document and stops it. The server URL is fixed, so the
 * file only changes when the API does; test/client/openapi-document.e2e-spec.ts fails when it
 * differs from what the app serves. `--types` only prints the types generated from the committed
 * document (test/client/openapi-types.spec.ts compares them with the committed file).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENT = join(ROOT, 'libs/client/openapi.json');
const TYPES = join(ROOT, 'libs/client/src/generated/openapi.ts');
/** The server URL written into the committed document (each deployment has its own). */
const FIXED_SERVER_URL = 'http://localhost:3000';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function servedDocument() {
  const port = await freePort();
  // The embedded Postgres runs as the `postgres` user: its folder's parent must be traversable.
  const dir = mkdtempSync(join(tmpdir(), 'simauth-openapi-'));
  chmodSync(dir, 0o755);
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
    env: {
      ...env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: FIXED_SERVER_URL,
      EMBEDDED_PG_DIR: join(dir, 'pg'),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the api exited (${child.exitCode})`);
      const ready = await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await Promise.race([exited, new Promise((r) => setTimeout(r, 250))]);
    }
    return await (await fetch(`${url}/docs-json`)).json();
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript types of `document`, formatted as the repository's Prettier settings say. */
async function typesOf(document) {
  const types =
    '// Generated from ../../openapi.json by `npm run client:openapi` (openapi-typescript). Do not edit.\n' +
    astToString(await openapiTS(document));
  return format(types, { ...(await resolveConfig(TYPES)), filepath: TYPES });
}

if (process.argv.includes('--types')) {
  process.stdout.write(await typesOf(JSON.parse(readFileSync(DOCUMENT, 'utf8'))));
} else {
  const document = { ...(await servedDocument()), servers: [{ url: FIXED_SERVER_URL }] };
  writeFileSync(DOCUMENT, JSON.stringify(document, null, 2) + '\n');
  writeFileSync(TYPES, await typesOf(document));
  console.log(`wrote ${DOCUMENT} and ${TYPES}`);
}
