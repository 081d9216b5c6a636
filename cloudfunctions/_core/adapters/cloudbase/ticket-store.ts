// Tickets in the `tickets` collection. Writes are conditional on the version read, so two
// staff acting at once cannot both win; creation runs in a transaction with the day's counter.
// Lists page by an indexed sort key (never by skip): dueKey for "most urgent first",
// newestKey for "newest first".
import { currentDeadline } from '../../domain/lifecycle';
import type { Ticket, TimelineRecord } from '../../domain/types';
import type { Page, TicketQuery, TicketStore } from '../../ports';
import { decodeCursor, docs, encodeCursor, updated, type Doc } from './results';
import { database, type Database } from './sdk';
import { txGet, withTransaction } from './transaction';

export const TICKETS = 'tickets';
export const COUNTERS = 'counters';

/** Sorts after every ISO timestamp, so tickets with nothing due come last. */
const NOTHING_DUE = '~';

export function dueKey(ticket: Ticket): string {
  const due = currentDeadline(ticket);
  return `${due ? due.toISOString() : NOTHING_DUE}|${ticket.id}`;
}
export const newestKey = (ticket: Ticket): string => `${ticket.createdAt.toISOString()}|${ticket.id}`;

export function toDoc(ticket: Ticket): Record<string, unknown> {
  const { id, place, timeline, ...rest } = ticket;
  return {
    ...rest,
    _id: id,
    gridCode: place.gridCode,
    gridName: place.gridName,
    community: place.community,
    street: place.street,
    district: place.district,
    timeline: timeline.map((e) => ({ ...e })),
    dueKey: dueKey(ticket),
    newestKey: newestKey(ticket),
  };
}

const date = (v: unknown): Date | null => (v instanceof Date ? v : v === null || v === undefined ? null : new Date(String(v)));
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function fromDoc(d: Doc): Ticket {
  const t = d as unknown as Ticket & Record<string, unknown>;
  const location = d.location as { latitude: number; longitude: number; address?: string | null };
  return {
    id: d._id,
    no: String(d.no),
    version: Number(d.version),
    reporterOpenid: String(d.reporterOpenid),
    source: t.source,
    reporterName: str(d.reporterName),
    contactPhone: str(d.contactPhone),
    category: String(d.category),
    profile: t.profile,
    kind: t.kind,
    description: String(d.description),
    photos: Array.isArray(d.photos) ? d.photos.map(String) : [],
    location: { latitude: location.latitude, longitude: location.longitude, address: location.address ?? null },
    place: {
      gridCode: str(d.gridCode),
      gridName: str(d.gridName),
      community: str(d.community),
      street: str(d.street),
      district: str(d.district),
    },
    level: t.level,
    departmentCode: str(d.departmentCode),
    status: t.status,
    complexity: t.complexity ?? null,
    createdAt: date(d.createdAt) ?? new Date(0),
    updatedAt: date(d.updatedAt) ?? new Date(0),
    acceptedAt: date(d.acceptedAt),
    resolvedAt: date(d.resolvedAt),
    closedAt: date(d.closedAt),
    acceptBy: date(d.acceptBy),
    resolveBy: date(d.resolveBy),
    overdue: d.overdue === true,
    result: str(d.result),
    resultPhotos: Array.isArray(d.resultPhotos) ? d.resultPhotos.map(String) : [],
    rating: t.rating ?? null,
    ratingComment: str(d.ratingComment),
    transferCount: Number(d.transferCount ?? 0),
    reopenCount: Number(d.reopenCount ?? 0),
    timeline: (Array.isArray(d.timeline) ? (d.timeline as TimelineRecord[]) : []).map((e) => ({
      ...e,
      at: date(e.at) ?? new Date(0),
      photos: Array.isArray(e.photos) ? e.photos : [],
    })),
  };
}

export class CloudTicketStore implements TicketStore {
  constructor(private readonly db: Database = database()) {}

  async get(id: string): Promise<Ticket | null> {
    const found = await docs(this.db.collection(TICKETS).where({ _id: id }).limit(1).get());
    return found[0] ? fromDoc(found[0]) : null;
  }

  async create(id: string, dayKey: string, build: (sequence: number) => Ticket): Promise<{ ticket: Ticket; created: boolean }> {
    return withTransaction(this.db, async (tx) => {
      const existing = await txGet(tx, TICKETS, id);
      if (existing) return { ticket: fromDoc(existing), created: false };
      const counterId = `ticketNo-${dayKey}`;
      const counter = await txGet(tx, COUNTERS, counterId);
      const sequence = (counter ? Number(counter.value) : 0) + 1;
      const ticket = build(sequence);
      await tx.collection(COUNTERS).doc(counterId).set({ data: { value: sequence } });
      const { _id: _omit, ...data } = toDoc(ticket);
      await tx.collection(TICKETS).doc(id).set({ data });
      return { ticket, created: true };
    });
  }

  async save(next: Ticket): Promise<boolean> {
    const { _id: _omit, ...data } = toDoc(next);
    const count = await updated(
      this.db.collection(TICKETS).where({ _id: next.id, version: next.version - 1 }).update({ data }),
    );
    return count === 1;
  }

  async list(query: TicketQuery, cursor: string | null, limit: number): Promise<Page<Ticket>> {
    const _ = this.db.command;
    const where: Record<string, unknown> = {};
    if (query.statuses.length > 0) where.status = _.in([...query.statuses]);
    if (query.reporterOpenid !== undefined) where.reporterOpenid = query.reporterOpenid;
    if (query.gridCodes !== undefined) where.gridCode = _.in([...query.gridCodes]);
    if (query.community !== undefined) where.community = query.community;
    if (query.street !== undefined) where.street = query.street;
    if (query.district !== undefined) where.district = query.district;
    if (query.departmentCode !== undefined) where.departmentCode = query.departmentCode;
    if (query.levels !== undefined) where.level = _.in([...query.levels]);
    if (query.undispatched === true) where.departmentCode = null;
    if (query.undispatched === false) where.departmentCode = _.neq(null);
    if (query.overdue !== undefined) where.overdue = query.overdue;
    const sortField = query.order === 'urgent' ? 'dueKey' : 'newestKey';
    const after = decodeCursor(cursor);
    if (after !== null) where[sortField] = query.order === 'urgent' ? _.gt(after) : _.lt(after);
    const rows = await docs(
      this.db
        .collection(TICKETS)
        .where(where)
        .orderBy(sortField, query.order === 'urgent' ? 'asc' : 'desc')
        .limit(limit + 1)
        .get(),
    );
    const items = rows.slice(0, limit).map(fromDoc);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(String(last[sortField])) : null };
  }
}
