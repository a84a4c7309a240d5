#!/usr/bin/env node
/**
 * Builds the browser bundle of @simauth/client (libs/client) with esbuild: one ES module,
 * simauth-client.js, exporting the package's public API and `version`, which the login page and
 * the virtual phone import from /assets/simauth-client.js. `npm run build` writes it into dist/
 * (a dev dependency at build time only: the production image runs the file); the jest suites'
 * global setup writes it into apps/api/src/platform/pages/dist/ (git-ignored, as every dist/), so
 * tests never serve a stale one.
 *
 *   node tools/client-bundle.mjs <folder>   # writes <folder>/simauth-client.js and login-kit.js
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT = join(ROOT, 'libs/client');
const { version } = JSON.parse(readFileSync(join(CLIENT, 'package.json'), 'utf8'));

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node tools/client-bundle.mjs <folder>');
  process.exit(2);
}

await build({
  stdin: {
    contents: `export * from './src/index';\nexport const version = ${JSON.stringify(version)};\n`,
    resolveDir: CLIENT,
    sourcefile: 'simauth-client.ts',
    loader: 'ts',
  },
  outfile: join(resolve(ROOT, folder), 'simauth-client.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  banner: { js: `/* @simauth/client ${version}: browser bundle (ES module). */` },
  legalComments: 'inline',
  logLevel: 'warning',
});

// The login page's own libraries, a second module served from simauth's own origin as
// /assets/login-kit.js, never a CDN: libphonenumber-js's AsYouType with its small metadata (the
// number field formats as the person types; whether a number is valid is the server's decision)
// and i18next (the page's messages in its language, plurals included), behind tools/login-kit.js.
await build({
  stdin: {
    contents: readFileSync(join(ROOT, 'tools/login-kit.js'), 'utf8'),
    resolveDir: ROOT,
    sourcefile: 'login-kit.js',
    loader: 'js',
  },
  outfile: join(resolve(ROOT, folder), 'login-kit.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  banner: { js: '/* libphonenumber-js (MIT) AsYouType and i18next (MIT), for the login page. */' },
  legalComments: 'inline',
  logLevel: 'warning',
});
