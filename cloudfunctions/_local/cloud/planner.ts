// How the local cloud answers a query from its declared indexes instead of reading every
// document. The planner only narrows: it picks the index whose leading fields the query's
// equalities fix (`$in` counting), then a range or the sort on the next field, reads the matching
// stretches of the sorted entries, and hands the documents found — in natural order — to mingo,
// which still filters, sorts, skips and limits exactly as over the whole collection. A sorted
// query with a limit walks the index in sort order and stops once it holds the first rows and
// every row tied with the last. Whenever an index cannot say exactly what mingo would match
// (nested arrays, mixed kinds of values, a field missing in some documents for a sort) the
// planner answers "scan", so results are the scan's, byte for byte, ties included.

import { isPlainObject, type Doc } from './ejson';
import type { SortSpec } from './indexes';
import { classOf, compareValues, type Entry, type Position, type SecondaryIndex, type ValueClass } from './sorted-index';
import type { Collection, IdKey } from './store';

interface Bound {
  readonly value: unknown;
  readonly inclusive: boolean;
  readonly cls: ValueClass;
}

interface FieldCondition {
  eq?: unknown[];
  lo?: Bound;
  hi?: Bound;
}

type Conditions = Map<string, FieldCondition>;

const SIMPLE: ReadonlySet<ValueClass> = new Set(['string', 'number', 'boolean', 'date']);
const isSimple = (value: unknown): boolean => SIMPLE.has(classOf(value));

const hasOperator = (value: Doc): boolean => Object.keys(value).some((k) => k.startsWith('$'));

function condition(into: Conditions, field: string): FieldCondition {
  let found = into.get(field);
  if (!found) {
    found = {};
    into.set(field, found);
  }
  return found;
}

/** Adds the conjuncts of one field's condition; anything it cannot narrow by is left to mingo. */
function addFieldCondition(into: Conditions, field: string, value: unknown): void {
  if (isPlainObject(value) && hasOperator(value)) {
    for (const [op, operand] of Object.entries(value)) {
      switch (op) {
        case '$eq':
          if (isSimple(operand)) addEquality(into, field, [operand]);
          break;
        case '$in':
          if (Array.isArray(operand) && operand.every(isSimple)) addEquality(into, field, operand);
          break;
        case '$gt':
        case '$gte':
          if (isSimple(operand)) condition(into, field).lo ??= { value: operand, inclusive: op === '$gte', cls: classOf(operand) };
          break;
        case '$lt':
        case '$lte':
          if (isSimple(operand)) condition(into, field).hi ??= { value: operand, inclusive: op === '$lte', cls: classOf(operand) };
          break;
        case '$and':
          if (Array.isArray(operand)) for (const part of operand) if (isPlainObject(part)) addFieldCondition(into, field, part);
          break;
        default:
          break;
      }
    }
    return;
  }
  if (isSimple(value)) addEquality(into, field, [value]);
}

/** Any one conjunct narrows soundly; the shorter list of values narrows more. */
function addEquality(into: Conditions, field: string, values: readonly unknown[]): void {
  const found = condition(into, field);
  const distinct = distinctValues(values);
  if (!found.eq || distinct.length < found.eq.length) found.eq = distinct;
}

