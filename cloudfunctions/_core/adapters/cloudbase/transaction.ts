// Transactions as TCB gives them: single-document operations only, reads without locks, and a
// write to a document another transaction holds (or changed since this one started) failing at
// once. wx-server-sdk surfaces that failure as errCode -501001 with the TCB message and no `code`,
// so its own runTransaction never retries it: we do, with jittered exponential backoff, until a
// time budget is spent — then ContentionError (the caller answers CONFLICT, "try again"). The
// callback may therefore run many times: no side effects inside it.
import { ContentionError } from '../../ports';
import { isTransactionConflict, type Doc } from './results';
import type { Database } from './sdk';

export interface TxDocument {
  get(): Promise<unknown>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}
export interface Tx {
  collection(name: string): {
    doc(id: string): TxDocument;
    /** Inserts a new document (its `_id` in `data`); a taken `_id` fails the transaction with a duplicate key error. */
    add(options: { data: Record<string, unknown> }): Promise<unknown>;
  };
}

export async function txGet(tx: Tx, collection: string, id: string): Promise<Doc | null> {
  const result = (await tx.collection(collection).doc(id).get()) as { data?: Doc | null } | null;
  return result?.data ?? null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RetryBudget {
  /** Give up (ContentionError) once this much time went by; well inside the api function's 20 s. */
  maxMs: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryBudget = { maxMs: 8_000, baseMs: 4, capMs: 250 };

/** Counts of retried conflicts, for the contention bench (per process). */
export const retryStats = { transactions: 0, conflicts: 0, maxConflicts: 0 };

/** "Full jitter" backoff: a random wait up to base·2^attempt, capped, so contenders spread out. */
const backoff = (attempt: number, budget: RetryBudget): number => Math.random() * Math.min(budget.capMs, budget.baseMs * 2 ** attempt);

export async function withTransaction<T>(db: Database, run: (tx: Tx) => Promise<T>, budget: RetryBudget = DEFAULT_RETRY): Promise<T> {
  const started = Date.now();
  retryStats.transactions += 1;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = (await db.runTransaction((tx: Tx) => run(tx))) as T;
      retryStats.maxConflicts = Math.max(retryStats.maxConflicts, attempt);
      return result;
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      retryStats.conflicts += 1;
      if (Date.now() - started >= budget.maxMs) throw new ContentionError();
      await sleep(backoff(attempt, budget));
    }
  }
}
