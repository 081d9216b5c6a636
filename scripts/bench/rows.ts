// The rows of `npm run bench`, in the order of issue 12's table. A new row is a module exporting a
// BenchRow (types.ts), listed here with its loader: each row runs in a process of its own (a fresh
// heap, no other row's libraries loaded), so one row's state never shows in another's figures.
import type { BenchRow } from './types';

export interface RowEntry {
  readonly id: string;
  readonly load: () => Promise<BenchRow>;
  /** Node flags for the row's process: rows that hold 100k+ documents get a larger young generation (less GC churn) and heap. */
  readonly flags?: readonly string[];
}

/** The rows that seed the local cloud with 100,000 tickets or more (B10 collects the seeding's garbage before it measures). */
const DATA_HEAVY = ['--max-semi-space-size=64', '--max-old-space-size=8192', '--expose-gc'];

export const ROWS: readonly RowEntry[] = [
  { id: 'B1', load: async () => (await import('./b01-grid-lookup')).b01 },
  { id: 'B2', load: async () => (await import('./b02-routing-agreement')).b02 },
  { id: 'B3', load: async () => (await import('./b03-nearest')).b03 },
  { id: 'B4', load: async () => (await import('./b04-cold-load')).b04 },
  { id: 'B5', load: async () => (await import('./b05-cold-init')).b05 },
  { id: 'B6', load: async () => (await import('./b06-stats')).b06, flags: [...DATA_HEAVY, '--max-old-space-size=14336'] },
  { id: 'B7', load: async () => (await import('./b07-deadlines')).b07 },
  { id: 'B8', load: async () => (await import('./b08-sweep')).b08, flags: DATA_HEAVY },
  { id: 'B9', load: async () => (await import('./b09-deep-pages')).b09, flags: DATA_HEAVY },
  { id: 'B10', load: async () => (await import('./b10-load')).b10, flags: DATA_HEAVY },
  { id: 'B11', load: async () => (await import('./b11-package-size')).b11 },
  { id: 'B12', load: async () => (await import('./b12-set-data')).b12 },
  { id: 'contention', load: async () => (await import('./contention')).contention },
];
