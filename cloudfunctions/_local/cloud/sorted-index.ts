// The declared indexes, kept the way a database keeps them: per index, entries sorted field by
// field in the index's directions and then by natural order, one entry per value of a multikey
// field (arrays fan out, MongoDB style). An index is built the first time a query needs it and
// kept exact on every committed change after that. Per field it counts the kinds of values it
// holds, so the planner (planner.ts) knows when narrowing by it is exactly what mingo would match.

import { encodeEJSON, isPlainObject, type Doc } from './ejson';
import type { IdKey } from './id-key';

/** The kinds of indexed values: a field holding only one simple kind can be narrowed and walked. */
export type ValueClass = 'nullish' | 'number' | 'string' | 'boolean' | 'date' | 'complex';
const CLASSES: readonly ValueClass[] = ['nullish', 'number', 'string', 'boolean', 'date', 'complex'];

export function classOf(value: unknown): ValueClass {
  if (value === undefined || value === null) return 'nullish';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      // NaN and -0 sort and group differently in mingo than by `<`: leave them to the scan.
      return Number.isNaN(value) || Object.is(value, -0) ? 'complex' : 'number';
    case 'boolean':
      return 'boolean';
    default:
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'complex' : 'date';
      return 'complex';
  }
}

function rankOf(value: unknown): number {
  if (value === undefined || value === null) return 0;
  switch (typeof value) {
    case 'number':
      return 1;
    case 'string':
      return 2;
    case 'boolean':
      return 4;
    default:
      return value instanceof Date ? 5 : 3;
  }
}

