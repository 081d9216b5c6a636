// Figures (`rollups`): one document per level × place × Shanghai day holding the tally of the
// tickets that arrived that day in that place, broken down for the figures page. Written only by
// the figures job (under a single-runner lease in `meta`), read by stats.summary — a year of one
// area is at most 366 documents. The job finds tickets to count by `figuresDirty`, recounts their
// cells from the tickets themselves, and marks each ticket counted only if it did not change
// meanwhile (its version), so a figure is never counted from a state that was already replaced.
import { emptyBody, type FigureBody } from '../../domain/figures';
import type { PlaceRef, Ticket } from '../../domain/types';
import type { DayFigures, DirtyTicket, FigureLevel, FiguresStore } from '../../ports';
import { COLLECTION } from './collections';
import { docs, type Doc, toStr, updated, isDuplicateKey } from './results';
import { database, type Database } from './sdk';
import { fromDoc, staleCellsOf } from './ticket-store';

const PAGE = 1000;
const LEASE_ID = 'figuresLease';

export const rollupId = (level: FigureLevel, place: string, day: string): string => `${level}|${place}|${day}`;

function bodyOf(d: Doc): FigureBody {
  const raw = d.body;
  if (typeof raw !== 'object' || raw === null) return emptyBody();
  return { ...emptyBody(), ...(raw as Partial<FigureBody>) };
}

/** Where a cell's rollup sits, for the places above it (null fields are not counted there). */
const PARENT_FIELD: Readonly<Record<Exclude<FigureLevel, 'cell' | 'all'>, 'community' | 'street' | 'district'>> = {
  community: 'community',
  street: 'street',
  district: 'district',
};

export class CloudFiguresStore implements FiguresStore {
  constructor(private readonly db: Database = database()) {}

  async read(level: FigureLevel, place: string, fromDay: string, toDay: string): Promise<DayFigures[]> {
    const _ = this.db.command;
    const out: DayFigures[] = [];
    let after: string | null = null;
    for (;;) {
      const day = after === null ? _.and([_.gte(fromDay), _.lte(toDay)]) : _.and([_.gt(after), _.lte(toDay)]);
      const rows = await docs(this.db.collection(COLLECTION.rollups).where({ level, place, day }).orderBy('day', 'asc').limit(PAGE).get());
      for (const row of rows) out.push({ day: String(row.day), body: bodyOf(row) });
      if (rows.length < PAGE) return out;
      after = String(rows[rows.length - 1]?.day);
    }
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
    await this.db
      .collection(COLLECTION.rollups)
      .doc(rollupId(level, place, day))
      .set({
        data: {
          level,
          place,
          day,
          gridCode: cellPlace?.gridCode ?? null,
          community: cellPlace?.community ?? null,
          street: cellPlace?.street ?? null,
          district: cellPlace?.district ?? null,
          body: { ...body },
          countedAt: now,
        },
      });
  }

  async markCounted(ticket: DirtyTicket): Promise<boolean> {
    const result = this.db
      .collection(COLLECTION.tickets)
      .where({ _id: ticket.id, version: ticket.version })
      .update({ data: { figuresDirty: false, figuresStale: [] } });
    return (await updated(result)) === 1;
  }
}
