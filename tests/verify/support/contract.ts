// The actions of the contract, read from typings/api/index.d.ts itself (the `Actions` interface),
// so a suite can fail when an action has no rows or no inputs of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function contractActions(root = join(__dirname, '../../..')): string[] {
  const text = readFileSync(join(root, 'typings/api/index.d.ts'), 'utf8');
  const start = text.indexOf('interface Actions {');
  if (start < 0) throw new Error('typings/api/index.d.ts has no `interface Actions`');
  // The interface ends at the first line that closes it at its own indentation.
  const end = text.indexOf('\n  }\n', start);
  const body = text.slice(start, end);
  const names = [...body.matchAll(/^ {4}'([a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+)':/gm)].map((m) => m[1] as string);
  if (names.length === 0) throw new Error('no actions found in the contract');
  return names;
}