/**
 * A total order over indexed values: by kind, then by value. Within one simple kind it is the
 * order mingo sorts and compares by (code units for strings, numeric, by time for dates).
 */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return 0;
    case 1: {
      const x = a as number;
      const y = b as number;
      if (x !== x) return y !== y ? 0 : -1; // NaN first, and equal to itself
      if (y !== y) return 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 2:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 4:
      return a === b ? 0 : a ? 1 : -1;
    case 5:
      return compareValues((a as Date).getTime(), (b as Date).getTime());
    default: {
      const x = encodeEJSON(a);
      const y = encodeEJSON(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** Values a path reaches, MongoDB multikey style; `multi` when an array fanned out on the way. */
export function indexValues(doc: Doc, segments: readonly string[]): { values: unknown[]; multi: boolean } {
  const out: unknown[] = [];
  let multi = false;
  const walk = (value: unknown, index: number): void => {
    if (index === segments.length) {
      if (Array.isArray(value)) {
        multi = true;
        if (value.length === 0) out.push(undefined);
        for (const element of value) out.push(element);
      } else {
        out.push(value);
      }
      return;
    }
    if (Array.isArray(value)) {
      multi = true;
      const segment = segments[index] ?? '';
      if (/^\d+$/.test(segment)) {
        // A positional path: mingo reads the element, and also fans out — leave it to the scan.
        out.push(value);
        return;
      }
      if (value.length === 0) out.push(undefined);
      for (const element of value) walk(element, index);
      return;
    }
    if (isPlainObject(value)) {
      walk(value[segments[index] ?? ''], index + 1);
      return;
    }
    out.push(undefined);
  };
  walk(doc, 0);
  return { values: out, multi };
}

export interface Entry {
  /** One value per index field. */
  readonly v: readonly unknown[];
  /** Natural-order position of the document (store.ts). */
  readonly seq: number;
  readonly key: IdKey;
}

export interface Position {
  block: number;
  index: number;
}

/** Entries in order, in blocks of at most 2·BLOCK, so an insert moves a few hundred slots at most. */
const BLOCK = 256;

export class SortedEntries {
  private blocks: Entry[][] = [];
  size = 0;

  constructor(private readonly compare: (a: Entry, b: Entry) => number) {}

  /** Replaces the content with `entries` (sorted here). */
  load(entries: Entry[]): void {
    entries.sort(this.compare);
    this.blocks = [];
    for (let i = 0; i < entries.length; i += BLOCK) this.blocks.push(entries.slice(i, i + BLOCK));
    this.size = entries.length;
  }

  /** The first position whose entry is not `before` (a predicate monotone over the order). */
  lowerBound(before: (e: Entry) => boolean): Position {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.blocks[mid] as Entry[];
      if (before(block[block.length - 1] as Entry)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.blocks.length) return { block: lo, index: 0 };
    const block = this.blocks[lo] as Entry[];
    let a = 0;
    let b = block.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (before(block[mid] as Entry)) a = mid + 1;
      else b = mid;
    }
    return { block: lo, index: a };
  }

  insert(entry: Entry): void {
    this.size += 1;
    if (this.blocks.length === 0) {
      this.blocks.push([entry]);
      return;
    }
    const at = this.lowerBound((e) => this.compare(e, entry) < 0);
    const blockIndex = Math.min(at.block, this.blocks.length - 1);
    const block = this.blocks[blockIndex] as Entry[];
    block.splice(at.block === this.blocks.length ? block.length : at.index, 0, entry);
    if (block.length > 2 * BLOCK) this.blocks.splice(blockIndex, 1, block.slice(0, BLOCK), block.slice(BLOCK));
  }

  /** Removes the entry equal to `entry` (same values, seq and key); false if absent. */
  remove(entry: Entry): boolean {
    const at = this.lowerBound((e) => this.compare(e, entry) < 0);
    const block = this.blocks[at.block];
    const found = block?.[at.index];
    if (!block || !found || this.compare(found, entry) !== 0) return false;
    block.splice(at.index, 1);
    if (block.length === 0) this.blocks.splice(at.block, 1);
    this.size -= 1;
    return true;
  }

  /** Entries from `from` (inclusive) to `to` (exclusive), forward or backward. */
  *range(from: Position, to: Position, backward = false): Generator<Entry> {
    if (!backward) {
      let { block, index } = from;
      while (block < to.block || (block === to.block && index < to.index)) {
        const current = this.blocks[block];
        if (!current) return;
        if (index >= current.length) {
          block += 1;
          index = 0;
          continue;
        }
        yield current[index] as Entry;
        index += 1;
      }
      return;
    }
    // Backward: start just before `to`, stop at `from`.
    let block = to.block;
    let index = to.index - 1;
    for (;;) {
      if (index < 0) {
        block -= 1;
        if (block < from.block || block < 0) return;
        index = (this.blocks[block]?.length ?? 0) - 1;
        continue;
      }
      if (block < from.block || (block === from.block && index < from.index)) return;
      const current = this.blocks[block];
      if (!current) return;
      if (index >= current.length) {
        index = current.length - 1;
        continue;
      }
      yield current[index] as Entry;
      index -= 1;
    }
  }

  *all(): Generator<Entry> {
    for (const block of this.blocks) yield* block;
  }
}

/** Counts of value kinds on one index field, and of documents whose value there fans out. */
export interface FieldStats {
  readonly classes: Record<ValueClass, number>;
  multikeyDocs: number;
}

const emptyClasses = (): Record<ValueClass, number> => ({ nullish: 0, number: 0, string: 0, boolean: 0, date: 0, complex: 0 });

/** At most this many entries for one document (the cartesian product of its multikey fields). */
const MAX_ENTRIES_PER_DOC = 10_000;

export class SecondaryIndex {
  readonly entries: SortedEntries;
  readonly stats: FieldStats[];
  private readonly paths: readonly (readonly string[])[];
  /** Documents whose fan-out is too large to index: the index is then unusable (the scan answers). */
  oversized = 0;

  constructor(readonly fields: ReadonlyArray<readonly [string, 1 | -1]>) {
    this.paths = fields.map(([f]) => f.split('.'));
    const dirs = fields.map(([, d]) => d);
    this.stats = fields.map(() => ({ classes: emptyClasses(), multikeyDocs: 0 }));
    this.entries = new SortedEntries((a, b) => {
      for (let i = 0; i < dirs.length; i++) {
        const c = compareValues(a.v[i], b.v[i]);
        if (c !== 0) return c * (dirs[i] as number);
      }
      return a.seq - b.seq;
    });
  }

  /** The entries of one document (deduplicated), updating the field statistics by `sign`. */
  private entriesOf(doc: Doc, seq: number, key: IdKey, sign: 1 | -1): Entry[] | null {
    let tuples: unknown[][] = [[]];
    for (let i = 0; i < this.paths.length; i++) {
      const { values, multi } = indexValues(doc, this.paths[i] as readonly string[]);
      const stats = this.stats[i] as FieldStats;
      if (multi) stats.multikeyDocs += sign;
      // Distinct values only: [a, a] is one entry.
      const distinct: unknown[] = [];
      for (const value of values)
        if (!distinct.some((d) => compareValues(d, value) === 0 && classOf(d) === classOf(value))) distinct.push(value);
      for (const value of distinct) stats.classes[classOf(value)] += sign;
      const next: unknown[][] = [];
      // concat allocates exactly the length it needs (a spread leaves growth room: twice the size, per entry kept).
      for (const tuple of tuples) for (const value of distinct) next.push(tuple.concat([value]));
      tuples = next;
      if (tuples.length > MAX_ENTRIES_PER_DOC) {
        this.oversized += sign;
        // Statistics of the remaining fields still count this document (nothing is indexed).
        for (let j = i + 1; j < this.paths.length; j++) {
          const rest = indexValues(doc, this.paths[j] as readonly string[]);
          if (rest.multi) (this.stats[j] as FieldStats).multikeyDocs += sign;
        }
        return null;
      }
    }
    return tuples.map((v) => ({ v, seq, key }));
  }

  build(docs: Iterable<[IdKey, Doc, number]>): void {
    const all: Entry[] = [];
    for (const [key, doc, seq] of docs) {
      const entries = this.entriesOf(doc, seq, key, 1);
      if (entries) for (const e of entries) all.push(e);
    }
    this.entries.load(all);
  }

  add(doc: Doc, seq: number, key: IdKey): void {
    const entries = this.entriesOf(doc, seq, key, 1);
    if (entries) for (const e of entries) this.entries.insert(e);
  }

  remove(doc: Doc, seq: number, key: IdKey): void {
    const entries = this.entriesOf(doc, seq, key, -1);
    if (entries) {
      for (const e of entries) {
        if (!this.entries.remove(e)) throw new Error(`[local cloud] index out of step: no entry for ${key}`);
      }
    }
  }

  /** The one simple kind field `i` holds in every document, or null when it holds several, none or others. */
  soleClass(i: number): ValueClass | null {
    const stats = this.stats[i];
    if (!stats) return null;
    const present = CLASSES.filter((cls) => stats.classes[cls] > 0);
    const [only] = present;
    return present.length === 1 && only !== undefined && only !== 'nullish' && only !== 'complex' ? only : null;
  }

  /** Whether a lookup of a simple value on field `i` finds every document mingo would match. */
  exactForEquality(i: number): boolean {
    return this.oversized === 0 && (this.stats[i]?.classes.complex ?? 1) === 0;
  }
}
