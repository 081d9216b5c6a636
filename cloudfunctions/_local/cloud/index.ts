// The embedded local cloud: an HTTP stand-in for the CloudBase database API, so the unmodified
// wx-server-sdk database code (pinned: wx-server-sdk 4.0.2, @cloudbase/node-sdk 3.17.2,
// @cloudbase/database 1.4.3) runs on this machine with no network, with TCB's behaviours.

import type { Doc } from './ejson';
import { randomBytes } from 'node:crypto';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { LocalDatabase } from './database';
import { FilePersistence } from './persistence';
import { servePort } from './port-face';
import { serve, type RequestListener } from './server';
import { Store } from './store';
import type { LocalCloudOptions } from './options';
import { Transactions, type TransactionStats } from './transactions';

export type { Doc } from './ejson';
export type { RequestRecord, RequestListener } from './server';
export type { TransactionStats } from './transactions';
export type { LocalCloudOptions } from './options';
export { queryShapes, serves, unservedReason, type IndexFields } from './indexes';
export { DEFAULT_AGGREGATE_LIMIT, DEFAULT_GET_LIMIT, MAX_GET_LIMIT } from './database';
export { startLocalCloudThread, type ThreadedCloud, type ClockState } from './thread';
export { reachCloudThrough } from './port-requester';

export interface LocalCloud {
  /** The URL to hand to pointSdkAt: /{per-process token}/admin (any other path answers 403). */
  readonly url: string;
  readonly port: number;
  /** Stops the server, drops open transactions and writes the data file. */
  close(): Promise<void>;
  /** Removes every document (collections and their indexes stay, empty) and aborts open transactions. */
  reset(): void;
  /** A deep copy of every collection's documents in natural order, for "store unchanged" assertions. */
  snapshot(): Record<string, Doc[]>;
  collectionNames(): string[];
  /** Creates the collection (what the console or db.createCollection does on TCB). Returns false if it existed. */
  createCollection(name: string): boolean;
  /** Declares a unique index (compound when several fields). Throws if existing documents already collide. */
  ensureUniqueIndex(collection: string, fields: readonly string[]): void;
  /** Declares an index the query planner may use (see indexes.ts and `enforceIndexes`). */
  declareIndex(collection: string, fields: ReadonlyArray<readonly [string, 1 | -1]>): void;
  /** Transaction counters since start: write conflicts, plain writes that waited, commits. */
  transactionStats(): Readonly<TransactionStats>;
  /** Queries (reads, counts, where-writes) answered from an index, and those that read every document. */
  queryStats(): Readonly<{ indexed: number; scanned: number }>;
  /**
   * Bulk load straight into the store, as a restore would (each document through the wire
   * format; `_id` and unique indexes checked; all or nothing). For seeding large synthetic data.
   */
  importDocuments(collection: string, docs: readonly Doc[]): Promise<number>;
  /** Switches answering from indexes on or off (answers are the same; a bench measures the scan with it off). */
  useQueryIndexes(on: boolean): void;
  /**
   * Answers the database API on `port` as on the HTTP face (port-face.ts: a function instance in
   * a thread of its own reaches the cloud so, through reachCloudThrough). Closed with the cloud.
   */
  attachPort(port: MessagePort): void;
  /** A port this cloud answers on (attachPort of one end of a new channel; the other end is returned). */
  connect(): Promise<MessagePort>;
  /** Calls the listener after each answered request; returns the unsubscribe function. */
  onRequest(listener: RequestListener): () => void;
  /** Writes pending changes to the data file now (no-op without dataDir). */
  flush(): Promise<void>;
}

type Awaitable<T> = T | Promise<T>;

/**
 * What the local server needs of its cloud, in-process (LocalCloud) or in its own thread
 * (ThreadedCloud): the URL, the collections and indexes, bulk import, reset and close.
 */
export interface CloudAdmin {
  readonly url: string;
  close(): Promise<void>;
  reset(): Awaitable<void>;
  createCollection(name: string): Awaitable<boolean>;
  ensureUniqueIndex(collection: string, fields: readonly string[]): Awaitable<void>;
  declareIndex(collection: string, fields: ReadonlyArray<readonly [string, 1 | -1]>): Awaitable<void>;
  importDocuments(collection: string, docs: readonly Doc[]): Promise<number>;
  transactionStats(): Awaitable<Readonly<TransactionStats>>;
  snapshot(): Awaitable<Record<string, Doc[]>>;
}

export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const now = opts.now ?? (() => new Date());
  const store = new Store();
  const persistence = opts.dataDir ? await FilePersistence.open(opts.dataDir, store, opts.saveDelayMs ?? 500) : undefined;
  const transactions = new Transactions(store, { timeoutMs: opts.transactionTimeoutMs ?? 30_000 });
  const db = new LocalDatabase(store, transactions, {
    requireCollections: opts.requireCollections ?? true,
    enforceIndexes: opts.enforceIndexes ?? false,
    useIndexes: opts.useIndexes ?? true,
  });
  const listeners = new Set<RequestListener>();
  const token = randomBytes(16).toString('hex');
  const answering = { db, now, listeners };
  const face = await serve(answering, opts.port ?? 0, token);
  const url = `http://127.0.0.1:${face.port}/${token}/admin`;
  const ports = new Set<MessagePort>();
  let closing: Promise<void> | undefined;

  const attachPort = (port: MessagePort): void => {
    servePort(answering, port, url);
    ports.add(port);
    port.once('close', () => ports.delete(port));
  };

  return {
    url,
    port: face.port,
    close() {
      closing ??= (async () => {
        // Waiting transactional requests are answered first, or the server would wait for them.
        transactions.abortAll();
        await face.close();
        for (const port of ports) port.close();
        ports.clear();
        listeners.clear();
        await persistence?.close();
      })();
      return closing;
    },
    reset() {
      transactions.abortAll();
      store.clear();
    },
    snapshot: () => store.snapshot(),
    collectionNames: () => store.names(),
    createCollection: (name) => store.createCollection(name),
    ensureUniqueIndex: (collection, fields) => store.ensureUniqueIndex(collection, fields),
    declareIndex: (collection, fields) => store.declareIndex(collection, fields),
    transactionStats: () => ({ ...transactions.stats }),
    queryStats: () => ({ ...db.planner.stats }),
    importDocuments: (collection, docs) => db.importDocuments(collection, docs),
    useQueryIndexes: (on) => {
      db.useIndexes = on;
    },
    attachPort,
    connect() {
      const { port1, port2 } = new MessageChannel();
      attachPort(port1);
      return Promise.resolve(port2);
    },
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush: async () => {
      await persistence?.flush();
    },
  };
}

const FAKE_SECRET_ID = 'local-cloud-secret-id';
const FAKE_SECRET_KEY = 'local-cloud-secret-key';

/**
 * Points wx-server-sdk (through @cloudbase/node-sdk) at the stand-in. The SDK reads
 * TCB_CONTEXT_CNFG on every request, so this can be called after the SDK was initialised.
 * TENCENTCLOUD=true stops the SDK from probing the cloud metadata service; the fake keys only
 * feed the request signature, which the stand-in ignores.
 */
export function pointSdkAt(url: string): void {
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(process.env.TCB_CONTEXT_CNFG ?? '{}');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) config = parsed as Record<string, unknown>;
  } catch {
    config = {};
  }
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ ...config, URL: url });
  process.env.TENCENTCLOUD ??= 'true';
  process.env.TENCENTCLOUD_SECRETID ??= FAKE_SECRET_ID;
  process.env.TENCENTCLOUD_SECRETKEY ??= FAKE_SECRET_KEY;
}
