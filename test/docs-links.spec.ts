import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..');

/** README.md and every Markdown file under docs/, relative to the repository's root. */
function markdownFiles(): string[] {
  const found: string[] = ['README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = join(dir, name);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
}

/** A file's Markdown without its fenced code blocks (whose `#` lines are comments, not headings). */
const prose = (path: string): string =>
  readFileSync(join(ROOT, path), 'utf8').replace(/^```[\s\S]*?^```/gm, '');

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as `-`. */
function anchors(path: string): Set<string> {
  const headings = [...prose(path).matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]);
  return new Set(
    headings.map((heading) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

/** Every relative link of `path` (Markdown links and images), as written. */
const relativeLinks = (path: string): string[] =>
  [...prose(path).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z]+:/i.test(target));

const cases = markdownFiles().flatMap((file) =>
  relativeLinks(file).map((target) => [file, target] as const),
);

/**
 * The repository paths the docs name (`apps/api/src/features/oidc/`, …), in code spans or tables,
 * except what a build or a bench run writes (bench/*.js, bench/*.json).
 */
const namedPaths = markdownFiles().flatMap((file) =>
  [
    ...prose(file).matchAll(
      /(?:^|[\s|(`])((?:apps|libs|test|examples|bench|migrations|tools)\/[^\s`|),]*)/g,
    ),
  ]
    .map((m) => m[1].replace(/[.,:;]$/, ''))
    .filter((path) => !/^bench\/[^/]+\.(js|json)$/.test(path))
    .map((path) => [file, path] as const),
);

describe('the code the docs name', () => {
  it.each(namedPaths)('%s: %s exists', (_file, path) => {
    expect(existsSync(join(ROOT, path))).toBe(true);
  });
});

describe('the links of the README and docs/', () => {
  it('are found (the docs link to each other)', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('%s: %s resolves', (file, target) => {
    const [pathPart, anchor] = target.split('#');
    const resolved = pathPart ? relative(ROOT, join(ROOT, dirname(file), pathPart)) : file;
    expect(existsSync(join(ROOT, resolved))).toBe(true);
    if (anchor && resolved.endsWith('.md')) {
      expect([...anchors(resolved)]).toContain(anchor);
    }
  });
});
