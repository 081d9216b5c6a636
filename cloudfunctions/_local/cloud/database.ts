// The CloudBase database operations with MongoDB semantics (mingo): what each request of the
// SDK's protocol does to the store, including TCB's row caps (get: 100 by default, 1000 at most;
// aggregate: 20 without $limit), `updated` counting modified documents only, transactions
// restricted to single-document operations (transactions.ts), plain writes that wait for a
// transaction's lock, and — with `enforceIndexes` — queries no declared index serves refused.

import { randomBytes } from 'node:crypto';
import { Aggregator, Query, update as applyModifier } from 'mingo';
import { Context } from 'mingo/core';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import { Query as BareQuery } from 'mingo/query';
import { CloudError, collectionNotFound } from './errors';
import { clone, encodeEJSON, isPlainObject, wireCopy, type Doc } from './ejson';
import { unservedReason, type SortSpec } from './indexes';
import { QueryPlanner } from './planner';
import { idKeyOf, type IdKey } from './id-key';
import type { Change, Collection, Store } from './store';
import type { Transactions } from './transactions';

export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;
export const DEFAULT_AGGREGATE_LIMIT = 20;

/** The row cap TCB applies to a get: 100 without a limit, never more than 1000. */
export function effectiveLimit(limit: number | undefined): number {
  return limit !== undefined && limit > 0 ? Math.min(Math.floor(limit), MAX_GET_LIMIT) : DEFAULT_GET_LIMIT;
}

export type { SortSpec } from './indexes';

export interface FindRequest {
  readonly query: Doc;
  readonly order?: SortSpec;
  readonly offset?: number;
  readonly limit?: number;
  readonly projection?: Doc;
  readonly transactionId?: string;
  readonly byId: boolean;
}

export interface ModifyRequest {
  readonly query: Doc;
  readonly data: Doc;
  readonly multi: boolean;
  readonly merge: boolean;
  readonly upsert: boolean;
  readonly transactionId?: string;
  readonly byId: boolean;
}

export interface RemoveRequest {
  readonly query: Doc;
  readonly multi: boolean;
  readonly transactionId?: string;
  readonly byId: boolean;
}

/** TCB-style ids: 32 lowercase hex characters, drawn from a pooled random buffer. */
class IdGenerator {
  private pool = Buffer.alloc(0);
  private offset = 0;
  next(): string {
    if (this.offset + 16 > this.pool.length) {
      this.pool = randomBytes(16 * 512);
      this.offset = 0;
    }
    const id = this.pool.toString('hex', this.offset, this.offset + 16);
    this.offset += 16;
    return id;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof RegExp || b instanceof RegExp) return a instanceof RegExp && b instanceof RegExp && String(a) === String(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  // Field order is part of a BSON document: reordering fields is a modification.
  return ka.every((k, i) => k === kb[i] && deepEqual((a as Doc)[k], (b as Doc)[k]));
}

function isOperatorDoc(data: Doc): boolean {
  for (const key in data) if (key.charCodeAt(0) !== 36) return false;
  return true;
}

/** Top-level equality conditions, which MongoDB copies into a document created by an upsert. */
function equalityFields(query: Doc): Doc {
  const seed: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) continue;
    seed[key] = value;
  }
  return seed;
}

export interface LocalDatabaseOptions {
  readonly requireCollections: boolean;
  /** Refuse queries that no declared index (or _id) serves, instead of scanning quietly. */
  readonly enforceIndexes: boolean;
  /** Answer queries from the declared indexes where they narrow exactly (default); false reads every document. */
  readonly useIndexes?: boolean;
}

/** Queries that evaluate expressions ($expr and the like) and need mingo's whole operator set. */
const EXPRESSIONS = /"\$(expr|where|function|jsonSchema)"/;

/**
 * The operators a find or a match uses: the query ones, and the projection ones for `field()`
 * (inclusion, exclusion, $slice, $elemMatch: what the SDK's field() sends; an expression in a
 * projection is refused, as TCB's field() takes none). mingo copies every table of a query's context
 * into each query it compiles; its full context holds some 300 operators (expressions,
 * accumulators, stages), which made compiling a query cost more than most matches — and most of
 * the local cloud's garbage.
 */
const QUERY_CONTEXT = Context.init({ query: queryOperators, projection: projectionOperators });

export class LocalDatabase {
  private readonly ids = new IdGenerator();
  readonly planner = new QueryPlanner();
  /** Whether queries are answered from the declared indexes (a bench can switch it off for its baseline). */
  useIndexes: boolean;