function distinctValues(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const value of values) {
    const cls = classOf(value);
    const key = `${cls}:${cls === 'date' ? (value as Date).getTime() : String(value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** The conjunction of a query's top-level conditions, and the alternatives of a top-level $or. */
function parseQuery(query: Doc, into: Conditions, alternatives: Doc[][]): void {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and') {
      if (Array.isArray(value)) for (const part of value) if (isPlainObject(part)) parseQuery(part, into, alternatives);
    } else if (key === '$or') {
      if (Array.isArray(value) && value.every(isPlainObject)) alternatives.push(value as Doc[]);
    } else if (!key.startsWith('$')) {
      addFieldCondition(into, key, value);
    }
  }
}

const ID_INDEX: ReadonlyArray<readonly [string, 1 | -1]> = [['_id', 1]];

interface Choice {
  readonly fields: ReadonlyArray<readonly [string, 1 | -1]>;
  readonly prefix: number;
  readonly range: boolean;
  /** Walk in sort order: forward (the index's directions) or backward; null = no walk. */
  readonly walk: 'forward' | 'backward' | null;
  readonly sortFields: number;
}

/** The declared index that narrows most: longest equality prefix, then a walk, then a range. */
function choose(
  indexes: ReadonlyArray<ReadonlyArray<readonly [string, 1 | -1]>>,
  conds: Conditions,
  order: SortSpec | undefined,
): Choice | null {
  const sort = Object.entries(order ?? {}) as Array<[string, 1 | -1]>;
  let best: Choice | null = null;
  let bestScore = 0;
  for (const fields of indexes) {
    let prefix = 0;
    while (prefix < fields.length && conds.get((fields[prefix] as readonly [string, 1 | -1])[0])?.eq) prefix += 1;
    const next = fields[prefix];
    const nextCond = next ? conds.get(next[0]) : undefined;
    const range = nextCond !== undefined && (nextCond.lo !== undefined || nextCond.hi !== undefined);
    let walk: Choice['walk'] = null;
    if (sort.length > 0 && sort.every(([f]) => !conds.get(f)?.eq)) {
      let relation: 1 | -1 | 0 = 0;
      let fits = true;
      for (let j = 0; j < sort.length; j++) {
        const at = fields[prefix + j];
        const wanted = sort[j] as [string, 1 | -1];
        if (!at || at[0] !== wanted[0]) {
          fits = false;
          break;
        }
        const r = at[1] === wanted[1] ? 1 : -1;
        if (relation === 0) relation = r;
        else if (relation !== r) {
          fits = false;
          break;
        }
      }
      if (fits) walk = relation === 1 ? 'forward' : 'backward';
    }
    const score = prefix * 4 + (walk ? 2 : 0) + (range ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { fields, prefix, range, walk, sortFields: walk ? sort.length : 0 };
    }
  }
  return best;
}

/** At most this many equality tuples (the product of the `$in` lists) are looked up. */
const MAX_TUPLES = 1000;

function tuplesOf(lists: readonly (readonly unknown[])[]): unknown[][] {
  let out: unknown[][] = [[]];
  for (const list of lists) {
    const next: unknown[][] = [];
    for (const tuple of out) for (const value of list) next.push([...tuple, value]);
    out = next;
  }
  return out;
}

export type Matcher = (doc: Doc) => boolean;

interface Stretch {
  readonly from: Position;
  readonly to: Position;
}

export class QueryPlanner {
  /** Queries answered from an index, and queries that read every document (for tests and the bench). */
  readonly stats = { indexed: 0, scanned: 0 };

  /**
   * The documents that can match `query`, in natural order — or undefined when no index narrows
   * it exactly (the caller reads every document). With `order` and `need` (skip + limit) a
   * sorted query may stop early: what it answers then still holds the first `need` rows in
   * mingo's order and every row tied with the last of them.
   */
  candidates(coll: Collection, query: Doc, matches: Matcher, order?: SortSpec, need?: number): Doc[] | undefined {
    const conds: Conditions = new Map();
    const alternatives: Doc[][] = [];
    parseQuery(query, conds, alternatives);
    const indexes = [ID_INDEX, ...coll.declared];
    const keys = this.plan(coll, indexes, conds, order, need, matches);
    if (keys !== undefined) return this.inNaturalOrder(coll, keys);
    // A top-level $or: the union of its branches, when every branch is narrowed by an index.
    const [branches] = alternatives;
    if (alternatives.length === 1 && branches && branches.length > 0) {
      const union = new Map<IdKey, number>();
      for (const branch of branches) {
        const branchConds: Conditions = new Map([...conds].map(([f, c]) => [f, { ...c }]));
        const nested: Doc[][] = [];
        parseQuery(branch, branchConds, nested);
        const found = this.plan(coll, indexes, branchConds, undefined, undefined, matches);
        if (found === undefined) {
          this.stats.scanned += 1;
          return undefined;
        }
        for (const [key, seq] of found) union.set(key, seq);
      }
      return this.inNaturalOrder(coll, union);
    }
    this.stats.scanned += 1;
    return undefined;
  }

  private inNaturalOrder(coll: Collection, keys: Map<IdKey, number>): Doc[] {
    this.stats.indexed += 1;
    const pairs = [...keys];
    pairs.sort((a, b) => a[1] - b[1]);
    const out: Doc[] = [];
    for (const [key] of pairs) {
      const doc = coll.docs.get(key);
      if (doc) out.push(doc);
    }
    return out;
  }

  /** Keys (with natural order) of the candidates, or undefined = scan. */
  private plan(
    coll: Collection,
    indexes: ReadonlyArray<ReadonlyArray<readonly [string, 1 | -1]>>,
    conds: Conditions,
    order: SortSpec | undefined,
    need: number | undefined,
    matches: Matcher,
  ): Map<IdKey, number> | undefined {
    const choice = choose(indexes, conds, order);
    if (!choice) return undefined;
    const index = coll.secondaryIndex(choice.fields);
    if (index.oversized > 0) return undefined;

    // What the index can narrow exactly, given the kinds of values it holds.
    let prefix = 0;
    while (prefix < choice.prefix && index.exactForEquality(prefix)) prefix += 1;
    const lists = choice.fields.slice(0, prefix).map(([f]) => conds.get(f)?.eq ?? []);
    let product = lists.reduce((n, l) => n * l.length, 1);
    while (product > MAX_TUPLES && prefix > 0) {
      prefix -= 1;
      lists.pop();
      product = lists.reduce((n, l) => n * l.length, 1);
    }
    const atNext = prefix === choice.prefix;
    const nextField = choice.fields[prefix];
    const nextCond = nextField ? conds.get(nextField[0]) : undefined;
    let range: { lo?: Bound; hi?: Bound } | null = null;
    if (atNext && choice.range && nextCond && index.stats[prefix]?.multikeyDocs === 0) {
      const sole = index.soleClass(prefix);
      const fits = (b: Bound | undefined): boolean => b === undefined || b.cls === sole;
      if (sole !== null && fits(nextCond.lo) && fits(nextCond.hi)) range = { lo: nextCond.lo, hi: nextCond.hi };
    }
    let walk = atNext ? choice.walk : null;
    if (walk !== null) {
      for (let j = 0; j < choice.sortFields; j++) {
        if (index.soleClass(prefix + j) === null || index.stats[prefix + j]?.multikeyDocs !== 0) walk = null;
      }
    }
    if (need === undefined) walk = null;
    if (prefix === 0 && range === null && walk === null) return undefined;

    const stretches = tuplesOf(lists).map((tuple) => this.stretch(index, choice.fields, tuple, range));
    if (walk !== null && need !== undefined)
      return this.walk(coll, index, choice.fields, prefix, choice.sortFields, stretches, walk === 'backward', need, matches);
    const keys = new Map<IdKey, number>();
    for (const { from, to } of stretches) for (const e of index.entries.range(from, to)) keys.set(e.key, e.seq);
    return keys;
  }

  /** The stretch of entries with the equality tuple as prefix (and the range on the next field). */
  private stretch(
    index: SecondaryIndex,
    fields: ReadonlyArray<readonly [string, 1 | -1]>,
    tuple: readonly unknown[],
    range: { lo?: Bound; hi?: Bound } | null,
  ): Stretch {
    const k = tuple.length;
    const dir = (i: number): number => (fields[i] as readonly [string, 1 | -1])[1];
    const comparePrefix = (e: Entry): number => {
      for (let i = 0; i < k; i++) {
        const c = compareValues(e.v[i], tuple[i]) * dir(i);
        if (c !== 0) return c;
      }
      return 0;
    };
    // In index order, the range's first and last bounds (a descending field swaps them).
    const first = range ? (dir(k) === 1 ? range.lo : range.hi) : undefined;
    const last = range ? (dir(k) === 1 ? range.hi : range.lo) : undefined;
    const from = index.entries.lowerBound((e) => {
      const c = comparePrefix(e);
      if (c !== 0) return c < 0;
      if (!first) return false;
      const d = compareValues(e.v[k], first.value) * dir(k);
      return d < 0 || (d === 0 && !first.inclusive);
    });
    const to = index.entries.lowerBound((e) => {
      const c = comparePrefix(e);
      if (c !== 0) return c < 0;
      if (!last) return true;
      const d = compareValues(e.v[k], last.value) * dir(k);
      return d < 0 || (d === 0 && last.inclusive);
    });
    return { from, to };
  }

  /**
   * Merges the stretches in sort order, keeping documents that match, until it holds `need` of
   * them and every further entry tied with the last one kept (mingo breaks ties by natural order,
   * so all tied rows must reach it).
   */
  private walk(
    coll: Collection,
    index: SecondaryIndex,
    fields: ReadonlyArray<readonly [string, 1 | -1]>,
    prefix: number,
    sortFields: number,
    stretches: readonly Stretch[],
    backward: boolean,
    need: number,
    matches: Matcher,
  ): Map<IdKey, number> {
    const sign = backward ? -1 : 1;
    const compareSort = (a: Entry, b: Entry): number => {
      for (let j = prefix; j < prefix + sortFields; j++) {
        const c = compareValues(a.v[j], b.v[j]) * (fields[j] as readonly [string, 1 | -1])[1];
        if (c !== 0) return c * sign;
      }
      return 0;
    };
    const streams = stretches.map((s) => index.entries.range(s.from, s.to, backward));
    const heads: Array<Entry | undefined> = streams.map((s) => s.next().value ?? undefined);
    const seen = new Set<IdKey>();
    const kept = new Map<IdKey, number>();
    let boundary: Entry | undefined;
    for (;;) {
      let at = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        if (head === undefined) continue;
        const current = at < 0 ? undefined : heads[at];
        if (current === undefined || compareSort(head, current) < 0) at = i;
      }
      if (at < 0) break;
      const entry = heads[at] as Entry;
      heads[at] = streams[at]?.next().value ?? undefined;
      if (boundary !== undefined && compareSort(entry, boundary) !== 0) break;
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      const doc = coll.docs.get(entry.key);
      if (!doc || !matches(doc)) continue;
      kept.set(entry.key, entry.seq);
      if (boundary === undefined && kept.size >= need) boundary = entry;
    }
    return kept;
  }
}
