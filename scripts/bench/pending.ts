// Rows that measure the cloud core under TCB's transaction rules: the lead adds them after the
// issue-7 rework (ticket numbers without a shared counter, figures out of the ticket transaction,
// the list query on duty/areas keys). Until then they print as pending, never as met.
import { pendingRow } from './types';

export const b05 = pendingRow(
  'B5',
  'cloud function cold init (fresh process: require + init + first call)',
  'the same handler from unbundled node_modules',
  '≤ 0.7×',
);
export const b06 = pendingRow(
  'B6',
  '`stats.summary` for a district over a year of 900k tickets',
  'a scan of the ticket documents',
  '≥ 20× faster, ≤ 400 documents read',
);
export const b08 = pendingRow(
  'B8',
  'SLA sweep, 100k open tickets, 10k of them overdue at once',
  'one manual escalate × overdue count',
  'reads only the overdue ones; 10k within one 60 s run, or each run < 50 s and nothing handled twice',
);
export const b09 = pendingRow('B9', '`queue.list` / `report.mine` page 500 vs page 1 over 100k tickets', 'page 1', '≤ 1.5×');
export const b10 = pendingRow(
  'B10',
  'local server under load on loopback, 60 s: 5 submits/s + 100 reads/s, 100k tickets',
  '—',
  'p99 submit ≤ 20 ms, 0 errors',
);
// Named in the brief, not in the table: its figure and target come with the rework.
export const contention = pendingRow(
  'contention',
  'writes under contention (TCB: a conflicting write fails at the call)',
  '—',
  'set with issue 7',
);