  constructor(
    readonly store: Store,
    readonly transactions: Transactions,
    private readonly options: LocalDatabaseOptions,
  ) {
    this.useIndexes = options.useIndexes !== false;
  }

  private readable(name: string): Collection | undefined {
    const coll = this.store.get(name);
    if (!coll && this.options.requireCollections) throw collectionNotFound(name);
    return coll;
  }

  private writable(name: string): void {
    if (this.options.requireCollections && !this.store.has(name)) throw collectionNotFound(name);
  }

  private checkIndex(collection: string, query: Doc, order: SortSpec | undefined): void {
    if (!this.options.enforceIndexes) return;
    const reason = unservedReason(query, order, this.store.get(collection)?.declared ?? []);
    if (reason !== undefined) {
      throw new CloudError('DATABASE_REQUEST_FAILED', `[local cloud] no declared index of ${collection} serves this query: ${reason}`);
    }
  }

  /** A plain write waits while a live transaction holds any document it would touch. */
  private async waitForLocks(collection: string, keys: readonly IdKey[]): Promise<boolean> {
    const locked = keys.filter((key) => this.transactions.isLocked(collection, key));
    if (locked.length === 0) return false;
    await this.transactions.whenUnlocked(collection, locked);
    return true;
  }

  private static noServerDate(transactionId: string | undefined, serverDate: boolean): void {
    if (transactionId !== undefined && serverDate) {
      throw new CloudError('DATABASE_REQUEST_FAILED', 'serverDate is not supported inside a transaction; pass the time as a value');
    }
  }

  private matcher(query: Doc): (doc: Doc) => boolean {
    let empty = true;
    for (const _key in query) {
      empty = false;
      break;
    }
    if (empty) return () => true;
    const q = this.compiled(query);
    return (doc) => q.test(doc);
  }

  /** Compiled queries by their text: compiling copies the operator tables of its context. */
  private readonly queries = new Map<string, BareQuery>();
  /**
   * The texts of queries compiled once and not kept: most queries name one person, grid or
   * ticket and never come again, and a compiled query kept in the cache outlives the young
   * generation — each the garbage collector copies, then promotes, then collects in the old one.
   * A query is kept once it comes a second time.
   */
  private readonly seenOnce = new Set<string>();
  /**
   * The query compiled last, for the next operation with the same text. Every operation compiles
   * its query once now, but B10 without this entry ran worse in all seven runs measured: 18–85
   * GC pauses on the server's main thread during the minute instead of 8 (four runs with it), and
   * that thread's heap at 85 MB instead of 120. Why has not been found; it stays until it is.
   */
  private last: { readonly text: string; readonly query: BareQuery } | undefined;

  private compiled(query: Doc): BareQuery {
    const text = encodeEJSON(query);
    // Expressions may read $$NOW, which a compiled query fixes on first use: never reuse those,
    // and give them every operator (their expressions may use any).
    if (EXPRESSIONS.test(text)) return new Query(query);
    if (this.last?.text === text) return this.last.query;
    const found = this.kept(query, text);
    this.last = { text, query: found };
    return found;
  }

  /** From the cache of queries seen twice, or compiled afresh (and remembered as seen). */
  private kept(query: Doc, text: string): BareQuery {
    let found = this.queries.get(text);
    if (found) {
      this.queries.delete(text);
      this.queries.set(text, found);
      return found;
    }
    found = new BareQuery(query, { context: QUERY_CONTEXT });
    if (!this.seenOnce.has(text)) {
      this.seenOnce.add(text);
      if (this.seenOnce.size > 5000) this.seenOnce.clear();
      return found;
    }
    this.seenOnce.delete(text);
    this.queries.set(text, found);
    if (this.queries.size > 500) {
      const oldest = this.queries.keys().next().value;
      if (oldest !== undefined) this.queries.delete(oldest);
    }
    return found;
  }

  private static onlyId(query: Doc): boolean {
    let keys = 0;
    for (const key in query) {
      keys += 1;
      if (key !== '_id' || keys > 1) return false;
    }
    return keys === 1 && idKeyOf(query._id) !== undefined;
  }

  private static projects(projection: Doc | undefined): boolean {
    if (!projection) return false;
    for (const _key in projection) return true;
    return false;
  }

