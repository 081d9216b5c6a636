// `npm run bench`: issue 12's table of performance budgets. Every figure is a ratio against a
// baseline measured in this same run (absolute times on a shared machine are noise), on seeded
// synthetic data, with whether it meets its target. Rows live in scripts/bench/ (one module each,
// listed in rows.ts) and each runs in a child process of its own; BENCH_ONLY=B1,B7 runs some of
// them. Nothing here fails a build: a missed target is printed, and the product is what changes.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ROWS, type RowEntry } from './bench/rows';
import { num } from './bench/measure';
import type { RowResult } from './bench/types';

const MARK = '@@bench-row ';

interface Outcome {
  id: string;
  what: string;
  baseline: string;
  target: string;
  result: RowResult | null;
  error?: string;
  seconds: number;
}

function selected(): readonly RowEntry[] {
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (only.length === 0) return ROWS;
  const unknown = only.filter((id) => !ROWS.some((row) => row.id.toLowerCase() === id));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: no row ${unknown.join(', ')} (rows: ${ROWS.map((r) => r.id).join(', ')})`);
  return ROWS.filter((row) => only.includes(row.id.toLowerCase()));
}

/** In the child: run one row and hand its outcome to the parent on a marked line. */
async function runChild(id: string): Promise<void> {
  const entry = ROWS.find((row) => row.id === id);
  if (entry === undefined) throw new Error(`no row ${id}`);
  const row = await entry.load();
  const t0 = performance.now();
  const base = { id: row.id, what: row.what, baseline: row.baseline, target: row.target };
  try {
    const result = await row.run();
    console.log(MARK + JSON.stringify({ ...base, result, seconds: (performance.now() - t0) / 1000 }));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.log(MARK + JSON.stringify({ ...base, result: null, error: message, seconds: (performance.now() - t0) / 1000 }));
  }
}

function runInChild(entry: RowEntry): Outcome {
  const child = spawnSync(process.execPath, [...(entry.flags ?? []), __filename, '--row', entry.id], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (child.stdout ?? '').split('\n');
  const marked = lines.find((line) => line.startsWith(MARK));
  for (const line of lines) if (!line.startsWith(MARK) && line.trim() !== '') console.log(`           ${line}`);
  if (marked === undefined) {
    return {
      id: entry.id,
      what: '',
      baseline: '',
      target: '',
      result: null,
      error: (child.stderr ?? '').slice(-2000) || `exit ${child.status}`,
      seconds: 0,
    };
  }
  return JSON.parse(marked.slice(MARK.length)) as Outcome;
}

const verdict = (meets: boolean | null): string => (meets === null ? '—' : meets ? 'yes' : '**no**');
const cell = (text: string): string => text.replace(/\|/g, '\\|');

function print(o: Outcome): void {
  if (o.result === null) {
    console.log(`${o.id.padEnd(10)} ${o.what}\n           FAILED: ${o.error ?? ''}\n`);
    return;
  }
  const r = o.result;
  console.log(`${o.id.padEnd(10)} ${o.what}${r.meets === null ? '' : ` (${num(o.seconds)} s)`}`);
  console.log(`           ${r.figure}`);
  console.log(`           vs ${o.baseline}: ${r.versus}`);
  console.log(`           target ${o.target}: ${r.meets === null ? 'pending' : r.meets ? 'met' : 'MISSED'}`);
  for (const note of r.notes ?? []) console.log(`           · ${note}`);
  console.log('');
}

async function main(): Promise<void> {
  const loadArg = process.argv.indexOf('--load');
  if (loadArg >= 0) {
    // The load generator of the server rows (B10, contention), in a process of its own.
    await (await import('./bench/load')).runLoad(process.argv[loadArg + 1] ?? '');
    return;
  }
  const rowArg = process.argv.indexOf('--row');
  if (rowArg >= 0) {
    await runChild(process.argv[rowArg + 1] ?? '');
    return;
  }
  const rows = selected();
  console.log(`一键上报 bench — node ${process.version}, ${new Date().toISOString()}`);
  console.log('Every figure is a ratio against a baseline measured in this same run; each row runs in a fresh process.\n');
  const outcomes: Outcome[] = [];
  for (const entry of rows) {
    const outcome = runInChild(entry);
    outcomes.push(outcome);
    print(outcome);
  }
  console.log('| # | what | measured | baseline (same run) | target | met |');
  console.log('|---|---|---|---|---|---|');
  for (const o of outcomes) {
    const measured = o.result ? o.result.figure : 'failed';
    const versus = o.result ? `${o.baseline}: ${o.result.versus}` : o.baseline;
    console.log(
      `| ${o.id} | ${cell(o.what)} | ${cell(measured)} | ${cell(versus)} | ${cell(o.target)} | ${o.result ? verdict(o.result.meets) : '**failed**'} |`,
    );
  }
  if (outcomes.some((o) => o.result === null)) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
