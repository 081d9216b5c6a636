// CloudBase transactions as the SDK drives them: single-document operations carrying a
// transactionId, writes buffered until commit, a 30 s lifetime, and DATABASE_TRANSACTION_CONFLICT
// answered at commit (the only place where runTransaction's retry can see it).
//
// Contending transactions queue on a per-document lock taken at first touch, so N concurrent
// read-modify-write transactions on one document all succeed within the SDK's three retries.
// Conflicts still happen, and are answered at commit: when a document written by the transaction
// was changed outside it after the first touch (per-document version check), when waiting would
// deadlock, or when the wait exceeds `lockWaitMs`. Such a transaction is doomed: it keeps running
// on committed data, holds no locks, and its commit applies nothing.
//
// A waiting transaction holds an HTTP request open, and the SDK's agent allows 100 sockets per
// process: past MAX_WAITERS waiting requests, new contenders are doomed at once instead of
// queueing, so the lock holder can still reach the server (otherwise everything stalls until
// lockWaitMs and then fails together).

import { transactionConflict, transactionNotFound } from './errors';
import type { Doc } from './ejson';
import type { Change, IdKey, Store } from './store';

interface Touch {
  readonly version: number;
  readonly snapshot: Doc | undefined;
}

interface PendingWrite {
  readonly collection: string;
  readonly key: IdKey;
  readonly after: Doc | undefined;
}

interface Waiter {
  readonly txn: Transaction;
  readonly docKey: string;
  readonly grant: (granted: boolean) => void;
  timer: NodeJS.Timeout | undefined;
}

class Transaction {
  doomed = false;
  ended = false;
  readonly touched = new Map<string, Touch>();
  readonly writes = new Map<string, PendingWrite>();
  readonly held = new Set<string>();
  readonly waits = new Set<Waiter>();
  timer: NodeJS.Timeout | undefined;
  constructor(readonly id: string) {}
}

const MAX_WAITERS = 90;

const docKeyOf = (collection: string, key: IdKey): string => `${collection}\u0000${key}`;

export interface TransactionOptions {
  readonly timeoutMs: number;
  readonly lockWaitMs: number;
}

export class Transactions {
  private readonly live = new Map<string, Transaction>();
  private readonly owners = new Map<string, Transaction>();
  private readonly queues = new Map<string, Waiter[]>();
  private seq = 0;
  private waiting = 0;

  constructor(
    private readonly store: Store,
    private readonly options: TransactionOptions,
  ) {}

  start(): string {
    this.seq += 1;
    const id = `${Date.now().toString(16)}_${this.seq}_${Math.random().toString(16).slice(2, 10)}`;
    const txn = new Transaction(id);
    txn.timer = setTimeout(() => this.end(txn), this.options.timeoutMs);
    txn.timer.unref();
    this.live.set(id, txn);
    return id;
  }

  private require(id: string): Transaction {
    const txn = this.live.get(id);
    if (!txn) throw transactionNotFound();
    return txn;
  }

  /** Locks the document for the transaction (waiting if another holds it) and records its version. */
  async touch(id: string, collection: string, key: IdKey): Promise<void> {
    const txn = this.require(id);
    const docKey = docKeyOf(collection, key);
    if (!txn.doomed && !txn.touched.has(docKey)) {
      const granted = this.tryLock(txn, docKey) || (await this.waitForLock(txn, docKey));
      if (txn.ended) throw transactionNotFound();
      if (!granted) this.doom(txn);
      else if (!txn.touched.has(docKey)) {
        txn.touched.set(docKey, { version: this.store.version(collection, key), snapshot: this.store.get(collection)?.docs.get(key) });
      }
    }
    if (txn.ended) throw transactionNotFound();
  }

  /** The document as this transaction sees it: its own writes, else its first-touch snapshot. */
  view(id: string, collection: string, key: IdKey): Doc | undefined {
    const txn = this.require(id);
    const docKey = docKeyOf(collection, key);
    const pending = txn.writes.get(docKey);
    if (pending) return pending.after;
    const touch = txn.touched.get(docKey);
    if (touch) return touch.snapshot;
    return this.store.get(collection)?.docs.get(key);
  }

