// The committed state of the local database: collections of documents in natural (insertion)
// order, the implicit unique `_id` index plus declared unique indexes (a missing field indexes as
// null, so only one document may lack it), and per document the sequence number of its last
// committed change, so a transaction can tell whether a document changed after it started.

import { CloudError } from './errors';
import { clone, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { idKeyOf, type IdKey } from './id-key';
import { SecondaryIndex } from './sorted-index';

export interface UniqueIndexSpec {
  readonly fields: readonly string[];
}

function indexName(fields: readonly string[]): string {
  return fields.map((f) => `${f}_1`).join('_');
}

function scalarKey(value: unknown): string {
  if (value === undefined || value === null) return 'n';
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `d${value === 0 ? 0 : value}`;
    case 'boolean':
      return value ? 'b1' : 'b0';
    default:
      if (value instanceof Date) return `t${value.getTime()}`;
      return `o${encodeEJSON(value)}`;
  }
}

/** Values a path reaches, MongoDB multikey style: arrays on the way fan out, a missing field is undefined. */
function valuesAt(value: unknown, segments: readonly string[], index: number, out: unknown[]): void {
  const segment = segments[index];
  if (segment === undefined) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      for (const element of value) out.push(element);
    } else {
      out.push(value);
    }
    return;
  }
  if (Array.isArray(value)) {
    if (/^\d+$/.test(segment)) {
      valuesAt(value[Number(segment)], segments, index + 1, out);
      return;
    }
    if (value.length === 0) out.push(undefined);
    for (const element of value) valuesAt(element, segments, index, out);
    return;
  }
  if (isPlainObject(value)) {
    valuesAt(value[segment], segments, index + 1, out);
    return;
  }
  out.push(undefined);
}

class UniqueIndex {
  readonly name: string;
  readonly owners = new Map<string, IdKey>();
  private readonly paths: readonly (readonly string[])[];

  constructor(readonly fields: readonly string[]) {
    this.name = indexName(fields);
    this.paths = fields.map((f) => f.split('.'));
  }

  keysOf(doc: Doc): string[] {
    let keys = [''];
    for (const path of this.paths) {
      const found: unknown[] = [];
      valuesAt(doc, path, 0, found);
      const distinct = [...new Set(found.map(scalarKey))];
      const next: string[] = [];
      for (const prefix of keys) for (const k of distinct) next.push(prefix === '' ? k : `${prefix}\u0002${k}`);
      keys = next;
    }
    return keys;
  }

  describe(doc: Doc): string {
    const parts = this.fields.map((field) => {
      const found: unknown[] = [];
      valuesAt(doc, field.split('.'), 0, found);
      return `${field}: ${encodeEJSON(found[0] ?? null)}`;
    });
    return `{ ${parts.join(', ')} }`;
  }
}

export class Collection {
  readonly docs = new Map<IdKey, Doc>();
  readonly indexes: UniqueIndex[] = [];
  /** Every declared index (unique or not), for the query planner (indexes.ts). */
  readonly declared: Array<ReadonlyArray<readonly [string, 1 | -1]>> = [];
  /** Natural-order position of each document: the order `docs` iterates in (a replace keeps it). */
  readonly order = new Map<IdKey, number>();
  private nextSeq = 0;
  /** Sorted indexes built so far (planner.ts builds one when a query first needs it). */
  readonly secondary = new Map<string, SecondaryIndex>();
  constructor(readonly name: string) {}

  /** The natural-order position for a document entering the collection now. */
  place(key: IdKey): number {
    let seq = this.order.get(key);
    if (seq === undefined) {
      this.nextSeq += 1;
      seq = this.nextSeq;
      this.order.set(key, seq);
    }
    return seq;
  }

  /** The sorted index over `fields`, built from the documents on first use and kept exact after. */
  secondaryIndex(fields: ReadonlyArray<readonly [string, 1 | -1]>): SecondaryIndex {
    const name = JSON.stringify(fields);
    let index = this.secondary.get(name);
    if (!index) {
      index = new SecondaryIndex(fields);
      const order = this.order;
      index.build(
        (function* entries(docs: Map<IdKey, Doc>): Generator<[IdKey, Doc, number]> {
          for (const [key, doc] of docs) yield [key, doc, order.get(key) ?? 0];
        })(this.docs),
      );
      this.secondary.set(name, index);
    }
    return index;
  }

