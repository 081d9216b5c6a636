// A full, compacting collection, for a process that has just bulk-loaded (the bench's seeding):
// the garbage of the load leaves the old space fragmented — at 100,000 tickets some 700 MB of
// holes beside 500 MB of data — and every young-generation collection after that pays for the
// pages it walks (6.1 ms a scavenge at an 8 MB semi-space vs 3.0 ms once compacted). A server that
// has been up a while has compacted long since. Needs --expose-gc; does nothing without it.
import { setFlagsFromString } from 'node:v8';

export function collectAndCompact(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