  write(id: string, collection: string, key: IdKey, after: Doc | undefined): void {
    const txn = this.require(id);
    txn.writes.set(docKeyOf(collection, key), { collection, key, after });
  }

  commit(id: string): void {
    const txn = this.require(id);
    try {
      if (txn.doomed) throw transactionConflict();
      const changes: Change[] = [];
      for (const [docKey, write] of txn.writes) {
        const touch = txn.touched.get(docKey);
        if (!touch || this.store.version(write.collection, write.key) !== touch.version) throw transactionConflict();
        if (!write.after && !touch.snapshot) continue;
        changes.push({ collection: write.collection, key: write.key, after: write.after, insert: !touch.snapshot });
      }
      this.store.apply(changes);
    } finally {
      this.end(txn);
    }
  }

  abort(id: string): void {
    this.end(this.require(id));
  }

  /** Ends every live transaction (store reset or shutdown). */
  abortAll(): void {
    for (const txn of [...this.live.values()]) this.end(txn);
  }

  private tryLock(txn: Transaction, docKey: string): boolean {
    const owner = this.owners.get(docKey);
    if (owner === txn) return true;
    if (owner) return false;
    this.owners.set(docKey, txn);
    txn.held.add(docKey);
    return true;
  }

  private wouldDeadlock(txn: Transaction, docKey: string): boolean {
    const seen = new Set<Transaction>();
    const stack: Transaction[] = [];
    const first = this.owners.get(docKey);
    if (first) stack.push(first);
    for (let t = stack.pop(); t; t = stack.pop()) {
      if (t === txn) return true;
      if (seen.has(t)) continue;
      seen.add(t);
      for (const w of t.waits) {
        const next = this.owners.get(w.docKey);
        if (next) stack.push(next);
      }
    }
    return false;
  }

  private waitForLock(txn: Transaction, docKey: string): Promise<boolean> {
    if (this.options.lockWaitMs <= 0 || this.waiting >= MAX_WAITERS || this.wouldDeadlock(txn, docKey)) return Promise.resolve(false);
    this.waiting++;
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        txn,
        docKey,
        timer: undefined,
        grant: (granted) => {
          if (!txn.waits.delete(waiter)) return;
          if (waiter.timer) clearTimeout(waiter.timer);
          this.waiting--;
          resolve(granted);
        },
      };
      waiter.timer = setTimeout(() => {
        this.dropWaiter(waiter);
        waiter.grant(false);
      }, this.options.lockWaitMs);
      waiter.timer.unref();
      txn.waits.add(waiter);
      const queue = this.queues.get(docKey);
      if (queue) queue.push(waiter);
      else this.queues.set(docKey, [waiter]);
    });
  }

  private dropWaiter(waiter: Waiter): void {
    const queue = this.queues.get(waiter.docKey);
    if (!queue) return;
    const at = queue.indexOf(waiter);
    if (at >= 0) queue.splice(at, 1);
    if (queue.length === 0) this.queues.delete(waiter.docKey);
  }

  private release(docKey: string): void {
    this.owners.delete(docKey);
    const queue = this.queues.get(docKey);
    while (queue && queue.length > 0) {
      const next = queue.shift();
      if (!next || next.txn.ended || next.txn.doomed) {
        next?.grant(false);
        continue;
      }
      this.owners.set(docKey, next.txn);
      next.txn.held.add(docKey);
      next.grant(true);
      break;
    }
    if (queue && queue.length === 0) this.queues.delete(docKey);
  }

  private releaseAll(txn: Transaction): void {
    for (const waiter of [...txn.waits]) {
      this.dropWaiter(waiter);
      waiter.grant(false);
    }
    for (const docKey of txn.held) this.release(docKey);
    txn.held.clear();
  }

  private doom(txn: Transaction): void {
    txn.doomed = true;
    this.releaseAll(txn);
  }

  private end(txn: Transaction): void {
    if (txn.ended) return;
    txn.ended = true;
    if (txn.timer) clearTimeout(txn.timer);
    this.live.delete(txn.id);
    this.releaseAll(txn);
  }
}
