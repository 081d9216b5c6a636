// The real wx-server-sdk pointed at a fresh local cloud, with just enough typing for the tests
// (the SDK's own .d.ts returns `Promise<T> | void | string` from every call).

import * as wxServerSdk from 'wx-server-sdk';
import {
  pointSdkAt,
  reachCloudThrough,
  startLocalCloud,
  type LocalCloud,
  type LocalCloudOptions,
} from '../../../cloudfunctions/_local/cloud';

export type Data = Record<string, unknown>;

export interface Query {
  where(condition: Data | CommandValue): Query;
  orderBy(field: string, direction: 'asc' | 'desc'): Query;
  limit(n: number): Query;
  skip(n: number): Query;
  field(projection: Data): Query;
  get(): Promise<{ data: Data[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Doc {
  get(): Promise<{ data: Data }>;
  field(projection: Data): Doc;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  set(options: { data: Data }): Promise<{ _id: string | number; stats: { updated: number; created: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Aggregate {
  match(v: Data): Aggregate;
  group(v: Data): Aggregate;
  addFields(v: Data): Aggregate;
  sort(v: Data): Aggregate;
  limit(n: number): Aggregate;
  skip(n: number): Aggregate;
  project(v: Data): Aggregate;
  lookup(v: Data): Aggregate;
  end(): Promise<{ list: Data[] }>;
}

export interface Collection extends Query {
  doc(id: string | number): Doc;
  add(options: { data: Data | Data[] }): Promise<{ _id: string; _ids?: string[] }>;
  aggregate(): Aggregate;
}

export interface TransactionCollection {
  doc(id: string | number): Doc;
  add(options: { data: Data }): Promise<{ _id: string }>;
  where(condition: Data | CommandValue): Query;
}

export interface Transaction {
  collection(name: string): TransactionCollection;
  rollback(reason?: unknown): Promise<unknown>;
  commit(): Promise<unknown>;
}

/** A db.command operator result; query commands chain with and/or. */
export interface CommandValue {
  and(...conditions: unknown[]): CommandValue;
  or(...conditions: unknown[]): CommandValue;
}

export type Command = Record<string, (...args: unknown[]) => CommandValue>;

export interface Database {
  collection(name: string): Collection;
  command: Command;
  serverDate(options?: { offset: number }): unknown;
  RegExp(options: { regexp: string; options?: string }): unknown;
  runTransaction<T>(callback: (tx: Transaction) => Promise<T>, times?: number): Promise<T>;
  startTransaction(): Promise<Transaction>;
  createCollection(name: string): Promise<unknown>;
}

export interface Harness {
  readonly cloud: LocalCloud;
  readonly db: Database;
  readonly _: Command;
  /**
   * Points the SDK at `cloud` by the harness's transport. Over a port, after any code that makes
   * a database (node-sdk puts its HTTP requester back then): call it again.
   */
  use(cloud: LocalCloud): Promise<void>;
  /** Back to HTTP (the port's link closed). */
  release(): void;
}

/**
 * How the SDK reaches the local cloud: its own HTTP requester (the SDK's requests as they leave
 * for TCB), or a port through Db.reqClass (function instances in threads: port-face.ts).
 */
export type Transport = 'http' | 'port';
export const TRANSPORTS: readonly Transport[] = ['http', 'port'];

/** Where the SDK's HTTP requester is sent over a port: nowhere, so a request that slips back to HTTP fails. */
const NOWHERE = 'http://127.0.0.1:9/not-the-port';

/** A local cloud with `collections` created (TCB refuses collections nobody created; reset keeps them). */
export async function startHarness(
  options: LocalCloudOptions & { collections?: readonly string[]; transport?: Transport; sdkTimeoutMs?: number } = {},
): Promise<Harness> {
  const { collections = [], transport = 'http', sdkTimeoutMs, ...cloudOptions } = options;
  const cloud = await startLocalCloud(cloudOptions);
  for (const name of collections) cloud.createCollection(name);
  pointSdkAt(cloud.url);
  // The SDK keeps the database of its first init: a timeout is set here or not at all.
  wxServerSdk.init({ env: 'local-test', ...(sdkTimeoutMs ? { timeout: sdkTimeoutMs } : {}) } as Parameters<typeof wxServerSdk.init>[0]);
  const db = wxServerSdk.database() as unknown as Database;
  let back: (() => void) | null = null;
  const release = (): void => {
    back?.();
    back = null;
  };
  const use = async (target: LocalCloud): Promise<void> => {
    release();
    if (transport === 'http') {
      pointSdkAt(target.url);
      return;
    }
    pointSdkAt(NOWHERE);
    back = reachCloudThrough(await target.connect());
  };
  await use(cloud);
  return { cloud, db, _: db.command, use, release };
}

/** The rejection of a promise that must fail. */
export async function failure(promise: Promise<unknown>): Promise<{ errCode?: unknown; errMsg?: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as Error & { errCode?: unknown; errMsg?: unknown };
    return { message: String(error), errMsg: error };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
