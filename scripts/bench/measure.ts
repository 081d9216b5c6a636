// Timing helpers for the bench. Every figure is a median of repeated passes after a warm-up
// pass (so the JIT has compiled what it will run), and results go to a sink so no call is elided.
// Passes are timed in CPU time of this process (process.cpuUsage), not wall time: the machine is
// shared, and a pass that another process preempts would otherwise count the other's work.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A full collection before a timed round, so no round pays for an earlier round's garbage. */
export function collectGarbage(): void {
  gc();
}

let sink = 0;
/** Keeps results observable so the optimiser cannot drop the calls that made them. */
export function consume(value: unknown): void {
  if (value !== null && value !== undefined) sink += 1;
}
export function sinkValue(): number {
  return sink;
}

/** CPU µs (user + system) since `from`, or since process start. */
function cpuMicros(from?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return used.user + used.system;
}

/** A pass shorter than this is repeated within its round: CPU time is counted in microseconds. */
const MIN_ROUND_MICROS = 30_000;

/**
 * Mean µs a call over all items, in CPU time: the median of `rounds` rounds after one warm-up
 * pass; a round repeats the pass until it lasts MIN_ROUND_MICROS.
 */
export function meanMicros<T>(items: readonly T[], run: (item: T) => unknown, rounds = 5, warmUp = true): number {
  const pass = (): void => {
    for (const item of items) consume(run(item));
  };
  let repeat = 1;
  if (warmUp) {
    const start = process.cpuUsage();
    pass();
    repeat = Math.max(1, Math.ceil(MIN_ROUND_MICROS / Math.max(1, cpuMicros(start))));
  }
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    collectGarbage();
    const start = process.cpuUsage();
    for (let k = 0; k < repeat; k += 1) pass();
    samples.push(cpuMicros(start) / (repeat * items.length));
  }
  return median(samples);
}

/**
 * Two passes over the same `count` items — each a plain loop written for its side, so no shared
 * call site makes either slower — timed in alternating rounds (CPU time), so both meet the same
 * machine (a shared one changes by the second). The ratio is the median of the per-pair ratios.
 */
export function comparePasses(
  count: number,
  fast: () => unknown,
  slow: () => unknown,
  pairs = 7,
): { fast: number; slow: number; ratio: number } {
  const timeOf = (pass: () => unknown, repeat: number): number => {
    collectGarbage();
    const start = process.cpuUsage();
    for (let k = 0; k < repeat; k += 1) consume(pass());
    return cpuMicros(start) / (repeat * count);
  };
  // Warm both up, then size the fast side's rounds to last as long as MIN_ROUND_MICROS.
  timeOf(fast, 3);
  timeOf(slow, 1);
  const repeat = Math.max(1, Math.ceil(MIN_ROUND_MICROS / Math.max(1, timeOf(fast, 1) * count)));
  const fastRounds: number[] = [];
  const slowRounds: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < pairs; k += 1) {
    const f = timeOf(fast, repeat);
    const s = timeOf(slow, 1);
    fastRounds.push(f);
    slowRounds.push(s);
    ratios.push(s / f);
  }
  return { fast: median(fastRounds), slow: median(slowRounds), ratio: median(ratios) };
}

/** µs of every call timed on its own, less the timer's own cost; sorted ascending. */
export function perCallMicros<T>(items: readonly T[], run: (item: T) => unknown): Float64Array {
  const overhead: number[] = [];
  for (let i = 0; i < 10_000; i += 1) {
    const t0 = performance.now();
    overhead.push(performance.now() - t0);
  }
  const timer = median(overhead);
  const out = new Float64Array(items.length);
  items.forEach((item, i) => {
    const t0 = performance.now();
    consume(run(item));
    out[i] = Math.max(0, (performance.now() - t0 - timer) * 1000);
  });
  return out.sort();
}

export function percentile(sorted: Float64Array | readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Median CPU ms of `runs` calls (after one warm-up call). */
export function medianMs(runs: number, fn: () => unknown): number {
  consume(fn());
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    collectGarbage();
    const start = process.cpuUsage();
    consume(fn());
    samples.push(cpuMicros(start) / 1000);
  }
  return median(samples);
}

/** Median wall ms of `runs` calls (after one warm-up call): for work that waits on I/O. */
export async function medianMsAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  consume(await fn());
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    consume(await fn());
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** 0.00064, 0.42, 3.1, 27, 1,450: about three significant figures, thousands grouped. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs > 0 && abs < 0.01) return x.toPrecision(2);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const ratio = (x: number): string => `${num(x)}×`;
export const kb = (bytes: number): string => `${num(bytes / 1024)} KB`;

/**
 * Median CPU ms of `runs` awaited calls (after one warm-up call), for work that this process does
 * on both sides of a loopback round trip (the functions and the embedded local cloud share it):
 * the process's CPU time, not wall time, so another process's work on a shared machine never counts.
 */
export async function medianCpuMsAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  consume(await fn());
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    consume(await fn());
    samples.push(cpuMicros(start) / 1000);
  }
  return median(samples);
}

/** Alternating rounds of two awaited calls, in CPU ms: medians of each and of the per-round ratios b / a. */
export async function compareCpuAsync(
  rounds: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ a: number; b: number; ratio: number }> {
  consume(await a());
  consume(await b());
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    let start = process.cpuUsage();
    consume(await a());
    const ta = cpuMicros(start) / 1000;
    start = process.cpuUsage();
    consume(await b());
    const tb = cpuMicros(start) / 1000;
    as.push(ta);
    bs.push(tb);
    ratios.push(tb / ta);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}
