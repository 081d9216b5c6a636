// Tickets in the `tickets` collection. Writes are conditional on the version read, so two
// staff acting at once cannot both win; a change, its outbox rows and 督办 record commit in one
// transaction that writes nothing shared with other tickets (no counters, no figures: see
// domain/ticket-no.ts and the figures job); a new ticket and its messages are written side by
// side instead (see create). Each document carries the keys its queries use,
// all served by the indexes in collections.ts: `duty`/`areas` (who acts / who watches),
// dueKey ("most urgent first"), newestKey ("newest first"), sweepKey and resolvedKey (jobs), and
// the figures bookkeeping (figuresDirty until the figures job has counted the current version).
import { cellOf, cohortDay } from '../../domain/figures';
import { currentDeadline } from '../../domain/lifecycle';
import { areaKeys, dutyKeys } from '../../domain/responsibility';
import type { PlaceRef, Ticket, TimelineRecord } from '../../domain/types';
import type { ChangeEffects, CreateResult, OutboxMessage, Page, TicketFilter, TicketQuery, TicketStore } from '../../ports';
import { COLLECTION } from './collections';
import { decodeCursor, docs, encodeCursor, isDuplicateKey, TICKET_KEY, total, type Doc, toDate, toStr, updated } from './results';
import { database, type Database } from './sdk';
import { txGet, withTransaction, type Tx } from './transaction';
import { TimelineChain, TimelineTamperedError } from './timeline-chain';

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
/** Auto-close's index: when a resolved ticket was resolved, else "not waiting to close". */
export const resolvedKey = (ticket: Ticket): string =>
  `${ticket.status === 'resolved' && ticket.resolvedAt ? ticket.resolvedAt.toISOString() : NOTHING_DUE}|${ticket.id}`;

export const peopleOf = (ticket: Ticket): string[] => [
  ...new Set([ticket.reporterOpenid, ...(ticket.claimantOpenid !== null ? [ticket.claimantOpenid] : []), ...ticket.followers]),
];

/** A cell the ticket left (transfer), kept until the figures job has recounted it. */
export interface StaleCell {
  cell: string;
  place: PlaceRef;
}

export function toDoc(ticket: Ticket, staleCells: readonly StaleCell[] = []): Record<string, unknown> {
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
    duty: dutyKeys(ticket),
    areas: areaKeys(ticket),
    // Everyone whose 我的上报 lists it: who filed it, who claimed it, who follows it.
    people: peopleOf(ticket),
    dueKey: dueKey(ticket),
    newestKey: newestKey(ticket),
    sweepKey: sweepKey(ticket),
    resolvedKey: resolvedKey(ticket),
    figuresDirty: true,
    figuresCell: cellOf(place),
    figuresDay: cohortDay(ticket),
    figuresStale: staleCells.map((s) => ({ cell: s.cell, place: { ...s.place } })),
  };
}

const placeOfDoc = (d: Doc): PlaceRef => ({
  gridCode: toStr(d.gridCode),
  gridName: toStr(d.gridName),
  community: toStr(d.community),
  street: toStr(d.street),
  district: toStr(d.district),
});

export function staleCellsOf(d: Doc): StaleCell[] {
  const raw = Array.isArray(d.figuresStale) ? (d.figuresStale as unknown[]) : [];
  return raw.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const e = entry as { cell?: unknown; place?: unknown };
    if (typeof e.cell !== 'string' || typeof e.place !== 'object' || e.place === null) return [];
    return [{ cell: e.cell, place: placeOfDoc(e.place as Doc) }];
  });
}

/** The cells whose figures a change leaves behind: the ones not counted yet, plus the one it leaves. */
function staleAfter(current: Doc, next: Ticket): StaleCell[] {
  const stale = staleCellsOf(current);
  const from = typeof current.figuresCell === 'string' ? current.figuresCell : null;
  if (from !== null && from !== cellOf(next.place) && !stale.some((s) => s.cell === from))
    stale.push({ cell: from, place: placeOfDoc(current) });
  return stale;
}

/** A message as the outbox stores it: pending, due at once. */
export function outboxDoc(message: OutboxMessage): { _id: string } & Record<string, unknown> {
  const { id, confirmNo, ...row } = message;
  return {
    ...row,
    _id: id,
    confirmNo: confirmNo ?? null,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: message.createdAt,
    leaseUntil: null,
    lastError: null,
    finishedAt: null,
  };
}

/**
 * Writes a change's effects inside the transaction: outbox rows and the 督办 record, all new
 * documents, and the answer on one of this ticket's own 督办 records (ticket.reply).
 */
