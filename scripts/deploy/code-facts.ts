// What the code itself says a deployment must provide, read from the sources rather than
// repeated by hand: the files each function bundles (esbuild's metafile of its entry), the
// WeChat open-API calls in those files (`cloud.openapi.<group>.<method>`), and the collections
// the stores name. The plan is checked against these facts (checks.ts).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface OpenapiCall {
  readonly api: string;
  readonly file: string;
  readonly line: number;
}

const isOpenapiAccess = (node: ts.Node): node is ts.PropertyAccessExpression =>
  ts.isPropertyAccessExpression(node) && node.name.text === 'openapi';

/** `<group>.<method>` pairs of a type literal like `{ security: { msgSecCheck(p): … } }`. */
function callsInTypeLiteral(type: ts.TypeNode): string[] {
  if (!ts.isTypeLiteralNode(type)) return [];
  const calls: string[] = [];
  for (const group of type.members) {
    if (!ts.isPropertySignature(group) || !group.type || !ts.isTypeLiteralNode(group.type)) continue;
    const groupName = group.name.getText();
    for (const method of group.type.members) {
      if ((ts.isMethodSignature(method) || ts.isPropertySignature(method)) && method.name)
        calls.push(`${groupName}.${method.name.getText()}`);
    }
  }
  return calls;
}

/**
 * The open-API calls of one source file. Two spellings are recognised: a chain
 * `….openapi.group.method(…)`, and a typed view `(… .openapi as { group: { method(…) } })` that
 * the adapters use to call the SDK's untyped openapi object. A file that touches `.openapi` in
 * any other way is reported as unreadable, so a new spelling cannot slip past the check.
 */
export function openapiCallsInSource(file: string, text: string): { calls: OpenapiCall[]; unreadable: number[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const calls: OpenapiCall[] = [];
  const unreadable: number[] = [];
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (isOpenapiAccess(node)) {
      let parent: ts.Node = node.parent;
      while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
      if (ts.isAsExpression(parent)) {
        const found = callsInTypeLiteral(parent.type);
        if (found.length === 0) unreadable.push(lineOf(node));
        for (const api of found) calls.push({ api, file, line: lineOf(node) });
      } else if (ts.isPropertyAccessExpression(parent) && ts.isPropertyAccessExpression(parent.parent)) {
        calls.push({ api: `${parent.name.text}.${parent.parent.name.text}`, file, line: lineOf(node) });
      } else {
        unreadable.push(lineOf(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { calls, unreadable };
}

export interface FunctionFacts {
  readonly name: string;
  /** Repository-relative source files the bundle of the function contains (no node_modules). */
  readonly inputs: readonly string[];
  readonly openapi: readonly OpenapiCall[];
  /** `file:line` of `.openapi` uses whose call could not be read. */
  readonly unreadable: readonly string[];
}

/** Bundles the function's entry in memory (as scripts/build.mjs does) to learn which files it ships. */
export async function functionFacts(root: string, name: string): Promise<FunctionFacts> {
  const result = await build({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['wx-server-sdk'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules') && f.endsWith('.ts'))
    .map((f) => relative(root, join(root, f)))
    .sort();
  const openapi: OpenapiCall[] = [];
  const unreadable: string[] = [];
  for (const file of inputs) {
    const text = readFileSync(join(root, file), 'utf8');
    if (!text.includes('openapi')) continue;
    const found = openapiCallsInSource(file, text);
    openapi.push(...found.calls);
    unreadable.push(...found.unreadable.map((line) => `${file}:${line}`));
  }
  return { name, inputs, openapi, unreadable };
}

export interface CollectionUse {
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

/**
 * Collections named by the code: `COLLECTION.<key>` (resolved through the COLLECTION map) and
 * string literals passed to `.collection('…')`. Anything else passed to `.collection(…)` is a
 * helper forwarding a name its callers chose, and those callers are scanned too.
 */
export function collectionUses(file: string, text: string, map: Readonly<Record<string, string>>): CollectionUse[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const uses: CollectionUse[] = [];
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'COLLECTION') {
      const name = map[node.name.text];
      uses.push({ name: name ?? `COLLECTION.${node.name.text}`, file, line: lineOf(node) });
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'collection') {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) uses.push({ name: arg.text, file, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}
