// Tickets in the `tickets` collection. Writes are conditional on the version read, so two
// staff acting at once cannot both win; creation runs in a transaction with the day's counter.
// Lists page by an indexed sort key (never by skip): dueKey for "most urgent first",
// newestKey for "newest first".
import { COLLECTION } from './collections';
import type { Rollup } from '../../domain/figures';
import { currentDeadline } from '../../domain/lifecycle';
import type { Ticket, TimelineRecord } from '../../domain/types';
import type { ChangeEffects, CreateResult, Page, RateLimit, TicketQuery, TicketStore } from '../../ports';
import { decodeCursor, docs, encodeCursor, TICKET_KEY, total, type Doc, toDate, toStr } from './results';
import { database, type Database } from './sdk';
import { txGet, withTransaction, type Tx } from './transaction';


const COUNTERS = 'counters';

/** The SLA sweep's index: the current deadline while it has not been handled, else "nothing". */
export function sweepKey(ticket: Ticket): string {
  const due = currentDeadline(ticket);
  if (!due || (ticket.overdueHandledFor && ticket.overdueHandledFor.getTime() === due.getTime())) return `${NOTHING_DUE}|${ticket.id}`;
  return `${due.toISOString()}|${ticket.id}`;
}

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
    sweepKey: sweepKey(ticket),
  };
}

/** Writes a change's effects inside the transaction: rollups moved, outbox rows, the 督办 record. */
async function writeEffects(tx: Tx, effects: ChangeEffects): Promise<void> {
  for (const change of effects.rollups) {
    const current = (await txGet(tx, COLLECTION.rollups, change.id)) as unknown as (Rollup & { _id: string }) | null;
    const { _id: _omit, ...stored } = current ?? { _id: change.id };
    const updatedRollup = change.update(current ? (stored as unknown as Rollup) : null);
    await tx.collection(COLLECTION.rollups).doc(change.id).set({ data: { ...updatedRollup } });
  }
  for (const message of effects.outbox) {
    const { id, ...row } = message;
    await tx.collection(COLLECTION.outbox).doc(id).set({
      data: { ...row, state: 'pending', attempts: 0, nextAttemptAt: message.createdAt, leaseUntil: null, lastError: null, finishedAt: null },
    });
  }
  if (effects.supervision) {
    const { id, ...record } = effects.supervision;
    await tx.collection(COLLECTION.supervisions).doc(id).set({ data: { ...record } });
  }
  if (effects.answered) {
    await tx.collection(COLLECTION.supervisions).doc(effects.answered.supervisionId).update({ data: { answer: { ...effects.answered.answer } } });
  }
}

/** Sliding-window count of the reporter's recent submissions, kept in the creating transaction. */
async function admitted(tx: Tx, limit: RateLimit): Promise<boolean> {
  const doc = await txGet(tx, COLLECTION.rateLimits, limit.key);
  const since = limit.now.getTime() - limit.windowMs;
  const recent = (Array.isArray(doc?.hits) ? (doc.hits as unknown[]) : [])
    .map((h) => (h instanceof Date ? h.getTime() : Number(new Date(String(h)))))
    .filter((t) => t > since);
  if (recent.length >= limit.max) return false;
  await tx.collection(COLLECTION.rateLimits).doc(limit.key).set({ data: { hits: [...recent, limit.now.getTime()].map((t) => new Date(t)) } });
  return true;
}


export function fromDoc(d: Doc): Ticket {
  const t = d as unknown as Ticket & Record<string, unknown>;
  const location = d.location as { latitude: number; longitude: number; address?: string | null };
  return {
    id: d._id,
    no: String(d.no),
    version: Number(d.version),
    reporterOpenid: String(d.reporterOpenid),
    source: t.source,
    reporterName: toStr(d.reporterName),
    contactPhone: toStr(d.contactPhone),
    category: String(d.category),
    profile: t.profile,
    kind: t.kind,
    description: String(d.description),
    photos: Array.isArray(d.photos) ? d.photos.map(String) : [],
    location: { latitude: location.latitude, longitude: location.longitude, address: location.address ?? null },
    place: {
      gridCode: toStr(d.gridCode),
      gridName: toStr(d.gridName),
      community: toStr(d.community),
      street: toStr(d.street),
      district: toStr(d.district),
    },
    level: t.level,
    departmentCode: toStr(d.departmentCode),
    status: t.status,
    complexity: t.complexity ?? null,
    createdAt: toDate(d.createdAt) ?? new Date(0),
    updatedAt: toDate(d.updatedAt) ?? new Date(0),
    acceptedAt: toDate(d.acceptedAt),
    resolvedAt: toDate(d.resolvedAt),
    closedAt: toDate(d.closedAt),
    acceptBy: toDate(d.acceptBy),
    resolveBy: toDate(d.resolveBy),
    overdue: d.overdue === true,
    overdueHandledFor: toDate(d.overdueHandledFor),
    result: toStr(d.result),
    resultPhotos: Array.isArray(d.resultPhotos) ? d.resultPhotos.map(String) : [],
    rating: t.rating ?? null,
    ratingComment: toStr(d.ratingComment),
    transferCount: Number(d.transferCount ?? 0),
    reopenCount: Number(d.reopenCount ?? 0),
    timeline: (Array.isArray(d.timeline) ? (d.timeline as TimelineRecord[]) : []).map((e) => ({
      ...e,
      at: toDate(e.at) ?? new Date(0),
      photos: Array.isArray(e.photos) ? e.photos : [],
    })),
  };
}

