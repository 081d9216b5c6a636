// The real wx-server-sdk pointed at a fresh local cloud, with just enough typing for the tests
// (the SDK's own .d.ts returns `Promise<T> | void | string` from every call).

import * as wxServerSdk from 'wx-server-sdk';
import { pointSdkAt, startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../../cloudfunctions/_local/cloud';

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
}

/** A local cloud with `collections` created (TCB refuses collections nobody created; reset keeps them). */
export async function startHarness(options: LocalCloudOptions & { collections?: readonly string[] } = {}): Promise<Harness> {
  const { collections = [], ...cloudOptions } = options;
  const cloud = await startLocalCloud(cloudOptions);
  for (const name of collections) cloud.createCollection(name);
  pointSdkAt(cloud.url);
  wxServerSdk.init({ env: 'local-test' });
  const db = wxServerSdk.database() as unknown as Database;
  return { cloud, db, _: db.command };
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