  /**
   * Candidate documents in natural order: an `_id` equality from the id map, else what the
   * declared indexes narrow the query to (planner.ts), else every document. With `order` and
   * `need` (skip + limit) a sorted read may stop early; mingo still filters and sorts the rest.
   * `matches` is the caller's own compiled query (the planner tests documents with it).
   */
  private candidates(coll: Collection | undefined, query: Doc, matches: (doc: Doc) => boolean, order?: SortSpec, need?: number): Doc[] {
    if (!coll) return [];
    const key = idKeyOf(query._id);
    if (key !== undefined) {
      const doc = coll.docs.get(key);
      return doc ? [doc] : [];
    }
    if (this.useIndexes) {
      const narrowed = this.planner.candidates(coll, query, matches, order, need);
      if (narrowed !== undefined) return narrowed;
    }
    return [...coll.docs.values()];
  }

  private idKeyFromQuery(query: Doc): IdKey {
    const key = idKeyOf(query._id);
    if (key === undefined) throw new CloudError('INVALID_PARAM', 'a document operation needs an _id of type string or number');
    return key;
  }

  private requireSingleDoc(byId: boolean): void {
    if (!byId) {
      throw new CloudError(
        'DATABASE_REQUEST_FAILED',
        'transactions only support single-document operations (doc().get/update/set/remove and add); where() and aggregate() are not allowed',
      );
    }
  }

  private prepareInsert(raw: unknown): { key: IdKey; doc: Doc } {
    if (!isPlainObject(raw)) throw new CloudError('INVALID_PARAM', 'each inserted document must be an object');
    // MongoDB stores _id as the first field whatever the order it was given in.
    const { _id: given, ...rest } = raw;
    const doc: Doc = { _id: given === undefined || given === null ? this.ids.next() : given, ...rest };
    const key = idKeyOf(doc._id);
    if (key === undefined) throw new CloudError('INVALID_PARAM', '_id must be a non-empty string or a number');
    return { key, doc };
  }

  async insert(collection: string, docs: readonly unknown[], transactionId?: string, serverDate = false): Promise<unknown[]> {
    if (transactionId !== undefined) this.transactions.check(transactionId);
    LocalDatabase.noServerDate(transactionId, serverDate);
    this.writable(collection);
    const prepared = docs.map((d) => this.prepareInsert(d));
    if (transactionId !== undefined) {
      for (const { key, doc } of prepared) {
        if (this.transactions.view(transactionId, collection, key)) {
          throw new CloudError(
            'DATABASE_DUPLICATE_WRITE',
            `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${encodeEJSON(doc._id)} }`,
          );
        }
        this.transactions.lock(transactionId, collection, key);
        this.transactions.write(transactionId, collection, key, doc);
      }
    } else {
      await this.waitForLocks(
        collection,
        prepared.map(({ key }) => key),
      );
      this.store.apply(prepared.map(({ key, doc }): Change => ({ collection, key, after: doc, insert: true })));
    }
    return prepared.map(({ doc }) => doc._id);
  }

  async find(collection: string, req: FindRequest): Promise<Doc[]> {
    // Compiled on first use only: a read by id never needs it.
    let compiled: BareQuery | undefined;
    const query = (): BareQuery => (compiled ??= this.compiled(req.query));
    let source: Doc[];
    if (req.transactionId !== undefined) {
      this.transactions.check(req.transactionId);
      this.requireSingleDoc(req.byId);
      this.readable(collection);
      const key = this.idKeyFromQuery(req.query);
      // Reads take no lock: the snapshot of the transaction's start, plus its own writes.
      const doc = this.transactions.view(req.transactionId, collection, key);
      source = doc ? [doc] : [];
    } else {
      const coll = this.readable(collection);
      if (!req.byId) this.checkIndex(collection, req.query, req.order);
      const limit = effectiveLimit(req.limit);
      const offset = req.offset !== undefined && req.offset > 0 ? Math.floor(req.offset) : 0;
      source = this.candidates(coll, req.query, (doc) => query().test(doc), req.order, offset + limit);
    }
    const limit = effectiveLimit(req.limit);
    const offset = req.offset !== undefined && req.offset > 0 ? Math.floor(req.offset) : 0;
    // A read of one document by its id (doc().get(), where({ _id })) is the document itself:
    // the id map found it, there is nothing to filter, project or sort.
    if (this.useIndexes && offset === 0 && LocalDatabase.onlyId(req.query) && !LocalDatabase.projects(req.projection))
      return source.slice(0, limit);
    const cursor = query().find<Doc>(source, req.projection ?? {});
    if (req.order && Object.keys(req.order).length > 0) cursor.sort(req.order);
    if (offset > 0) cursor.skip(offset);
    return cursor.limit(limit).all();
  }

