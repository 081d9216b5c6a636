// Transactions as TCB gives them: single-document operations only, the callback may run more
// than once (so no side effects inside it), and a lost race surfaces as a conflict. The SDK
// retries a conflict three times; under a burst we keep retrying with jittered backoff.
import { isTransactionConflict, type Doc } from './results';
import type { Database } from './sdk';

export interface TxDocument {
  get(): Promise<unknown>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}
export interface Tx {
  collection(name: string): { doc(id: string): TxDocument };
}

export async function txGet(tx: Tx, collection: string, id: string): Promise<Doc | null> {
  const result = (await tx.collection(collection).doc(id).get()) as { data?: Doc | null } | null;
  return result?.data ?? null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withTransaction<T>(db: Database, run: (tx: Tx) => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await db.runTransaction((tx: Tx) => run(tx))) as T;
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= attempts) throw error;
      await sleep(Math.floor(Math.random() * 10 * attempt) + 1);
    }
  }
}
