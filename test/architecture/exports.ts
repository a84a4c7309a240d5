import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT, resolveImport } from './import-graph';

/** What one file exports and imports, read from its syntax. */
interface FileExports {
  /** Names declared here and exported (`export class X`, `export { x }`, `export default`). */
  own: Set<string>;
  /** `export { a as b } from './y'`: b → a in y. */
  forwarded: Map<string, { file: string; name: string }>;
  /** `export * from './y'`. */
  starFrom: string[];
  /** What this file uses from other files: `import { a } from './y'`, `import('./y').A`. */
  uses: { file: string; name: string | '*' }[];
}

function readFile(file: string): FileExports {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const result: FileExports = { own: new Set(), forwarded: new Map(), starFrom: [], uses: [] };
  const target = (literal: ts.Node) =>
    ts.isStringLiteralLike(literal) ? resolveImport(literal.text, file) : undefined;
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  const bindingNames = (name: ts.BindingName): string[] =>
    ts.isIdentifier(name)
      ? [name.text]
      : name.elements.flatMap((e) => (ts.isBindingElement(e) ? bindingNames(e.name) : []));

  for (const statement of source.statements) {
    if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name)) {
      // `declare module './y' { interface A … }` augments y's A, which must stay exported for it.
      const from = target(statement.name);
      const body = statement.body;
      if (from && body && ts.isModuleBlock(body)) {
        for (const inner of body.statements) {
          const name = (inner as ts.DeclarationStatement).name;
          if (name && ts.isIdentifier(name)) result.uses.push({ file: from, name: name.text });
        }
      }
    } else if (ts.isImportDeclaration(statement)) {
      const from = target(statement.moduleSpecifier);
      const clause = statement.importClause;
      if (!from || !clause) continue;
      if (clause.name) result.uses.push({ file: from, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) result.uses.push({ file: from, name: '*' });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const e of bindings.elements)
          result.uses.push({ file: from, name: (e.propertyName ?? e.name).text });
      }
    } else if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && target(statement.moduleSpecifier);
      const clause = statement.exportClause;
      if (statement.moduleSpecifier && !from) continue;
      if (!clause) {
        if (from) result.starFrom.push(from);
      } else if (ts.isNamespaceExport(clause)) {
        // `export * as ns from './y'`: counted as a use of all of y (rare; errs on the safe side).
        if (from) result.uses.push({ file: from, name: '*' });
      } else {
        for (const e of clause.elements) {
          const local = (e.propertyName ?? e.name).text;
          if (from) result.forwarded.set(e.name.text, { file: from, name: local });
          else result.own.add(e.name.text);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      result.own.add('default');
    } else if (exported(statement)) {
      if (isDefault(statement)) result.own.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations)
          bindingNames(d.name).forEach((n) => result.own.add(n));
      } else {
        const name = (statement as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) result.own.add(name.text);
      }
    }
  }
  // Anywhere in the file: `import('./y')`, `require('./y')` (all of y), `import('./y').A` (A).
  const visit = (node: ts.Node) => {
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const from = target(node.argument.literal);
      const name = node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : '*';
      if (from) result.uses.push({ file: from, name });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const require = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const from = (dynamic || require) && target(node.arguments[0]);
      if (from) result.uses.push({ file: from, name: '*' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return result;
}

/**
 * The names that `files` export but no other file imports: each `file#name` listed is used, if
 * at all, only in the file that declares it, so it need not be exported. Imports are followed
 * through re-exports (`export * from`, `export { x } from`) to the file that declares the name.
 */
export function exportsUsedOnlyAtHome(
  files: string[],
  within: (file: string) => boolean,
): string[] {
  const parsed = new Map(files.map((file) => [file, readFile(file)]));
  /** The file that declares `name` as `file` exports it (following re-exports). */
  const origin = (file: string, name: string, seen = new Set<string>()): string | undefined => {
    const key = `${file}#${name}`;
    const info = parsed.get(file);
    if (!info || seen.has(key)) return undefined;
    seen.add(key);
    if (info.own.has(name)) return key;
    const forwarded = info.forwarded.get(name);
    if (forwarded) return origin(forwarded.file, forwarded.name, seen);
    if (name === 'default') return undefined;
    for (const star of info.starFrom) {
      const found = origin(star, name, seen);
      if (found) return found;
    }
    return undefined;
  };
  /** Every name `file` exports, its own and those it forwards. */
  const everything = (file: string, seen = new Set<string>()): string[] => {
    const info = parsed.get(file);
    if (!info || seen.has(file)) return [];
    seen.add(file);
    return [
      ...info.own,
      ...info.forwarded.keys(),
      ...info.starFrom.flatMap((star) => everything(star, seen).filter((n) => n !== 'default')),
    ];
  };
  const usedElsewhere = new Set<string>();
  for (const [file, info] of parsed) {
    for (const use of info.uses) {
      const names = use.name === '*' ? everything(use.file) : [use.name];
      for (const name of names) {
        const key = origin(use.file, name);
        if (key && !key.startsWith(`${file}#`)) usedElsewhere.add(key);
      }
    }
  }
  return [...parsed]
    .filter(([file]) => within(file))
    .flatMap(([file, info]) => [...info.own].map((name) => `${file}#${name}`))
    .filter((key) => !usedElsewhere.has(key));
}