export class CloudTicketStore implements TicketStore {
  constructor(private readonly db: Database = database()) {}

  async get(id: string): Promise<Ticket | null> {
    const found = await docs(this.db.collection(COLLECTION.tickets).where({ _id: id }).limit(1).get());
    return found[0] ? fromDoc(found[0]) : null;
  }

  async create(
    id: string,
    dayKey: string,
    build: (sequence: number) => Ticket,
    options: { rateLimit: RateLimit | null; effects: (ticket: Ticket) => ChangeEffects },
  ): Promise<CreateResult> {
    return withTransaction(this.db, async (tx): Promise<CreateResult> => {
      const existing = await txGet(tx, COLLECTION.tickets, id);
      if (existing) return { kind: 'existing', ticket: fromDoc(existing) };
      if (options.rateLimit && !(await admitted(tx, options.rateLimit))) return { kind: 'rate_limited' };
      const counterId = `ticketNo-${dayKey}`;
      const counter = await txGet(tx, COUNTERS, counterId);
      const sequence = (counter ? Number(counter.value) : 0) + 1;
      const ticket = build(sequence);
      await tx.collection(COUNTERS).doc(counterId).set({ data: { value: sequence } });
      const { _id: _omit, ...data } = toDoc(ticket);
      await tx.collection(COLLECTION.tickets).doc(id).set({ data });
      await writeEffects(tx, options.effects(ticket));
      return { kind: 'created', ticket };
    });
  }

  async save(next: Ticket, effects: ChangeEffects): Promise<boolean> {
    const { _id: _omit, ...data } = toDoc(next);
    return withTransaction(this.db, async (tx) => {
      const current = await txGet(tx, COLLECTION.tickets, next.id);
      if (!current || Number(current.version) !== next.version - 1) return false;
      await tx.collection(COLLECTION.tickets).doc(next.id).set({ data });
      await writeEffects(tx, effects);
      return true;
    });
  }

  async dueForSweep(now: Date, after: string | null, limit: number): Promise<Page<Ticket>> {
    const _ = this.db.command;
    const upper = now.toISOString();
    const where = { sweepKey: after ? _.and([_.gt(after), _.lt(upper)]) : _.lt(upper), status: _.in(['submitted', 'accepted']) };
    const rows = await docs(this.db.collection(COLLECTION.tickets).where(where).orderBy('sweepKey', 'asc').limit(limit).get());
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return { items: rows.map(fromDoc), nextCursor: last ? String(last.sweepKey) : null };
  }

  async resolvedBefore(before: Date, after: string | null, limit: number): Promise<Page<Ticket>> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { status: 'resolved', resolvedAt: _.lt(before) };
    if (after) where._id = _.gt(after);
    const rows = await docs(this.db.collection(COLLECTION.tickets).where(where).orderBy('_id', 'asc').limit(limit).get());
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return { items: rows.map(fromDoc), nextCursor: last ? last._id : null };
  }

  async nearby(category: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, since: Date): Promise<Ticket[]> {
    const _ = this.db.command;
    const rows = await docs(
      this.db
        .collection(COLLECTION.tickets)
        .where({
          category,
          status: _.in(['submitted', 'accepted']),
          createdAt: _.gte(since),
          'location.latitude': _.and([_.gte(box.minLat), _.lte(box.maxLat)]),
          'location.longitude': _.and([_.gte(box.minLng), _.lte(box.maxLng)]),
        })
        .orderBy('createdAt', 'desc')
        .limit(200)
        .get(),
    );
    return rows.map(fromDoc);
  }

  async count(query: TicketQuery): Promise<number> {
    return total(this.db.collection(COLLECTION.tickets).where(this.whereOf(query)).count());
  }

  async countOpenOverdue(area: Omit<TicketQuery, 'statuses' | 'order'>): Promise<number> {
    const where = this.whereOf({ ...area, statuses: ['submitted', 'accepted'], order: 'urgent', overdue: true });
    return total(this.db.collection(COLLECTION.tickets).where(where).count());
  }

  private whereOf(query: TicketQuery): Record<string, unknown> {
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
    // dueKey is "<ISO deadline>|<id>", so a plain string range selects deadlines in [from, before).
    if (query.dueBetween !== undefined) where.dueKey = _.and([_.gte(query.dueBetween.from.toISOString()), _.lt(query.dueBetween.before.toISOString())]);
    return where;
  }

  async list(query: TicketQuery, cursor: string | null, limit: number): Promise<Page<Ticket>> {
    const _ = this.db.command;
    const where = this.whereOf(query);
    const sortField = query.order === 'urgent' ? 'dueKey' : 'newestKey';
    const after = decodeCursor(cursor, TICKET_KEY);
    if (after !== null) where[sortField] = query.order === 'urgent' ? _.gt(after) : _.lt(after);
    const rows = await docs(
      this.db
        .collection(COLLECTION.tickets)
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
