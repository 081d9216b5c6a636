// Sliding-window limits per key in `rateLimits` (one document per key holding the recent hits),
// counted in a transaction on that one document — a key belongs to one person, so contention
// stays with them. report.submit counts its own limit inside the creating transaction instead.
import { admitHit } from '../../domain/rate-limit';
import type { RateLimiter } from '../../ports';
import { COLLECTION } from './collections';
import { database, type Database } from './sdk';
import { txGet, withTransaction, type Tx } from './transaction';

/** Records a hit if the window has room; false (nothing written) when it is full. */
export async function hitInTransaction(tx: Tx, key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
  const doc = await txGet(tx, COLLECTION.rateLimits, key);
  const hits = (Array.isArray(doc?.hits) ? (doc.hits as unknown[]) : []).map((h) =>
    h instanceof Date ? h.getTime() : Number(new Date(String(h))),
  );
  const next = admitHit(hits, now.getTime(), windowMs, max);
  if (next === null) return false;
  await tx
    .collection(COLLECTION.rateLimits)
    .doc(key)
    .set({ data: { hits: next.map((t) => new Date(t)) } });
  return true;
}

export class CloudRateLimiter implements RateLimiter {
  constructor(private readonly db: Database = database()) {}

  hit(key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
    return withTransaction(this.db, (tx) => hitInTransaction(tx, key, max, windowMs, now));
  }
}
