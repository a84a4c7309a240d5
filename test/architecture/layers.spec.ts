import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportsUsedOnlyAtHome } from './exports';
import { ImportEdge, ROOT, importCycles, importGraph, isTest, sourceFiles } from './import-graph';

/**
 * The layers, lowest first: a file imports its own layer or lower ones, never a higher one.
 * `libs/` (and the migrations the database lib runs) < `apps/api/src/platform/` <
 * `apps/api/src/features/` < the app's bootstrap (`apps/api/src/*.ts`, `apps/api/src/cli/`, and
 * each other app's `src/`).
 */
const LAYERS = ['libs', 'platform', 'features', 'bootstrap'] as const;
type Layer = (typeof LAYERS)[number];

/**
 * Features do not import each other, except these, each for a reason that belongs to the product.
 * `to: '*'` is any feature. Keep this list short: a new entry is a design decision, for review.
 */
const FEATURE_EXCEPTIONS: { from: string; to: string; why: string }[] = [
  {
    from: 'oidc',
    to: 'companion-login',
    why: "binds a companion login to an OpenID interaction or a CIBA request, through the login's public service",
  },
  {
    from: 'admin',
    to: '*',
    why: "the operators' view over every flow, through each feature's public service",
  },
];

/**
 * The files allowed over the size limit: the settings schema, which lists every setting, and the
 * client's types, generated from the OpenAPI document (nobody edits them).
 */
const SIZE_EXCEPTIONS = ['libs/config/src/environment.ts', 'libs/client/src/generated/openapi.ts'];
const MAX_LINES = 450;

/**
 * Where an export must be imported by some other file (a test or bench counts), else it is not
 * exported: all of the product, the libraries and the api. The client package (libs/client) is
 * published alone: what it exports is its public API, for apps outside this repository.
 */