  count(collection: string, query: Doc): number {
    const coll = this.readable(collection);
    this.checkIndex(collection, query, undefined);
    const matches = this.matcher(query);
    let total = 0;
    for (const doc of this.candidates(coll, query, matches)) if (matches(doc)) total++;
    return total;
  }

  /** The document after the update, or undefined when the update leaves it as it was. */
  private updated(before: Doc, data: Doc, merge: boolean, query: Doc): Doc | undefined {
    if (!merge) {
      const { _id: _ignored, ...rest } = data;
      const after: Doc = { _id: before._id, ...rest };
      return deepEqual(before, after) ? undefined : after;
    }
    const modifier = isOperatorDoc(data) ? data : this.asSet(data);
    const after = clone(before);
    const changed = applyModifier(after, modifier, undefined, query, { cloneMode: 'deep' });
    return changed.length > 0 ? after : undefined;
  }

  private asSet(data: Doc): Doc {
    const $set: Doc = {};
    const ops: Doc = {};
    for (const [key, value] of Object.entries(data)) {
      if (key.startsWith('$')) ops[key] = value;
      else $set[key] = value;
    }
    return { ...ops, $set: { ...(isPlainObject(ops.$set) ? ops.$set : {}), ...$set } };
  }

  private upserted(query: Doc, data: Doc, merge: boolean): Doc {
    const seed = equalityFields(query);
    let doc: Doc;
    if (merge) {
      doc = clone(seed);
      applyModifier(doc, isOperatorDoc(data) ? data : this.asSet(data), undefined, undefined, { cloneMode: 'deep' });
    } else {
      const { _id: _ignored, ...rest } = data;
      doc = { ...rest };
      if (seed._id !== undefined) doc = { _id: seed._id, ...doc };
    }
    if (doc._id === undefined) doc = { _id: this.ids.next(), ...doc };
    return doc;
  }

  async modify(collection: string, req: ModifyRequest, serverDate = false): Promise<{ updated: number; upsertId?: unknown; doc?: Doc }> {
    if (req.transactionId !== undefined) {
      this.transactions.check(req.transactionId);
      LocalDatabase.noServerDate(req.transactionId, serverDate);
      return this.modifyInTransaction(collection, req, req.transactionId);
    }
    if (!req.byId) this.checkIndex(collection, req.query, undefined);
    const matches = this.matcher(req.query);
    for (;;) {
      // Wait for any lock on the documents it would change, then decide on fresh data.
      const keys = this.matchingKeys(collection, req.query, matches, req.multi);
      const idKey = idKeyOf(req.query._id);
      if (idKey !== undefined && !keys.includes(idKey)) keys.push(idKey);
      if (!(await this.waitForLocks(collection, keys))) break;
    }
    return this.modifyNow(collection, req, matches);
  }

  private matchingKeys(collection: string, query: Doc, matches: (doc: Doc) => boolean, multi: boolean): IdKey[] {
    const coll = this.store.get(collection);
    const keys: IdKey[] = [];
    for (const doc of this.candidates(coll, query, matches)) {
      if (!matches(doc)) continue;
      const key = idKeyOf(doc._id);
      if (key !== undefined) keys.push(key);
      if (!multi) break;
    }
    return keys;
  }

  private modifyNow(
    collection: string,
    req: ModifyRequest,
    matches: (doc: Doc) => boolean,
  ): { updated: number; upsertId?: unknown; doc?: Doc } {
    const coll = this.store.get(collection);
    if (!coll) {
      if (!req.upsert) {
        this.readable(collection);
        return { updated: 0 };
      }
      this.writable(collection);
    }
    const changes: Change[] = [];
    let matched = 0;
    let lastDoc: Doc | undefined;
    for (const doc of this.candidates(coll, req.query, matches)) {
      if (!matches(doc)) continue;
      matched++;
      const after = this.updated(doc, req.data, req.merge, req.query);
      lastDoc = after ?? doc;
      const key = idKeyOf(doc._id);
      if (after && key !== undefined) changes.push({ collection, key, after });
      if (!req.multi) break;
    }
    if (matched === 0 && req.upsert) {
      const doc = this.upserted(req.query, req.data, req.merge);
      const key = idKeyOf(doc._id);
      if (key === undefined) throw new CloudError('INVALID_PARAM', '_id must be a non-empty string or a number');
      this.store.apply([{ collection, key, after: doc, insert: true }]);
      return { updated: 0, upsertId: doc._id, doc };
    }
    this.store.apply(changes);
    return { updated: changes.length, doc: lastDoc };
  }

