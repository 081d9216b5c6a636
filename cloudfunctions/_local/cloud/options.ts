// What the local cloud can be started with (in this thread: startLocalCloud; in its own: thread.ts).

export interface LocalCloudOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  readonly port?: number;
  /** Keep the data in `<dataDir>/local-cloud.json`; without it the store lives in memory. */
  readonly dataDir?: string;
  /** The clock behind db.serverDate(); share the local server's settable clock. */
  readonly now?: () => Date;
  /**
   * Like TCB (default true): reading or writing a collection that was never created fails with
   * -502005 `[ResourceNotFound] Db or Table not exist`. false creates collections on first write.
   */
  readonly requireCollections?: boolean;
  /** Refuse a query no declared index (or _id) serves, naming what is missing. Default false. */
  readonly enforceIndexes?: boolean;
  /**
   * Answer queries from the declared indexes (sorted entries built on first use, kept exact on
   * every change) instead of reading every document. Default true; results are the same either way.
   */
  readonly useIndexes?: boolean;
  /** A transaction neither committed nor aborted by then is dropped. Default 30 000 (TCB). */
  readonly transactionTimeoutMs?: number;
  /** Coalescing window of data-file writes. Default 500. */
  readonly saveDelayMs?: number;
}
