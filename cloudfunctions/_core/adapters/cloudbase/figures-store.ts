// Figures (`rollups`): one document per level × place × Shanghai day holding the tally of the
// tickets that arrived that day in that place, broken down for the figures page, and for each
// place above the cells one rollup per Shanghai month (the merge of its days, with each day's
// total), stored in parts that fit one query's answer. Written only by the figures job (under a
// single-runner lease in `meta`), read by stats.summary — a year of one area is 12 months' parts. The job finds tickets to count by `figuresDirty`, recounts their
// cells from the tickets themselves, and marks each ticket counted only if it did not change
// meanwhile (its version), so a figure is never counted from a state that was already replaced.
import { emptyBody, type FigureBody, type Tally } from '../../domain/figures';
import type { PlaceRef, Ticket } from '../../domain/types';
import type { DayFigures, DirtyTicket, FigureLevel, FiguresStore, MonthFigures } from '../../ports';
import { COLLECTION } from './collections';
import { addStoredBody, packBody, packDays, unpackBody, unpackDays } from './figures-codec';
import { docs, type Doc, toStr, updated, isDuplicateKey, isAnswerTooLarge, removed } from './results';
import { database, type Database } from './sdk';
import { fromDoc, staleCellsOf } from './ticket-store';

const PAGE = 1000;
const LEASE_ID = 'figuresLease';

/** What one page of rollups may weigh: well under the ~1 MB a query may answer (PLATFORM.md 7). */
export const ROLLUP_PAGE_BYTES = 512 * 1024;

/** The next page's size: as many days as fit ROLLUP_PAGE_BYTES at the heaviest day seen so far, at most PAGE. */
function pageFor(rows: readonly Doc[], previous: number): number {
  let heaviest = 1;
  for (const row of rows) heaviest = Math.max(heaviest, Buffer.byteLength(JSON.stringify(row), 'utf8'));
  return Math.max(1, Math.min(PAGE, previous * 4, Math.floor(ROLLUP_PAGE_BYTES / heaviest)));
}

export const rollupId = (level: FigureLevel, place: string, day: string): string => `${level}|${place}|${day}`;

/**
 * What one part of a month rollup may weigh. A month of a busy district holds a tally per grid and
 * per handler with minute histograms — at city scale several megabytes, more than one query may
 * answer — so a month is stored as parts that each hold some of its entries (the first also its
 * total): a month is the merge of its parts, read two or more to a page.
 */
export const MONTH_PART_BYTES = ROLLUP_PAGE_BYTES / 2;

const monthPrefix = (level: FigureLevel, place: string, month: string): string => `month|${level}|${place}|${month}|`;
/** Month part ids sort by month, then part: a month's parts are one _id range. */
const monthPartId = (level: FigureLevel, place: string, month: string, part: number): string =>
  `${monthPrefix(level, place, month)}${String(part).padStart(3, '0')}`;

const bodyOf = (d: Doc): FigureBody => unpackBody(d.body);

/** Where a cell's rollup sits, for the places above it (null fields are not counted there). */
const PARENT_FIELD: Readonly<Record<Exclude<FigureLevel, 'cell' | 'all'>, 'community' | 'street' | 'district'>> = {
  community: 'community',
  street: 'street',
  district: 'district',
};

/** The stored form of a rollup, as write() stores it (a bench seeds rollups straight into the local cloud with it). */
export function rollupDoc(level: FigureLevel, place: string, day: string, body: FigureBody, cellPlace: PlaceRef | null, now: Date): Doc {
  return {
    _id: rollupId(level, place, day),
    level,
    place,
    day,
    gridCode: cellPlace?.gridCode ?? null,
    community: cellPlace?.community ?? null,
    street: cellPlace?.street ?? null,
    district: cellPlace?.district ?? null,
    body: packBody(body),
    countedAt: now,
  };
}

const BREAKDOWNS = ['byCategory', 'bySource', 'byDepartment', 'byGrid', 'byStaff', 'staffTags'] as const;

