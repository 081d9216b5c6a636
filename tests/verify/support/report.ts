// What each verify file hands to the runner (scripts/verify.mjs): rows of the figures table, and
// the personal data it made up (openids, phones, descriptions), so the runner can scan the whole
// run's output and logs for them. Written as JSON lines into VERIFY_OUT; without it (a file run
// on its own with jest) nothing is written and the tests still assert.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  section: string;
  figure: string;
  value: number | string;
  target: string;
  met: boolean;
}

const out = (): string | null => process.env.VERIFY_OUT || null;

export function recordFigure(figure: Figure): void {
  const dir = out();
  if (dir) appendFileSync(join(dir, 'figures.jsonl'), `${JSON.stringify(figure)}\n`);
}

export type SecretKind = 'openid' | 'phone' | 'text';

const registered = new Set<string>();

/** Registers a made-up piece of personal data (answers it): no log line of the run may contain it. */
export function secret<T extends string>(kind: SecretKind, value: T): T {
  const key = `${kind}\u0000${value}`;
  if (registered.has(key)) return value;
  registered.add(key);
  const dir = out();
  if (dir) appendFileSync(join(dir, 'secrets.jsonl'), `${JSON.stringify({ kind, value })}\n`);
  return value;
}

/** Appends captured console lines (support/capture.ts). */
export function recordLog(line: string): void {
  const dir = out();
  if (dir) appendFileSync(join(dir, 'console.log'), `${line}\n`);
}

/** `1,234` */
export const n = (value: number): string => value.toLocaleString('en-US');
