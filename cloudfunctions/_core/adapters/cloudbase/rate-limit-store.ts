// Sliding-window limits per key in `rateLimits`: one document per key holding its window as
// domain/rate-limit.ts keeps it (the last `max` hits, newest first, padded). A hit is one
// conditional update — "the oldest kept hit has left the window, the newest is not in the
// future, and this token is not among them" — that pushes the hit in front and drops the last:
// atomic on the one document, so parallel hits never overfill a window; beside it, the insert of
// a window holding just this hit, for a key without one. One round trip. Anything else (a full
// window, a token seen before, an older document shape) is settled in a transaction on that
// document. A key belongs to one person, so contention stays with them.
import { randomUUID } from 'node:crypto';
import { admit, normalWindow } from '../../domain/rate-limit';
import type { Admission, RateLimiter } from '../../ports';
import { COLLECTION } from './collections';
import { isDuplicateKey, updated } from './results';
import { database, type Database } from './sdk';
import { txGet, withTransaction } from './transaction';

export class CloudRateLimiter implements RateLimiter {
  constructor(private readonly db: Database = database()) {}

  async hit(key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
    return (await this.admit(key, randomUUID(), max, windowMs, now)) === 'admitted';
  }

  async admit(key: string, token: string, max: number, windowMs: number, now: Date): Promise<Admission> {
    const at = now.getTime();
    const _ = this.db.command;
    const quick = this.db
      .collection(COLLECTION.rateLimits)
      .where({ _id: key, [`hits.${max - 1}`]: _.lte(at - windowMs), 'hits.0': _.lte(at), tokens: _.neq(token) })
      .update({
        data: {
          // Numbers, not dates: the SDK sends `each` as it is, without its date encoding.
          hits: _.push({ each: [at], position: 0, slice: max }),
          tokens: _.push({ each: [token], position: 0, slice: max }),
        },
      });
    // Most people have no window yet (or it is long empty): its first hit inserts it, at the same
    // moment. At most one of the two takes: the insert only where there is no document, the
    // update only where the document has no hit of this token.
    const fresh = normalWindow([at], [token], max);
    const first = this.db.collection(COLLECTION.rateLimits).add({ data: { _id: key, hits: [...fresh.hits], tokens: [...fresh.tokens] } });
    const [pushed, inserted] = await Promise.allSettled([updated(quick), first]);
    if (pushed.status === 'fulfilled' && pushed.value === 1) return 'admitted';
    if (inserted.status === 'fulfilled') return 'admitted';
    if (pushed.status === 'rejected') throw pushed.reason;
    if (!isDuplicateKey(inserted.reason)) throw inserted.reason;
    return withTransaction(this.db, async (tx) => {
      const doc = await txGet(tx, COLLECTION.rateLimits, key);
      const stored = normalWindow(
        Array.isArray(doc?.hits) ? (doc.hits as unknown[]) : [],
        Array.isArray(doc?.tokens) ? (doc.tokens as unknown[]) : [],
        max,
      );
      const verdict = admit(stored, token, at, windowMs, max);
      if (verdict.kind !== 'admitted') return verdict.kind;
      const { hits, tokens } = verdict.next;
      await tx
        .collection(COLLECTION.rateLimits)
        .doc(key)
        .set({ data: { hits: [...hits], tokens: [...tokens] } });
      return 'admitted';
    });
  }
}