/** The stored form of a month rollup: its packed entries spread over parts of at most MONTH_PART_BYTES (each part at least one entry). */
export function monthDocs(level: Exclude<FigureLevel, 'cell'>, place: string, month: string, figures: MonthFigures, now: Date): Doc[] {
  const packed = packBody(figures.body);
  type Part = { body: Record<string, unknown>; days: Record<string, string>; bytes: number };
  const fresh = (): Part => ({ body: Object.fromEntries(BREAKDOWNS.map((key) => [key, {}])), days: {}, bytes: 0 });
  let current = fresh();
  current.body.total = packed.total;
  current.bytes = String(packed.total).length;
  const parts: Part[] = [current];
  const place1 = (bytes: number): void => {
    if (current.bytes + bytes > MONTH_PART_BYTES && current.bytes > 0) parts.push((current = fresh()));
    current.bytes += bytes;
  };
  for (const key of BREAKDOWNS) {
    for (const [k, value] of Object.entries(packed[key] as Record<string, unknown>)) {
      place1(k.length + (typeof value === 'string' ? value.length : JSON.stringify(value).length) + 8);
      (current.body[key] as Record<string, unknown>)[k] = value;
    }
  }
  for (const [day, total] of Object.entries(packDays(figures.days))) {
    place1(day.length + total.length + 8);
    current.days[day] = total;
  }
  return parts.map((p, i) => ({
    _id: monthPartId(level, place, month, i),
    level,
    place,
    month,
    part: i,
    parts: parts.length,
    body: p.body,
    days: p.days,
    countedAt: now,
  }));
}

export class CloudFiguresStore implements FiguresStore {
  constructor(private readonly db: Database = database()) {}

  async read(level: FigureLevel, place: string, fromDay: string, toDay: string): Promise<DayFigures[]> {
    const _ = this.db.command;
    const out: DayFigures[] = [];
    let after: string | null = null;
    // A busy district's day is a few hundred kilobytes (its grids and staff, each with minute
    // histograms), and one answer may not pass ~1 MB: pages are sized from the largest day read
    // so far, the first page being a single day, and halved if the cloud still refuses one.
    let limit = 1;
    for (;;) {
      const day = after === null ? _.and([_.gte(fromDay), _.lte(toDay)]) : _.and([_.gt(after), _.lte(toDay)]);
      let rows: Doc[];
      try {
        rows = await docs(this.db.collection(COLLECTION.rollups).where({ level, place, day }).orderBy('day', 'asc').limit(limit).get());
      } catch (error) {
        if (limit === 1 || !isAnswerTooLarge(error)) throw error;
        limit = Math.max(1, Math.floor(limit / 2));
        continue;
      }
      for (const row of rows) out.push({ day: String(row.day), body: bodyOf(row) });
      if (rows.length < limit) return out;
      after = String(rows[rows.length - 1]?.day);
      limit = pageFor(rows, limit);
    }
  }

  async readMonths(level: Exclude<FigureLevel, 'cell'>, place: string, fromMonth: string, toMonth: string): Promise<MonthFigures[]> {
    const _ = this.db.command;
    const parts: Doc[] = [];
    const end = `${monthPrefix(level, place, toMonth)}~`;
    let after: string | null = null;
    // Parts weigh up to MONTH_PART_BYTES: pages sized from the heaviest read so far, as read() does.
    let limit = 1;
    for (;;) {
      const _id = after === null ? _.and([_.gte(monthPrefix(level, place, fromMonth)), _.lt(end)]) : _.and([_.gt(after), _.lt(end)]);
      let rows: Doc[];
      try {
        rows = await docs(this.db.collection(COLLECTION.rollups).where({ level, place, _id }).orderBy('_id', 'asc').limit(limit).get());
      } catch (error) {
        if (limit === 1 || !isAnswerTooLarge(error)) throw error;
        limit = Math.max(1, Math.floor(limit / 2));
        continue;
      }
      parts.push(...rows);
      if (rows.length < limit) break;
      after = rows[rows.length - 1]?._id ?? null;
      limit = pageFor(rows, limit);
    }
    const months = new Map<string, Doc[]>();
    for (const row of parts) months.set(String(row.month), [...(months.get(String(row.month)) ?? []), row]);
    return [...months].map(([month, rows]) => ({
      month,
      body: rows.reduce((body, row) => (addStoredBody(body, row.body), body), emptyBody()),
      days: Object.assign({}, ...rows.map((r) => unpackDays(r.days))) as Record<string, Tally>,
    }));
  }

