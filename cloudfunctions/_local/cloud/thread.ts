// The local cloud in a thread of its own: the database as a separate service, as it is on
// CloudBase. The SDK reaches it over loopback HTTP exactly as before (the thread serves the same
// /admin face), function instances in threads of their own over a port each (connect:
// port-face.ts); the process that starts it keeps an asynchronous handle for administration
// (collections, indexes, bulk import, reset, stats). The functions' event loop then pays for the
// SDK's side of a call only: the store's work, its heap and its collections happen on the other
// core, as they do on TCB. `npm start` and the load rows of the bench run it so.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { Doc } from './ejson';
import type { LocalCloudOptions } from './options';
import type { RequestListener, RequestRecord } from './server';
import type { TransactionStats } from './transactions';

/** The options a thread can take (the clock is the parent's, mirrored: see `setClock`). */
export type ThreadedCloudOptions = Omit<LocalCloudOptions, 'now'>;

/** The parent's clock as the thread mirrors it: frozen at an instant, or running with an offset. */
export interface ClockState {
  readonly frozenAt: number | null;
  readonly offsetMs: number;
}

/** What the parent may ask of the thread (each answered once, in order). */
export type ThreadOp =
  | { op: 'createCollection'; name: string }
  | { op: 'ensureUniqueIndex'; collection: string; fields: readonly string[] }
  | { op: 'declareIndex'; collection: string; fields: ReadonlyArray<readonly [string, 1 | -1]> }
  | { op: 'reset' }
  | { op: 'snapshot' }
  | { op: 'collectionNames' }
  | { op: 'transactionStats' }
  | { op: 'queryStats' }
  | { op: 'importDocuments'; collection: string; docs: readonly Doc[] }
  | { op: 'useQueryIndexes'; on: boolean }
  | { op: 'listen'; on: boolean }
  | { op: 'connect'; port: MessagePort }
  | { op: 'setClock'; state: ClockState }
  | { op: 'flush' }
  | { op: 'collectGarbage' }
  | { op: 'close' };

export type ThreadMessage =
  | { kind: 'ready'; url: string; port: number }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; message: string }
  | { kind: 'request'; record: RequestRecord };

/** The handle of a local cloud in its own thread: LocalCloud's administration, asynchronous. */
export interface ThreadedCloud {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  reset(): Promise<void>;
  snapshot(): Promise<Record<string, Doc[]>>;
  collectionNames(): Promise<string[]>;
  createCollection(name: string): Promise<boolean>;
  ensureUniqueIndex(collection: string, fields: readonly string[]): Promise<void>;
  declareIndex(collection: string, fields: ReadonlyArray<readonly [string, 1 | -1]>): Promise<void>;
  transactionStats(): Promise<Readonly<TransactionStats>>;
  queryStats(): Promise<Readonly<{ indexed: number; scanned: number }>>;
  importDocuments(collection: string, docs: readonly Doc[]): Promise<number>;
  useQueryIndexes(on: boolean): Promise<void>;
  onRequest(listener: RequestListener): () => void;
  /** A port the thread answers the database API on (for a function instance's thread: reachCloudThrough). */
  connect(): Promise<MessagePort>;
  /** Mirrors the parent's clock into db.serverDate() (call on every change of it). */
  setClock(state: ClockState): Promise<void>;
  flush(): Promise<void>;
  /** A full, compacting collection in the thread, when it runs with --expose-gc (the bench, after seeding: heap.ts). */
  collectGarbage(): Promise<void>;
}

/**
 * Starts the local cloud in a worker thread. `workerFile` is the bundled worker entry
 * (cloud/worker.ts; `npm run build` writes it to .build/local-cloud-worker.js). The thread may
 * use as much heap as this process may.
 */
export async function startLocalCloudThread(workerFile: string, opts: ThreadedCloudOptions = {}): Promise<ThreadedCloud> {
  const heapMb = Math.ceil(getHeapStatistics().heap_size_limit / 1024 / 1024);
  const worker = new Worker(workerFile, { workerData: opts, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<RequestListener>();
  let seq = 0;
  let gone: Error | null = null;

  const failAll = (error: Error): void => {
    gone = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };

  const started = new Promise<{ url: string; port: number }>((resolve, reject) => {
    worker.once('error', reject);
    const first = (message: ThreadMessage): void => {
      if (message.kind === 'ready') resolve({ url: message.url, port: message.port });
      else if (message.kind === 'failed') reject(new Error(`local cloud thread: ${message.message}`));
      else return;
      worker.off('message', first);
    };
    worker.on('message', first);
  });
  worker.on('message', (message: ThreadMessage) => {
    if (message.kind === 'answer') {
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(message.message));
    } else if (message.kind === 'request') {
      for (const listener of listeners) {
        try {
          listener(message.record);
        } catch (error) {
          console.error('[local-cloud] a request listener failed:', error);
        }
      }
    }
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`local cloud thread exited (${code})`)));
  const { url, port } = await started;

  const ask = <T>(op: ThreadOp, transfer: MessagePort[] = []): Promise<T> => {
    if (gone) return Promise.reject(gone);
    seq += 1;
    const id = seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      worker.postMessage({ id, ...op }, transfer);
    });
  };
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        if (!gone) await ask<void>({ op: 'close' });
        listeners.clear();
        await worker.terminate();
      })();
      return closing;
    },
    reset: () => ask({ op: 'reset' }),
    snapshot: () => ask({ op: 'snapshot' }),
    collectionNames: () => ask({ op: 'collectionNames' }),
    createCollection: (name) => ask({ op: 'createCollection', name }),
    ensureUniqueIndex: (collection, fields) => ask({ op: 'ensureUniqueIndex', collection, fields }),
    declareIndex: (collection, fields) => ask({ op: 'declareIndex', collection, fields }),
    transactionStats: () => ask({ op: 'transactionStats' }),
    queryStats: () => ask({ op: 'queryStats' }),
    importDocuments: (collection, docs) => ask({ op: 'importDocuments', collection, docs }),
    useQueryIndexes: (on) => ask({ op: 'useQueryIndexes', on }),
    onRequest(listener) {
      listeners.add(listener);
      if (listeners.size === 1) void ask({ op: 'listen', on: true });
      return () => {
        if (listeners.delete(listener) && listeners.size === 0 && !gone) void ask({ op: 'listen', on: false });
      };
    },
    async connect() {
      const { port1, port2 } = new MessageChannel();
      await ask<void>({ op: 'connect', port: port1 }, [port1]);
      return port2;
    },
    setClock: (state) => ask({ op: 'setClock', state }),
    flush: () => ask({ op: 'flush' }),
    collectGarbage: () => ask({ op: 'collectGarbage' }),
  };
}
