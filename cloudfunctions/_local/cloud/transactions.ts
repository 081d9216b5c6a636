// CloudBase transactions as TCB documents them (小程序云开发 › 数据库 › 事务 › 快照隔离, and the
// node-sdk's own tests "冲突检测" / "读快照" / "读偏"):
// - reads take no lock and see the snapshot of the moment the transaction started (plus its own
//   writes); a document committed by someone else later is still read as it was;
// - a write locks the document; a write to a document that another live transaction has written,
//   or that was committed by anyone after this transaction started, fails AT THAT CALL with
//   DATABASE_TRANSACTION_CONFLICT ("其他事务的写入会直接失败"). Nothing queues;
// - the failed transaction is over: its locks are released and any further call on it answers
//   TransactionNotExist (the SDK's runTransaction starts a new one on a conflict without rolling
//   the old one back, so a transaction that survived its conflict would hold its locks for 30 s);
// - a plain (non-transactional) write to a locked document waits until the lock is released
//   ("普通的更新操作会被阻塞"), then lands;
// - writes become visible atomically at commit; commit itself never conflicts (unique indexes
//   are still checked then); a transaction neither committed nor aborted within 30 s is gone.

import { transactionConflict, transactionNotFound } from './errors';
import type { Doc } from './ejson';
import type { IdKey } from './id-key';
import type { Change, Store } from './store';

interface PendingWrite {
  readonly collection: string;
  readonly key: IdKey;
  readonly after: Doc | undefined;
}

class Transaction {
  ended = false;
  /** Committed versions of documents changed by others since this transaction started. */
  readonly preimages = new Map<string, Doc | undefined>();
  readonly writes = new Map<string, PendingWrite>();
  readonly held = new Set<string>();
  timer: NodeJS.Timeout | undefined;
  constructor(
    readonly id: string,
    readonly startSeq: number,
  ) {}
}

export const docKeyOf = (collection: string, key: IdKey): string => `${collection}\u0000${key}`;

export interface TransactionOptions {
  readonly timeoutMs: number;
}

export interface TransactionStats {
  /** Writes refused because another transaction held or had changed the document. */
  conflicts: number;
  /** Plain writes that had to wait for a transaction's lock. */
  waits: number;
  committed: number;
}

export class Transactions {
  private readonly live = new Map<string, Transaction>();
  private readonly owners = new Map<string, Transaction>();
  private readonly unlockWaiters = new Map<string, Array<() => void>>();
  private seq = 0;
  readonly stats: TransactionStats = { conflicts: 0, waits: 0, committed: 0 };

  constructor(
    private readonly store: Store,
    private readonly options: TransactionOptions,
  ) {
    // Keep every live transaction's snapshot: the first committed change to a document after a
    // transaction started records what that transaction must go on reading.
    store.onBeforeChange = (collection, key, before) => {
      if (this.live.size === 0) return;
      const docKey = docKeyOf(collection, key);
      for (const txn of this.live.values()) {
        if (!txn.preimages.has(docKey) && !txn.writes.has(docKey)) txn.preimages.set(docKey, before);
      }
    };
  }

  start(): string {
    this.seq += 1;
    const id = `${Date.now().toString(16)}_${this.seq}_${Math.random().toString(16).slice(2, 10)}`;
    const txn = new Transaction(id, this.store.sequence());
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

  /** Throws TransactionNotExist for an unknown, ended or timed-out transaction. */
  check(id: string): void {
    this.require(id);
  }

  /** The document as this transaction sees it: its own writes, else the snapshot at its start. */
  view(id: string, collection: string, key: IdKey): Doc | undefined {
    const txn = this.require(id);
    const docKey = docKeyOf(collection, key);
    const pending = txn.writes.get(docKey);
    if (pending) return pending.after;
    if (txn.preimages.has(docKey)) return txn.preimages.get(docKey);
    return this.store.get(collection)?.docs.get(key);
  }

  /**
   * Takes the document's write lock for the transaction, or fails the call (and ends the
   * transaction) when another live transaction holds it or it changed after this one started.
   */
  lock(id: string, collection: string, key: IdKey): void {
    const txn = this.require(id);
    const docKey = docKeyOf(collection, key);
    if (txn.held.has(docKey)) return;
    const owner = this.owners.get(docKey);
    if ((owner && owner !== txn) || this.store.lastChange(collection, key) > txn.startSeq) {
      this.stats.conflicts += 1;
      this.end(txn);
      throw transactionConflict();
    }
    this.owners.set(docKey, txn);
    txn.held.add(docKey);
  }

  /** Buffers a write the transaction already holds the lock for. */
  write(id: string, collection: string, key: IdKey, after: Doc | undefined): void {
    const txn = this.require(id);
    txn.writes.set(docKeyOf(collection, key), { collection, key, after });
  }

  commit(id: string): void {
    const txn = this.require(id);
    try {
      const changes: Change[] = [];
      for (const write of txn.writes.values()) {
        const exists = this.store.get(write.collection)?.docs.has(write.key) ?? false;
        if (!write.after && !exists) continue;
        changes.push({ collection: write.collection, key: write.key, after: write.after, insert: !exists });
      }
      this.store.apply(changes);
      this.stats.committed += 1;
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

  /** Whether a live transaction holds the document's write lock. */
  isLocked(collection: string, key: IdKey): boolean {
    return this.owners.has(docKeyOf(collection, key));
  }

  /** Resolves once none of the documents is locked any more (a plain write waits here). */
  async whenUnlocked(collection: string, keys: readonly IdKey[]): Promise<void> {
    let waited = false;
    for (const key of keys) {
      const docKey = docKeyOf(collection, key);
      while (this.owners.has(docKey)) {
        waited = true;
        await new Promise<void>((resolve) => {
          const list = this.unlockWaiters.get(docKey);
          if (list) list.push(resolve);
          else this.unlockWaiters.set(docKey, [resolve]);
        });
      }
    }
    if (waited) this.stats.waits += 1;
  }

  private end(txn: Transaction): void {
    if (txn.ended) return;
    txn.ended = true;
    if (txn.timer) clearTimeout(txn.timer);
    this.live.delete(txn.id);
    for (const docKey of txn.held) {
      if (this.owners.get(docKey) === txn) this.owners.delete(docKey);
      const waiting = this.unlockWaiters.get(docKey);
      if (waiting) {
        this.unlockWaiters.delete(docKey);
        for (const wake of waiting) wake();
      }
    }
    txn.held.clear();
    txn.preimages.clear();
  }
}