  /** Drops every document and every built sorted index (they are rebuilt on demand). */
  empty(): void {
    this.docs.clear();
    this.order.clear();
    this.secondary.clear();
  }
}

/** One document's transition; `before`/`after` undefined mean "absent". */
export interface Change {
  readonly collection: string;
  readonly key: IdKey;
  readonly after: Doc | undefined;
  /** An insert: refused when the id already exists instead of replacing. */
  readonly insert?: boolean;
}

const duplicateKey = (collection: string, index: string, dup: string): CloudError =>
  new CloudError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${dup}`);

export interface StoreFile {
  readonly format: 'local-cloud';
  readonly version: 1;
  readonly collections: Record<string, { readonly uniqueIndexes: UniqueIndexSpec[]; readonly docs: Doc[] }>;
}

export class Store {
  private readonly collections = new Map<string, Collection>();
  /** Sequence number of the last committed change of each document, by collection and key (a map per collection: no key string per document). */
  private readonly changedAt = new Map<string, Map<IdKey, number>>();
  private seq = 0;
  /** Called after every committed mutation (persistence schedules a save). */
  onMutate: () => void = () => undefined;
  /** Called with a document's committed state just before a change replaces it (transaction snapshots). */
  onBeforeChange: (collection: string, key: IdKey, before: Doc | undefined) => void = () => undefined;

  get(name: string): Collection | undefined {
    return this.collections.get(name);
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  ensure(name: string): Collection {
    let coll = this.collections.get(name);
    if (!coll) {
      coll = new Collection(name);
      this.collections.set(name, coll);
      this.onMutate();
    }
    return coll;
  }

  names(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** The number of the last committed change batch; grows with every apply. */
  sequence(): number {
    return this.seq;
  }

  /** The sequence number of the document's last committed change (0 if never changed here). */
  lastChange(collection: string, key: IdKey): number {
    return this.changedAt.get(collection)?.get(key) ?? 0;
  }

  private changesOf(collection: string): Map<IdKey, number> {
    let changes = this.changedAt.get(collection);
    if (!changes) {
      changes = new Map();
      this.changedAt.set(collection, changes);
    }
    return changes;
  }

  /** Declares an index the query planner may use (uniqueness is declared with ensureUniqueIndex). */
  declareIndex(collection: string, fields: ReadonlyArray<readonly [string, 1 | -1]>): void {
    if (fields.length === 0) throw new Error('declareIndex needs at least one field');
    const coll = this.ensure(collection);
    const key = JSON.stringify(fields);
    if (!coll.declared.some((d) => JSON.stringify(d) === key)) coll.declared.push(fields.map(([f, d]) => [f, d] as const));
  }

  ensureUniqueIndex(collection: string, fields: readonly string[]): void {
    if (fields.length === 0) throw new Error('ensureUniqueIndex needs at least one field');
    const coll = this.ensure(collection);
    this.declareIndex(
      collection,
      fields.map((f) => [f, 1] as const),
    );
    const name = indexName(fields);
    if (coll.indexes.some((i) => i.name === name)) return;
    const index = new UniqueIndex(fields);
    for (const [key, doc] of coll.docs) {
      for (const k of index.keysOf(doc)) {
        if (index.owners.has(k)) throw duplicateKey(collection, name, index.describe(doc));
        index.owners.set(k, key);
      }
    }
    coll.indexes.push(index);
    this.onMutate();
  }

  /** Applies all changes or none: `_id` and unique indexes are checked against the result first. */
  apply(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    const byCollection = new Map<string, Change[]>();
    for (const change of changes) {
      const list = byCollection.get(change.collection);
      if (list) list.push(change);
      else byCollection.set(change.collection, [change]);
    }
    for (const [name, list] of byCollection) this.validate(this.collections.get(name), name, list);
    this.seq += 1;
    for (const [name, list] of byCollection) {
      const coll = this.ensure(name);
      for (const change of list) this.applyOne(coll, change);
    }
    this.onMutate();
  }

  private validate(coll: Collection | undefined, name: string, changes: readonly Change[]): void {
    const touched = new Set<IdKey>();
    for (const change of changes) {
      if (change.insert && (touched.has(change.key) || coll?.docs.has(change.key))) {
        throw duplicateKey(name, '_id_', `{ _id: ${encodeEJSON(change.after?._id ?? null)} }`);
      }
      touched.add(change.key);
    }
    if (!coll) return;
    for (const index of coll.indexes) {
      const claimed = new Map<string, { key: IdKey; doc: Doc }>();
      for (const change of changes) {
        if (!change.after) continue;
        for (const k of index.keysOf(change.after)) {
          const other = claimed.get(k);
          if (other !== undefined && other.key !== change.key) throw duplicateKey(name, index.name, index.describe(change.after));
          claimed.set(k, { key: change.key, doc: change.after });
        }
      }
      for (const [k, claim] of claimed) {
        const existing = index.owners.get(k);
        if (existing !== undefined && existing !== claim.key && !touched.has(existing)) {
          throw duplicateKey(name, index.name, index.describe(claim.doc));
        }
      }
    }
  }

  private applyOne(coll: Collection, change: Change): void {
    const before = coll.docs.get(change.key);
    this.onBeforeChange(coll.name, change.key, before);
    for (const index of coll.indexes) {
      if (before) for (const k of index.keysOf(before)) if (index.owners.get(k) === change.key) index.owners.delete(k);
      if (change.after) for (const k of index.keysOf(change.after)) index.owners.set(k, change.key);
    }
    const seq = coll.order.get(change.key);
    if (before && seq !== undefined) for (const sorted of coll.secondary.values()) sorted.remove(before, seq, change.key);
    if (change.after) {
      const at = coll.place(change.key);
      for (const sorted of coll.secondary.values()) sorted.add(change.after, at, change.key);
      coll.docs.set(change.key, change.after);
    } else {
      coll.docs.delete(change.key);
      coll.order.delete(change.key);
    }
    this.changesOf(coll.name).set(change.key, this.seq);
  }

  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.ensure(name);
    return true;
  }

  /** Drops all documents; every collection stays (empty) with its indexes, as emptying one on TCB does. */
  clear(): void {
    this.seq += 1;
    for (const [name, coll] of this.collections) {
      const changes = this.changesOf(name);
      for (const key of coll.docs.keys()) changes.set(key, this.seq);
      coll.empty();
      for (const index of coll.indexes) index.owners.clear();
    }
    this.onMutate();
  }

  snapshot(): Record<string, Doc[]> {
    const out: Record<string, Doc[]> = {};
    for (const name of this.names()) {
      const coll = this.collections.get(name);
      if (coll) out[name] = [...coll.docs.values()].map((d) => clone(d));
    }
    return out;
  }

  toFile(): StoreFile {
    const collections: Record<string, { uniqueIndexes: UniqueIndexSpec[]; docs: Doc[] }> = {};
    for (const [name, coll] of this.collections) {
      collections[name] = { uniqueIndexes: coll.indexes.map((i) => ({ fields: [...i.fields] })), docs: [...coll.docs.values()] };
    }
    return { format: 'local-cloud', version: 1, collections };
  }

  load(file: unknown): void {
    if (!isPlainObject(file) || file.format !== 'local-cloud' || !isPlainObject(file.collections)) {
      throw new Error('local cloud data file is not in the expected format');
    }
    for (const [name, raw] of Object.entries(file.collections)) {
      if (!isPlainObject(raw) || !Array.isArray(raw.docs)) throw new Error(`local cloud data file: bad collection ${name}`);
      const coll = this.ensure(name);
      for (const doc of raw.docs) {
        const key = isPlainObject(doc) ? idKeyOf(doc._id) : undefined;
        if (key === undefined || !isPlainObject(doc)) throw new Error(`local cloud data file: bad document in ${name}`);
        coll.place(key);
        coll.docs.set(key, doc);
      }
      coll.secondary.clear();
      if (Array.isArray(raw.uniqueIndexes)) {
        for (const spec of raw.uniqueIndexes) {
          if (isPlainObject(spec) && Array.isArray(spec.fields) && spec.fields.every((f): f is string => typeof f === 'string')) {
            this.ensureUniqueIndex(name, spec.fields);
          }
        }
      }
    }
  }
}