  private modifyInTransaction(collection: string, req: ModifyRequest, transactionId: string): { updated: number; upsertId?: unknown } {
    this.requireSingleDoc(req.byId);
    this.writable(collection);
    const key = this.idKeyFromQuery(req.query);
    const before = this.transactions.view(transactionId, collection, key);
    if (!before) {
      if (!req.upsert) return { updated: 0 };
      const doc = this.upserted(req.query, req.data, req.merge);
      this.transactions.lock(transactionId, collection, key);
      this.transactions.write(transactionId, collection, key, doc);
      return { updated: 0, upsertId: doc._id };
    }
    // A write takes the lock even when it changes nothing, as a write call does on TCB.
    this.transactions.lock(transactionId, collection, key);
    const after = this.updated(before, req.data, req.merge, req.query);
    if (!after) return { updated: 0 };
    this.transactions.write(transactionId, collection, key, after);
    return { updated: 1 };
  }

  async remove(collection: string, req: RemoveRequest): Promise<number> {
    if (req.transactionId !== undefined) {
      this.transactions.check(req.transactionId);
      this.requireSingleDoc(req.byId);
      this.readable(collection);
      const key = this.idKeyFromQuery(req.query);
      if (!this.transactions.view(req.transactionId, collection, key)) return 0;
      this.transactions.lock(req.transactionId, collection, key);
      this.transactions.write(req.transactionId, collection, key, undefined);
      return 1;
    }
    this.readable(collection);
    if (!req.byId) this.checkIndex(collection, req.query, undefined);
    const matches = this.matcher(req.query);
    while (await this.waitForLocks(collection, this.matchingKeys(collection, req.query, matches, req.multi))) {
      // the documents may have changed while we waited: match again
    }
    const coll = this.store.get(collection);
    const changes: Change[] = [];
    for (const doc of this.candidates(coll, req.query, matches)) {
      if (!matches(doc)) continue;
      const key = idKeyOf(doc._id);
      if (key !== undefined) changes.push({ collection, key, after: undefined });
      if (!req.multi) break;
    }
    this.store.apply(changes);
    return changes.length;
  }

  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    const coll = this.readable(collection);
    const head = pipeline[0];
    const match = head && isPlainObject(head.$match) ? head.$match : {};
    const sortStage = pipeline.find((stage) => isPlainObject(stage.$sort));
    this.checkIndex(
      collection,
      match,
      head && isPlainObject(head.$match) && sortStage === pipeline[1] ? (sortStage?.$sort as SortSpec | undefined) : undefined,
    );
    let stages = pipeline.some((stage) => '$limit' in stage) ? pipeline : [...pipeline, { $limit: DEFAULT_AGGREGATE_LIMIT }];
    let docs = coll ? [...coll.docs.values()] : [];
    // mingo's $addFields/$unset on dotted paths modify their input in place, so the pipeline runs
    // on copies; a leading $match filters first so that only matching documents are copied.
    const first = stages[0];
    if (first && Object.keys(first).length === 1 && isPlainObject(first.$match)) {
      const matches = this.matcher(first.$match);
      docs = this.candidates(coll, first.$match, matches).filter(matches);
      stages = stages.slice(1);
    }
    const aggregator = new Aggregator(stages, {
      collectionResolver: (name) => [...(this.store.get(name)?.docs.values() ?? [])].map((d) => clone(d)),
    });
    return aggregator.run<Doc>(docs.map((d) => clone(d)));
  }

  /**
   * Bulk load, as a restore would: each document passes the wire format (EJSON) as an insert
   * does, then all are inserted at once — duplicate `_id`s and unique indexes checked, all or
   * nothing. Plain writes wait for transaction locks as inserts do.
   */
  async importDocuments(collection: string, docs: readonly unknown[]): Promise<number> {
    this.writable(collection);
    const prepared = docs.map((d) => this.prepareInsert(wireCopy(d)));
    await this.waitForLocks(
      collection,
      prepared.map(({ key }) => key),
    );
    this.store.apply(prepared.map(({ key, doc }): Change => ({ collection, key, after: doc, insert: true })));
    return prepared.length;
  }

  createCollection(name: string): void {
    if (!this.store.createCollection(name)) {
      throw new CloudError(
        'DATABASE_COLLECTION_ALREADY_EXIST',
        `[ResourceInUse] Table exist: ${name}. Please check your request, but if the problem persists, contact us.`,
      );
    }
  }
}
