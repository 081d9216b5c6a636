import { InvalidCursorError } from '../../ports';
import { isRecord } from '../../domain/guards';

// wx-server-sdk's typings answer `Promise<T> | void | string` for every call; these narrow the
// results we rely on (documents, updated/removed counts) at one place.
export type Doc = Record<string, unknown> & { _id: string };

interface QueryResult {
  data: Doc[];
}
interface SingleResult {
  data: Doc | null;
}
interface UpdateResult {
  stats: { updated: number };
}
interface RemoveResult {
  stats: { removed: number };
}
interface CountResult {
  total: number;
}

export async function docs(result: unknown): Promise<Doc[]> {
  const r = (await result) as QueryResult;
  if (!isRecord(r) || !Array.isArray(r.data)) throw new Error('unexpected query result');
  return r.data;
}

export async function doc(result: unknown): Promise<Doc | null> {
  const r = (await result) as SingleResult;
  if (!isRecord(r)) throw new Error('unexpected document result');
  return r.data ?? null;
}

export async function updated(result: unknown): Promise<number> {
  const r = (await result) as UpdateResult;
  if (!isRecord(r) || !isRecord(r.stats) || typeof r.stats.updated !== 'number') throw new Error('unexpected update result');
  return r.stats.updated;
}

export async function removed(result: unknown): Promise<number> {
  const r = (await result) as RemoveResult;
  return isRecord(r) && isRecord(r.stats) && typeof r.stats.removed === 'number' ? r.stats.removed : 0;
}

export async function total(result: unknown): Promise<number> {
  const r = (await result) as CountResult;
  return isRecord(r) && typeof r.total === 'number' ? r.total : 0;
}

/** Field readers for stored documents: a Date (EJSON brings Dates back as Dates), or null. */
export const toDate = (v: unknown): Date | null => (v instanceof Date ? v : v === null || v === undefined ? null : new Date(String(v)));
export const toStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A page cursor is an opaque, URL-safe encoding of the last row's sort key. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
/** Decodes a cursor this store issued; anything else (forged, truncated) is refused. */
export const decodeCursor = (cursor: string | null, shape: RegExp): string | null => {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (encodeCursor(key) !== cursor || !shape.test(key)) throw new InvalidCursorError();
  return key;
};

/** The sort keys tickets are paged by: "<ISO time or ~>|<32-hex id>". */
export const TICKET_KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z|~)\|[0-9a-f]{32}$/;

/**
 * A transactional write that lost to another transaction. @cloudbase/node-sdk keeps TCB's code
 * (DATABASE_TRANSACTION_CONFLICT); wx-server-sdk turns it into errCode -501001 and keeps only
 * the message, "[ResourceUnavailable.TransactionConflict] …" (tests/_local/cloud/golden pins it).
 */
export function isTransactionConflict(error: unknown): boolean {
  if (!isRecord(error)) return false;
  if (error.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  const text = `${String(error.errMsg ?? '')} ${String(error.message ?? '')}`;
  return text.includes('[ResourceUnavailable.TransactionConflict]');
}

export function isDuplicateKey(error: unknown): boolean {
  if (!isRecord(error)) return false;
  const text = `${String(error.errMsg ?? '')} ${String(error.message ?? '')}`;
  return /E11000|duplicate key/i.test(text);
}

/** The cloud refused a query because its answer would pass the ~1 MB one query may return (PLATFORM.md 7). */
export function isAnswerTooLarge(error: unknown): boolean {
  if (!isRecord(error)) return false;
  const text = `${String(error.errMsg ?? '')} ${String(error.message ?? '')}`;
  return /LimitExceeded|exceed/i.test(text);
}
