// 督办 records (`supervisions`): written with their ticket change (ticket-store.ts writeEffects,
// also the answer of ticket.reply); read here for the 督办 desk (an area's records, newest first)
// and for one ticket's handling page. Each record carries the ticket's number, category and place,
// so the desk neither reads tickets nor filters in memory. Pages go by (at, _id) descending.
import { COLLECTION } from './collections';
import type { Level } from '../../domain/types';
import type { Page, SupervisionAnswer, SupervisionArea, SupervisionRecord, SupervisionStore } from '../../ports';
import { doc, docs, type Doc, toDate, toStr } from './results';
import { newestFirstPage } from './newest-page';
import { database, type Database } from './sdk';

/** The desk's cursor: "<ISO time>|<record id>". */
const SUPERVISION_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[A-Za-z0-9_-]{1,64}$/;
/** TCB answers at most 1000 rows per get. */
const MAX_ROWS = 1000;

function answerOf(value: unknown): SupervisionAnswer | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  const at = toDate(a.at);
  if (typeof a.note !== 'string' || !at || typeof a.by !== 'string') return null;
  return { note: a.note, at, by: a.by, byRole: a.byRole as Api.Role, byName: toStr(a.byName) };
}

export function fromSupervisionDoc(d: Doc): SupervisionRecord {
  return {
    id: d._id,
    ticketId: String(d.ticketId),
    by: String(d.by),
    byRole: d.byRole as SupervisionRecord['byRole'],
    level: d.level as Level,
    note: String(d.note ?? ''),
    at: toDate(d.at) ?? new Date(0),
    byName: toStr(d.byName),
    ticketNo: toStr(d.ticketNo) ?? '',
    category: toStr(d.category) ?? '',
    gridCode: toStr(d.gridCode),
    community: toStr(d.community),
    street: toStr(d.street),
    district: toStr(d.district),
    answer: answerOf(d.answer),
  };
}

export class CloudSupervisionStore implements SupervisionStore {
  constructor(private readonly db: Database = database()) {}

  async get(id: string): Promise<SupervisionRecord | null> {
    const found = await doc(this.db.collection(COLLECTION.supervisions).doc(id).get());
    return found ? fromSupervisionDoc(found) : null;
  }

  async list(area: SupervisionArea, cursor: string | null, limit: number): Promise<Page<SupervisionRecord>> {
    const conditions: Array<Record<string, unknown>> = [];
    if ('street' in area) conditions.push({ street: area.street });
    if ('district' in area) conditions.push({ district: area.district });
    return newestFirstPage(
      this.db,
      {
        collection: COLLECTION.supervisions,
        timeField: 'at',
        conditions,
        cursorShape: SUPERVISION_KEY,
        map: fromSupervisionDoc,
        keyOf: (record) => ({ at: record.at, id: record.id }),
      },
      cursor,
      limit,
    );
  }

  async forTicket(ticketId: string, limit: number): Promise<SupervisionRecord[]> {
    const rows = await docs(
      this.db
        .collection(COLLECTION.supervisions)
        .where({ ticketId })
        .orderBy('at', 'desc')
        .limit(Math.min(Math.max(1, limit), MAX_ROWS))
        .get(),
    );
    return rows.map(fromSupervisionDoc);
  }
}