  async writeMonth(level: Exclude<FigureLevel, 'cell'>, place: string, month: string, figures: MonthFigures, now: Date): Promise<void> {
    const parts = monthDocs(level, place, month, figures, now);
    for (const { _id, ...data } of parts) await this.db.collection(COLLECTION.rollups).doc(_id).set({ data });
    // Parts an earlier, heavier version of the month had beyond these.
    const _ = this.db.command;
    await removed(
      this.db
        .collection(COLLECTION.rollups)
        .where({
          level,
          place,
          _id: _.and([_.gte(monthPartId(level, place, month, parts.length)), _.lt(`${monthPrefix(level, place, month)}~`)]),
        })
        .remove(),
    );
  }

  async lease(holder: string, now: Date, ms: number): Promise<boolean> {
    const _ = this.db.command;
    const until = new Date(now.getTime() + ms);
    const taken = await updated(
      this.db
        .collection(COLLECTION.meta)
        .where({ _id: LEASE_ID, until: _.lt(now) })
        .update({ data: { holder, until } }),
    );
    if (taken === 1) return true;
    try {
      await this.db.collection(COLLECTION.meta).add({ data: { _id: LEASE_ID, holder, until } });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async release(holder: string): Promise<void> {
    await this.db
      .collection(COLLECTION.meta)
      .where({ _id: LEASE_ID, holder })
      .update({ data: { until: new Date(0) } });
  }

  async dirty(after: string | null, limit: number): Promise<DirtyTicket[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { figuresDirty: true };
    if (after !== null) where._id = _.gt(after);
    const rows = await docs(
      this.db
        .collection(COLLECTION.tickets)
        .where(where)
        .orderBy('_id', 'asc')
        .limit(Math.min(limit, PAGE))
        .field({
          _id: true,
          version: true,
          figuresDay: true,
          figuresCell: true,
          figuresStale: true,
          gridCode: true,
          gridName: true,
          community: true,
          street: true,
          district: true,
        })
        .get(),
    );
    return rows.map((row) => ({
      id: row._id,
      version: Number(row.version),
      day: String(row.figuresDay),
      cell: String(row.figuresCell),
      place: {
        gridCode: toStr(row.gridCode),
        gridName: toStr(row.gridName),
        community: toStr(row.community),
        street: toStr(row.street),
        district: toStr(row.district),
      },
      stale: staleCellsOf(row),
    }));
  }

  async cellTickets(cell: string, day: string): Promise<Ticket[]> {
    const _ = this.db.command;
    const out: Ticket[] = [];
    let after: string | null = null;
    for (;;) {
      const where: Record<string, unknown> = { figuresCell: cell, figuresDay: day };
      if (after !== null) where._id = _.gt(after);
      const rows = await docs(this.db.collection(COLLECTION.tickets).where(where).orderBy('_id', 'asc').limit(PAGE).get());
      out.push(...rows.map(fromDoc));
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1]?._id ?? null;
    }
  }

  async cellBodies(level: Exclude<FigureLevel, 'cell'>, place: string, day: string): Promise<FigureBody[]> {
    const _ = this.db.command;
    const out: FigureBody[] = [];
    let after: string | null = null;
    for (;;) {
      const where: Record<string, unknown> = { level: 'cell', day };
      if (level !== 'all') where[PARENT_FIELD[level]] = place;
      if (after !== null) where._id = _.gt(after);
      const rows = await docs(this.db.collection(COLLECTION.rollups).where(where).orderBy('_id', 'asc').limit(PAGE).get());
      out.push(...rows.map(bodyOf));
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1]?._id ?? null;
    }
  }

  async write(level: FigureLevel, place: string, day: string, body: FigureBody, cellPlace: PlaceRef | null, now: Date): Promise<void> {
    const { _id, ...data } = rollupDoc(level, place, day, body, cellPlace, now);
    await this.db.collection(COLLECTION.rollups).doc(_id).set({ data });
  }

  async markCounted(ticket: DirtyTicket): Promise<boolean> {
    const result = this.db
      .collection(COLLECTION.tickets)
      .where({ _id: ticket.id, version: ticket.version })
      .update({ data: { figuresDirty: false, figuresStale: [] } });
    return (await updated(result)) === 1;
  }
}
