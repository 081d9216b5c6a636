// Which declared index serves a query. The stand-in answers every query by scanning (mingo), so
// it would never notice a query that makes TCB scan a whole collection; with `enforceIndexes`
// it refuses such queries instead. The rule is MongoDB's equality–sort–range one: an index serves
// a query when its leading fields are exactly the query's equality fields (in any order, `$in`
// counting as equality), followed by the sort fields in order (all in the index's direction or
// all reversed), or, without a sort, by one of the range fields. `_id` equality is always served.

import { isPlainObject, type Doc } from './ejson';

export type SortSpec = Record<string, 1 | -1>;
export type IndexFields = ReadonlyArray<readonly [string, 1 | -1]>;

export interface QueryShape {
  readonly equality: ReadonlySet<string>;
  readonly range: ReadonlySet<string>;
  readonly sort: ReadonlyArray<readonly [string, 1 | -1]>;
}

const EQUALITY_OPS = new Set(['$eq', '$in']);

function addCondition(field: string, value: unknown, equality: Set<string>, range: Set<string>): void {
  if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
    for (const [op, operand] of Object.entries(value)) {
      if (EQUALITY_OPS.has(op)) equality.add(field);
      else if (op === '$and' && Array.isArray(operand)) for (const part of operand) addCondition(field, part, equality, range);
      else range.add(field);
    }
    return;
  }
  equality.add(field);
}

/**
 * The shapes of a query, one per branch of a top-level `$or` (each branch needs an index of its
 * own, as in MongoDB).
 */
export function queryShapes(query: Doc, order: SortSpec | undefined): QueryShape[] {
  const sort = Object.entries(order ?? {}) as Array<[string, 1 | -1]>;
  const branches: Doc[][] = [[]];
  const common: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === '$or' && Array.isArray(value)) {
      const next: Doc[][] = [];
      for (const base of branches) for (const alt of value) if (isPlainObject(alt)) next.push([...base, alt]);
      branches.splice(0, branches.length, ...next);
    } else if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) for (const branch of branches) branch.push(part);
    } else {
      common[key] = value;
    }
  }
  return branches.map((parts) => {
    const equality = new Set<string>();
    const range = new Set<string>();
    const walk = (doc: Doc): void => {
      for (const [field, value] of Object.entries(doc)) {
        if (field === '$and' && Array.isArray(value)) value.forEach((p) => isPlainObject(p) && walk(p));
        else if (field.startsWith('$')) range.add(field);
        else addCondition(field, value, equality, range);
      }
    };
    walk(common);
    parts.forEach(walk);
    return { equality, range, sort };
  });
}

function sameDirection(index: IndexFields, from: number, sort: QueryShape['sort']): boolean {
  let sign: 1 | -1 | 0 = 0;
  for (let i = 0; i < sort.length; i++) {
    const at = index[from + i];
    const wanted = sort[i];
    if (!at || !wanted || at[0] !== wanted[0]) return false;
    const s = at[1] === wanted[1] ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/** Whether `index` serves one query shape. */
export function serves(index: IndexFields, shape: QueryShape): boolean {
  const k = shape.equality.size;
  if (index.length < k) return false;
  for (let i = 0; i < k; i++) {
    const field = index[i]?.[0];
    if (field === undefined || !shape.equality.has(field)) return false;
  }
  const sort = shape.sort.filter(([field]) => !shape.equality.has(field));
  if (sort.length > 0) return sameDirection(index, k, sort);
  if (shape.range.size > 0) {
    const next = index[k]?.[0];
    return next !== undefined && shape.range.has(next);
  }
  return true;
}

const ID_INDEX: IndexFields = [['_id', 1]];

/** Undefined when some declared index (or `_id`) serves every branch; else a description of what is missing. */
export function unservedReason(query: Doc, order: SortSpec | undefined, indexes: readonly IndexFields[]): string | undefined {
  for (const shape of queryShapes(query, order)) {
    if (shape.equality.has('_id')) continue;
    if (shape.equality.size === 0 && shape.range.size === 0 && shape.sort.length === 0) continue;
    if ([ID_INDEX, ...indexes].some((index) => serves(index, shape))) continue;
    const sort = shape.sort.map(([f, d]) => `${f} ${d === 1 ? 'asc' : 'desc'}`).join(', ');
    return `equality [${[...shape.equality].join(', ')}] range [${[...shape.range].join(', ')}] sort [${sort}]`;
  }
  return undefined;
}
