// A bench row: one figure of issue 12's table, measured against a baseline in the same run (absolute
// times on a shared machine are noise; ratios are not). Each row is its own module; rows.ts lists them.

export interface RowResult {
  /** What was measured, e.g. "0.42 µs a lookup (p50 0.38 µs, p99 1.9 µs)". */
  readonly figure: string;
  /** The baseline and the ratio against it, e.g. "naive 610 µs → 1,450×". */
  readonly versus: string;
  /** Whether the target is met; null when there is nothing to judge (pending). */
  readonly meets: boolean | null;
  /** Extra lines printed under the row (sizes, counts, sub-figures). */
  readonly notes?: readonly string[];
}

export interface BenchRow {
  /** B1 … B12, or a name; BENCH_ONLY=B1,B7 picks rows by it. */
  readonly id: string;
  readonly what: string;
  readonly baseline: string;
  readonly target: string;
  run(): Promise<RowResult>;
}

/** A row the lead fills in after the core rework (issue 7): it prints as pending, never as met. */
export function pendingRow(id: string, what: string, baseline: string, target: string): BenchRow {
  return {
    id,
    what,
    baseline,
    target,
    run: async () => ({ figure: 'pending (needs issue 7)', versus: '—', meets: null }),
  };
}
