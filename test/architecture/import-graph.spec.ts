import { ImportEdge, importCycles, isTest } from './import-graph';

const edges = (...pairs: [string, string][]): ImportEdge[] =>
  pairs.map(([from, to]) => ({ from, to, specifier: to, line: 1, typeOnly: false }));

describe('importCycles', () => {
  it('finds none in imports that only go one way', () => {
    expect(importCycles(edges(['a', 'b'], ['b', 'c'], ['a', 'c']))).toEqual([]);
  });

  it('names each cycle once, as a path back to where it starts', () => {
    const found = importCycles(
      edges(['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['x', 'y'], ['y', 'x']),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        ['a', 'b', 'c', 'a'],
        ['x', 'y', 'x'],
      ]),
    );
    expect(found).toHaveLength(2);
  });

  it('counts a file importing itself', () => {
    expect(importCycles(edges(['a', 'a']))).toEqual([['a', 'a']]);
  });
});

describe('isTest', () => {
  it('tells tests (spec files, anything under a test/ folder) from the product', () => {
    expect(isTest('apps/api/src/startup-checks.spec.ts')).toBe(true);
    expect(isTest('apps/api/test/pages.e2e-spec.ts')).toBe(true);
    expect(isTest('test/support/test-app.ts')).toBe(true);
    expect(isTest('libs/attempts/test/helpers.ts')).toBe(true);
    expect(isTest('apps/api/src/platform/pages/pages.controller.ts')).toBe(false);
  });
});
