// A ticket's timeline cannot be rewritten unnoticed: every entry the store writes carries
// `prevHash` (the hash of the entry before it) and `hash` (an HMAC of the ticket id, prevHash and
// its own content), and the ticket carries `timelineSeal`, an HMAC of its entry count and last
// hash, so dropping the newest entry shows too. The store adds entries only at the end: a save
// whose earlier entries differ from the stored ones is refused before anything is written.
//
// Why here, in the store adapter, with node:crypto, and keyed: the hash guards what is stored (the
// stored shape, dates as ISO strings), so it belongs where documents are written, and the domain
// stays pure and unaware of it. A plain SHA-256 chain could be recomputed by anyone able to edit
// the database; an HMAC under a key derived from APP_SECRET (which lives in the functions'
// environment, not in the database) cannot. Tickets stored before the chain existed keep their
// old entries as they were: their chain starts at the first hashed entry.
import { createHmac } from 'node:crypto';
import type { TimelineRecord } from '../../domain/types';
import { appSecret, derivedKey } from '../runtime/secret';
import { COLLECTION } from './collections';
import { docs } from './results';
import type { Database } from './sdk';

/** The fields the chain adds to a stored entry; everything else in the entry is its content. */
const CHAIN_FIELDS: ReadonlySet<string> = new Set(['hash', 'prevHash']);

export class TimelineRewriteError extends Error {
  constructor(index: number) {
    super(`timeline entries are append-only: entry ${index} differs from the stored one`);
    this.name = 'TimelineRewrite';
  }
}

/** A save onto a stored timeline whose chain does not hold (edited in the database): never built on. */
export class TimelineTamperedError extends Error {
  constructor(ticketId: string, verdict: { index: number; problem: string }) {
    super(`timeline of ticket ${ticketId} fails its chain (${verdict.problem} at entry ${verdict.index}); not writing onto it`);
    this.name = 'TimelineTampered';
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A stable text of a value: keys sorted, dates as ISO strings, undefined left out (as the database does). */
export function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (isPlain(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** An entry's content: every field but the chain's own. */
export function contentOf(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !CHAIN_FIELDS.has(k)));
}

export class TimelineChain {
  private readonly key: Buffer;

  constructor(secret: string = appSecret()) {
    this.key = derivedKey(secret, 'timeline-chain');
  }

  hashOf(ticketId: string, prevHash: string | null, entry: Record<string, unknown>): string {
    return createHmac('sha256', this.key)
      .update(`entry\n${ticketId}\n${prevHash ?? ''}\n${canonical(contentOf(entry))}`)
      .digest('hex');
  }

  sealOf(ticketId: string, count: number, lastHash: string | null): string {
    return createHmac('sha256', this.key)
      .update(`seal\n${ticketId}\n${count}\n${lastHash ?? ''}`)
      .digest('hex');
  }

  /**
   * The timeline to store: the stored entries exactly as they are, then the new ones, each hashed
   * onto the one before. Refuses (TimelineRewriteError) when `next` does not begin with the stored
   * entries' content, or is shorter.
   */
  append(
    ticketId: string,
    stored: readonly unknown[],
    next: readonly TimelineRecord[],
  ): { timeline: Array<Record<string, unknown>>; timelineSeal: string } {
    if (next.length < stored.length) throw new TimelineRewriteError(next.length);
    const kept = stored.map((raw, i) => {
      const entry = isPlain(raw) ? raw : {};
      if (canonical(contentOf(entry)) !== canonical(contentOf(next[i] as unknown as Record<string, unknown>)))
        throw new TimelineRewriteError(i);
      return { ...entry };
    });
    const timeline: Array<Record<string, unknown>> = kept;
    let prev: string | null = lastHashOf(kept);
    for (const record of next.slice(stored.length)) {
      const content = contentOf({ ...(record as unknown as Record<string, unknown>) });
      const hash = this.hashOf(ticketId, prev, content);
      timeline.push({ ...content, prevHash: prev, hash });
      prev = hash;
    }
    return { timeline, timelineSeal: this.sealOf(ticketId, timeline.length, prev) };
  }

  /** Checks a stored ticket document's timeline: every hashed entry, the links between them, and the seal. */
  verify(doc: { _id: string; timeline?: unknown; timelineSeal?: unknown }): ChainVerdict {
    const entries = Array.isArray(doc.timeline) ? (doc.timeline as unknown[]) : [];
    let prev: string | null = null;
    let hashed = 0;
    let legacy = 0;
    for (let i = 0; i < entries.length; i += 1) {
      const raw = entries[i];
      const entry = isPlain(raw) ? raw : {};
      const hash = typeof entry.hash === 'string' ? entry.hash : null;
      if (hash === null) {
        // Entries older than the chain may stand only before its first hashed entry.
        if (hashed > 0) return { ok: false, index: i, problem: 'unhashed' };
        legacy += 1;
        continue;
      }
      const prevHash = typeof entry.prevHash === 'string' ? entry.prevHash : null;
      if (prevHash !== prev) return { ok: false, index: i, problem: 'broken-link' };
      if (this.hashOf(doc._id, prevHash, entry) !== hash) return { ok: false, index: i, problem: 'edited' };
      prev = hash;
      hashed += 1;
    }
    if (hashed === 0 && doc.timelineSeal === undefined) return { ok: true, hashed, legacy };
    if (doc.timelineSeal !== this.sealOf(doc._id, entries.length, prev)) return { ok: false, index: entries.length - 1, problem: 'seal' };
    return { ok: true, hashed, legacy };
  }
}

/**
 * What the verifier found: `edited` (an entry's content or hash changed), `broken-link` (an entry
 * before it was removed, inserted or moved), `unhashed` (an entry without a hash after the chain
 * began), `seal` (entries removed from or added at the end).
 */
export type ChainVerdict =
  { ok: true; hashed: number; legacy: number } | { ok: false; index: number; problem: 'edited' | 'broken-link' | 'unhashed' | 'seal' };

function lastHashOf(entries: ReadonlyArray<Record<string, unknown>>): string | null {
  const last = entries[entries.length - 1];
  return last && typeof last.hash === 'string' ? last.hash : null;
}

/** One ticket whose chain does not hold, as verifyStoredTimelines reports it. */
export interface BrokenTimeline {
  ticketId: string;
  index: number;
  problem: 'edited' | 'broken-link' | 'unhashed' | 'seal';
}

/**
 * The verifier over a whole database: walks the tickets collection by _id, a page at a time (the
 * primary key needs no other index), and checks each ticket's chain. Answers how many tickets it
 * read and every one whose timeline was edited, cut or reordered since it was written.
 */
export async function verifyStoredTimelines(
  db: Database,
  chain: TimelineChain = new TimelineChain(),
  pageSize = 100,
): Promise<{ checked: number; broken: BrokenTimeline[] }> {
  const broken: BrokenTimeline[] = [];
  let checked = 0;
  let after: string | null = null;
  for (;;) {
    const tickets = db.collection(COLLECTION.tickets);
    const query = after === null ? tickets : tickets.where({ _id: db.command.gt(after) });
    const page = await docs(query.orderBy('_id', 'asc').limit(pageSize).get());
    for (const doc of page) {
      if (typeof doc._id !== 'string') continue;
      checked += 1;
      const verdict = chain.verify(doc as Record<string, unknown> & { _id: string });
      if (!verdict.ok) broken.push({ ticketId: doc._id, index: verdict.index, problem: verdict.problem });
    }
    const last = page[page.length - 1];
    if (page.length < pageSize || typeof last?._id !== 'string') break;
    after = last._id;
  }
  return { checked, broken };
}