async function writeEffects(tx: Tx, effects: ChangeEffects): Promise<void> {
  for (const message of effects.outbox) {
    const { _id, ...data } = outboxDoc(message);
    await tx.collection(COLLECTION.outbox).doc(_id).set({ data });
  }
  if (effects.supervision) {
    const { id, ...record } = effects.supervision;
    await tx
      .collection(COLLECTION.supervisions)
      .doc(id)
      .set({ data: { ...record } });
  }
  if (effects.answered) {
    await tx
      .collection(COLLECTION.supervisions)
      .doc(effects.answered.supervisionId)
      .update({ data: { answer: { ...effects.answered.answer } } });
  }
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
    claimantOpenid: toStr(d.claimantOpenid),
    claimCode: toStr(d.claimCode),
    followers: Array.isArray(d.followers) ? d.followers.filter((f): f is string => typeof f === 'string') : [],
    reporterName: toStr(d.reporterName),
    contactPhone: toStr(d.contactPhone),
    category: String(d.category),
    profile: t.profile,
    kind: t.kind,
    description: String(d.description),
    photos: Array.isArray(d.photos) ? d.photos.map(String) : [],
    location: { latitude: location.latitude, longitude: location.longitude, address: location.address ?? null },
    place: placeOfDoc(d),
    level: t.level,
    departmentCode: toStr(d.departmentCode),
    dispatchedTo: toStr(d.dispatchedTo),
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

/** A number that clashed with another ticket's is drawn again; past this many tries something is wrong. */
const NUMBER_ATTEMPTS = 8;
const OPEN: readonly string[] = ['submitted', 'accepted'];

export class CloudTicketStore implements TicketStore {
  constructor(
    private readonly db: Database = database(),
    /** Hashes each new timeline entry onto the one before (timeline-chain.ts). */
    private readonly chain: TimelineChain = new TimelineChain(),
  ) {}

  async get(id: string): Promise<Ticket | null> {
    const found = await docs(this.db.collection(COLLECTION.tickets).where({ _id: id }).limit(1).get());
    return found[0] ? fromDoc(found[0]) : null;
  }

  async create(
    id: string,
    build: (attempt: number) => Ticket,
    messages: (ticket: Ticket) => readonly OutboxMessage[],
  ): Promise<CreateResult> {
    for (let attempt = 0; ; attempt += 1) {
      const ticket = build(attempt);
      const data = { ...toDoc(ticket), ...this.chain.append(id, [], ticket.timeline) };
      // The ticket and its messages at once, not in a transaction (four calls in a row: start,
      // insert, insert, commit): a submit waits for one round trip. A message whose ticket was
      // not written (a crash between, a number drawn again) is never sent: the deliver job sends
      // it only once ticket `id` exists with the number it carries.
      const [made, ...queued] = await Promise.allSettled([
        this.db.collection(COLLECTION.tickets).add({ data }),
        ...messages(ticket).map((m) => this.db.collection(COLLECTION.outbox).add({ data: outboxDoc({ ...m, confirmNo: ticket.no }) })),
      ]);
      // A message already queued (the same report sent again) is the one wanted.
      const lost = queued.find((q): q is PromiseRejectedResult => q.status === 'rejected' && !isDuplicateKey(q.reason));
      if (made?.status === 'fulfilled') {
        if (lost) throw lost.reason;
        return { kind: 'created', ticket };
      }
      if (!isDuplicateKey(made?.reason)) throw made?.reason;
      // Its id was taken (a retry of a report already made: a lost answer) or its number was.
      const existing = await this.get(id);
      if (existing) return { kind: 'existing', ticket: existing };
      // Another ticket holds this number (unique index): draw the next one.
      if (attempt + 1 >= NUMBER_ATTEMPTS) throw made?.reason;
    }
  }

  async save(next: Ticket, effects: ChangeEffects): Promise<boolean> {
    return withTransaction(this.db, async (tx) => {
      const current = await txGet(tx, COLLECTION.tickets, next.id);
      if (!current || Number(current.version) !== next.version - 1) return false;
      // Following is not a change of the ticket's version (follow() is a plain update): keep
      // whoever followed since `next` was read.
      const followers = [...new Set([...next.followers, ...fromDoc(current).followers])];
      // A timeline edited in the database is not built on (the next entry would hide the edit):
      // the move fails like a lost race, the jobs go on with other tickets, the log names it.
      const verdict = this.chain.verify(current as { _id: string });
      if (!verdict.ok) {
        console.error(new TimelineTamperedError(next.id, verdict).message);
        return false;
      }
      // Earlier entries are kept as stored (append refuses a rewrite); new ones are chained on.
      const chained = this.chain.append(next.id, Array.isArray(current.timeline) ? current.timeline : [], next.timeline);
      const { _id: _omit, ...fields } = toDoc({ ...next, followers }, staleAfter(current, next));
      const data = { ...fields, ...chained };
      await tx.collection(COLLECTION.tickets).doc(next.id).set({ data });
      await writeEffects(tx, effects);
      return true;
    });
  }

  async dueForSweep(now: Date, after: string | null, limit: number): Promise<Page<Ticket>> {
    const _ = this.db.command;
    const upper = now.toISOString();
    const where = { sweepKey: after ? _.and([_.gt(after), _.lt(upper)]) : _.lt(upper), status: _.in([...OPEN]) };
    const rows = await docs(this.db.collection(COLLECTION.tickets).where(where).orderBy('sweepKey', 'asc').limit(limit).get());
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return { items: rows.map(fromDoc), nextCursor: last ? String(last.sweepKey) : null };
  }

  async resolvedBefore(before: Date, after: string | null, limit: number): Promise<Page<Ticket>> {
    const _ = this.db.command;
    const upper = before.toISOString();
    const where = { status: 'resolved', resolvedKey: after ? _.and([_.gt(after), _.lt(upper)]) : _.lt(upper) };
    const rows = await docs(this.db.collection(COLLECTION.tickets).where(where).orderBy('resolvedKey', 'asc').limit(limit).get());
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return { items: rows.map(fromDoc), nextCursor: last ? String(last.resolvedKey) : null };
  }

  async nearby(category: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, since: Date): Promise<Ticket[]> {
    const _ = this.db.command;
    const rows = await docs(
      this.db
        .collection(COLLECTION.tickets)
        .where({
          category,
          status: _.in([...OPEN]),
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

  /** The where of a query, or null when it can match nothing (an empty key list). */
  private whereOf(query: TicketFilter): Record<string, unknown> | null {
    const _ = this.db.command;
    const where: Record<string, unknown> = {};
    if ('duty' in query) {
      if (query.duty.length === 0) return null;
      where.duty = _.in([...query.duty]);
    } else if ('areas' in query) {
      if (query.areas.length === 0) return null;
      where.areas = _.in([...query.areas]);
    } else {
      where.people = query.person;
    }
    if (query.statuses.length > 0) where.status = _.in([...query.statuses]);
    if (query.overdue !== undefined) where.overdue = query.overdue;
    // dueKey is "<ISO deadline>|<id>", so a plain string range selects deadlines in [from, before).
    if (query.dueBetween !== undefined)
      where.dueKey = _.and([_.gte(query.dueBetween.from.toISOString()), _.lt(query.dueBetween.before.toISOString())]);
    return where;
  }

  async follow(id: string, openid: string, maxFollowers: number): Promise<'followed' | 'full' | 'closed'> {
    const _ = this.db.command;
    const current = await this.get(id);
    if (!current || (current.status !== 'submitted' && current.status !== 'accepted')) return 'closed';
    if (current.followers.includes(openid)) return 'followed';
    if (current.followers.length >= maxFollowers) return 'full';
    // A plain, atomic update (it waits for a staff member's transaction on the ticket, and
    // changes no version: following is not a move in the lifecycle).
    const changed = await updated(
      this.db
        .collection(COLLECTION.tickets)
        .where({ _id: id, status: _.in([...OPEN]) })
        .update({ data: { followers: _.addToSet(openid), people: _.addToSet(openid) } }),
    );
    return changed === 1 || (await this.get(id))?.followers.includes(openid) ? 'followed' : 'closed';
  }

  async findByClaimCode(code: string): Promise<Ticket | null> {
    const rows = await docs(this.db.collection(COLLECTION.tickets).where({ claimCode: code }).limit(1).get());
    return rows[0] ? fromDoc(rows[0]) : null;
  }

  async count(query: TicketFilter): Promise<number> {
    const where = this.whereOf(query);
    return where === null ? 0 : total(this.db.collection(COLLECTION.tickets).where(where).count());
  }

  async list(query: TicketQuery, cursor: string | null, limit: number): Promise<Page<Ticket>> {
    const _ = this.db.command;
    const sortField = query.order === 'urgent' ? 'dueKey' : 'newestKey';
    const after = decodeCursor(cursor, TICKET_KEY);
    const where = this.whereOf(query);
    if (where === null) return { items: [], nextCursor: null };
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