const EXPORTS_MUST_BE_USED = [/^libs\/(?!client\/)/, /^apps\/api\/src\//];

/** The client package, published alone: it imports none of our other files. */
const PUBLISHED_ALONE = 'libs/client/';

interface Place {
  layer: Layer;
  /** The folder under `features/`, for a feature's files. */
  feature?: string;
}

/** Where a file sits in the layers; undefined for a file no layer claims (itself a failure). */
function placeOf(file: string): Place | undefined {
  if (file.startsWith('libs/') || file.startsWith('migrations/')) return { layer: 'libs' };
  // Another app than the api is a bootstrap only: a main.ts running a library.
  const otherApp = /^apps\/(?!api\/)[^/]+\/src\//.test(file);
  if (otherApp) return { layer: 'bootstrap' };
  if (!file.startsWith('apps/api/src/')) return undefined;
  const inApi = file.slice('apps/api/src/'.length);
  if (inApi.startsWith('platform/')) return { layer: 'platform' };
  const feature = /^features\/([^/]+)\//.exec(inApi)?.[1];
  if (feature) return { layer: 'features', feature };
  // A file directly in features/ (say, the list of attempt kinds) is theirs to share: no feature's.
  if (/^features\/[^/]+\.ts$/.test(inApi)) return { layer: 'features' };
  if (!inApi.includes('/') || inApi.startsWith('cli/')) return { layer: 'bootstrap' };
  return undefined;
}

const describeEdge = (e: ImportEdge) => `${e.from}:${e.line} imports ${e.to} ('${e.specifier}')`;

describe('the import structure', () => {
  const all = sourceFiles(['apps', 'libs', 'migrations', 'bench', 'test']);
  const { edges, unresolved } = importGraph(all);
  /** The product: files of apps/ and libs/ (and migrations/) that are not tests. */
  const product = edges.filter(
    (e) =>
      !isTest(e.from) &&
      !isTest(e.to) &&
      !e.from.startsWith('bench/') &&
      !e.from.startsWith('test/'),
  );

  it('resolves every import of our own files (else the checks below would miss it)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(unresolved).toEqual([]);
  });

  it('has no import cycles among the files of apps/ and libs/', () => {
    // An `import type` is gone once compiled: it orders no loading, so it closes no cycle.
    const cycles = importCycles(product.filter((e) => !e.typeOnly)).map(
      (cycle) => `import cycle: ${cycle.join(' → ')}`,
    );
    expect(cycles).toEqual([]);
  });

  it('places every file of apps/ and libs/ in a layer', () => {
    const unplaced = sourceFiles(['apps', 'libs'])
      .filter((file) => !isTest(file) && !placeOf(file))
      .map((file) => `${file} is in no layer (libs, platform, features, bootstrap)`);
    expect(unplaced).toEqual([]);
  });

  it('never imports from a higher layer: libs < platform < features < bootstrap', () => {
    const upward = product
      .filter((e) => {
        const from = placeOf(e.from);
        const to = placeOf(e.to);
        return from && to && LAYERS.indexOf(to.layer) > LAYERS.indexOf(from.layer);
      })
      .map((e) => `${describeEdge(e)}: ${placeOf(e.from)!.layer} below ${placeOf(e.to)!.layer}`);
    expect(upward).toEqual([]);
  });

  it('keeps features apart, but for the declared exceptions', () => {
    const allowed = (from: string, to: string) =>
      FEATURE_EXCEPTIONS.some((x) => x.from === from && (x.to === to || x.to === '*'));
    const crossing = product
      .filter((e) => {
        const from = placeOf(e.from)?.feature;
        const to = placeOf(e.to)?.feature;
        return from && to && from !== to && !allowed(from, to);
      })
      .map(
        (e) =>
          `${describeEdge(e)}: feature ${placeOf(e.from)!.feature} uses feature ${placeOf(e.to)!.feature}`,
      );
    expect(crossing).toEqual([]);
  });

  it('has the published client package import nothing of ours outside its folder, types included', () => {
    // Types included: its .d.ts files are published too.
    const outside = product
      .filter((e) => e.from.startsWith(PUBLISHED_ALONE) && !e.to.startsWith(PUBLISHED_ALONE))
      .map(describeEdge);
    expect(outside).toEqual([]);
  });

  it('lets no app import another app (tests included)', () => {
    const appOf = (file: string) => /^apps\/([^/]+)\//.exec(file)?.[1];
    const across = edges
      .filter((e) => appOf(e.from) && appOf(e.to) && appOf(e.from) !== appOf(e.to))
      .map(describeEdge);
    expect(across).toEqual([]);
  });

  it(`keeps every source file of apps/ and libs/ within ${MAX_LINES} lines (the settings schema excepted)`, () => {
    const long = sourceFiles(['apps', 'libs'], ['.ts', '.js', '.mjs', '.html', '.css'])
      .filter((file) => !isTest(file) && !SIZE_EXCEPTIONS.includes(file))
      .map((file) => ({
        file,
        lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1,
      }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file} has ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('has bench/ import the libraries by their @simauth/* names, never by relative path', () => {
    const relative = edges
      .filter(
        (e) =>
          e.from.startsWith('bench/') &&
          e.to.startsWith('libs/') &&
          !e.specifier.startsWith('@simauth/'),
      )
      .map(describeEdge);
    expect(relative).toEqual([]);
  });

  it('has tests import their helpers as @test-support/…, never by relative path', () => {
    const relative = edges
      .filter(
        (e) =>
          e.to.startsWith('test/support/') &&
          !e.from.startsWith('test/support/') &&
          !e.specifier.startsWith('@test-support/'),
      )
      .map(describeEdge);
    expect(relative).toEqual([]);
  });

  it('exports only what another file imports', () => {
    const within = (file: string) =>
      !isTest(file) && EXPORTS_MUST_BE_USED.some((folder) => folder.test(file));
    const needless = exportsUsedOnlyAtHome(all, within).map(
      (name) => `${name} is exported, but no other file imports it`,
    );
    expect(needless).toEqual([]);
  });
});
