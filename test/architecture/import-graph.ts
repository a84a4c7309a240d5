import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** The repository's root; every path below is relative to it, with forward slashes. */
export const ROOT = join(__dirname, '../..');

/** One import (or re-export, `import()`, `require()`) from a file of ours to another of ours. */
export interface ImportEdge {
  from: string;
  to: string;
  /** The module name as written, e.g. `@simauth/config` or `../tokens/id-token.service`. */
  specifier: string;
  line: number;
  /** `import type …` / `export type …`: gone once compiled. */
  typeOnly: boolean;
}

/** Tests are not the product: spec files and anything under a `test/` folder. */
export function isTest(file: string): boolean {
  return /\.(spec|e2e-spec|system-spec)\.ts$/.test(file) || /(^|\/)test\//.test(file);
}

const toRepoPath = (absolute: string) => relative(ROOT, absolute).split(sep).join('/');

let resolver: { options: ts.CompilerOptions; host: ts.CompilerHost } | undefined;

/**
 * The file of ours that `specifier`, imported by `from`, names, as the compiler resolves it
 * (tsconfig's paths: `@simauth/*`, `@test-support/*`); undefined for packages and for nothing.
 */
export function resolveImport(specifier: string, from: string): string | undefined {
  if (!resolver) {
    const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
    const options = ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
    resolver = { options, host: ts.createCompilerHost(options) };
  }
  const module = ts.resolveModuleName(
    specifier,
    join(ROOT, from),
    resolver.options,
    resolver.host,
  ).resolvedModule;
  if (!module || module.isExternalLibraryImport) return undefined;
  const file = toRepoPath(module.resolvedFileName);
  return file.startsWith('..') || file.includes('node_modules/') ? undefined : file;
}

/** Every .ts file under the given top-level folders (no node_modules, no declarations). */
export function sourceFiles(folders: string[], extensions = ['.ts']): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (extensions.some((ext) => entry.name.endsWith(ext)) && !path.endsWith('.d.ts')) {
        found.push(path);
      }
    }
  };
  for (const folder of folders) walk(folder);
  return found.sort();
}

/** The module names a file imports, with where and whether only for types, read by the parser. */
function importsOf(file: string): { specifier: string; line: number; typeOnly: boolean }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; line: number; typeOnly: boolean }[] = [];
  const add = (literal: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart()).line + 1;
    found.push({ specifier: literal.text, line, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const namedTypesOnly =
        !!clause?.namedBindings &&
        ts.isNamedImports(clause.namedBindings) &&
        !clause.name &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!clause?.isTypeOnly || namedTypesOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const dynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const require = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (dynamicImport || require) add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The imports between our own files (packages left out), and those of ours that lead nowhere. */
export function importGraph(files: string[]): { edges: ImportEdge[]; unresolved: string[] } {
  const edges: ImportEdge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const { specifier, line, typeOnly } of importsOf(from)) {
      const to = resolveImport(specifier, from);
      if (to) edges.push({ from, to, specifier, line, typeOnly });
      // A package is not ours to check; a path of ours must lead to a file.
      else if (/^(\.|@simauth\/|@test-support\/)/.test(specifier))
        unresolved.push(`${from}:${line} imports '${specifier}', which is no file`);
    }
  }
  return { edges, unresolved };
}

/** The import cycles among `files`: each strongly connected group of two or more (or a self-import). */
export function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's algorithm, iteratively (no recursion limit on long chains).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; child: number }[] = [{ node: start, child: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++];
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        const selfImport = children.includes(frame.node);
        if (group.length > 1 || selfImport) groups.push(shortestCycle(group, next));
      }
    }
  }
  return groups;
}

/** One cycle through the group's first file, shortest first: `[a, b, c, a]`. */
function shortestCycle(group: string[], next: Map<string, string[]>): string[] {
  const members = new Set(group);
  const start = [...group].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const child of next.get(node) ?? []) {
      if (!members.has(child)) continue;
      if (child === start) {
        const chain: string[] = [];
        for (let at = node; at !== start; at = cameFrom.get(at)!) chain.unshift(at);
        return [start, ...chain, start];
      }
      if (!cameFrom.has(child)) {
        cameFrom.set(child, node);
        queue.push(child);
      }
    }
  }
  return [...group, group[0]];
}
