// A page of a collection newest first, by (time field, _id) descending: the cursor is
// "<ISO time>|<id>" of the last row answered, and the next page starts strictly after it
// (an equal time breaks the tie by _id), so rows added meanwhile never repeat or shift a page.
import type { Page } from '../../ports';
import { decodeCursor, docs, encodeCursor, type Doc } from './results';
import type { Database } from './sdk';

const MAX_ROWS = 1000;

export interface NewestPageQuery<T> {
  readonly collection: string;
  /** The Date field the page is ordered by (then _id). */
  readonly timeField: string;
  /** The other conditions (ANDed). */
  readonly conditions: ReadonlyArray<Record<string, unknown>>;
  /** The cursor's shape: "<ISO time>|<id>" with the id's pattern. */
  readonly cursorShape: RegExp;
  readonly map: (d: Doc) => T;
  /** The time and id of an answered row, for the next cursor. */
  readonly keyOf: (row: T) => { at: Date; id: string };
}

export async function newestFirstPage<T>(db: Database, q: NewestPageQuery<T>, cursor: string | null, limit: number): Promise<Page<T>> {
  const _ = db.command;
  const conditions = [...q.conditions];
  const after = decodeCursor(cursor, q.cursorShape);
  if (after !== null) {
    const bar = after.indexOf('|');
    const at = new Date(after.slice(0, bar));
    const id = after.slice(bar + 1);
    conditions.push(_.or([{ [q.timeField]: _.lt(at) }, { [q.timeField]: _.eq(at), _id: _.lt(id) }]) as unknown as Record<string, unknown>);
  }
  const where = conditions.length === 0 ? {} : conditions.length === 1 ? (conditions[0] ?? {}) : _.and(conditions);
  const rows = await docs(
    db
      .collection(q.collection)
      .where(where)
      .orderBy(q.timeField, 'desc')
      .orderBy('_id', 'desc')
      .limit(Math.min(limit + 1, MAX_ROWS))
      .get(),
  );
  const items = rows.slice(0, limit).map(q.map);
  const last = rows.length > limit ? items[items.length - 1] : undefined;
  if (last === undefined) return { items, nextCursor: null };
  const key = q.keyOf(last);
  return { items, nextCursor: encodeCursor(`${key.at.toISOString()}|${key.id}`) };
}
