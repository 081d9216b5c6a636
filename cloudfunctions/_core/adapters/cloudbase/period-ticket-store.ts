// The tickets of an area that arrived in a period, oldest first, for admin.export: one indexed
// query per page on the ticket's area keys and its newestKey ("<createdAt ISO>|<id>", so a plain
// string range selects arrivals in [from, before)), served by `areas_newest` in collections.ts.
// Pages stay well under TCB's 1 MB answer: the use case asks for at most a few hundred tickets.
import type { Page, PeriodTicketStore } from '../../ports';
import type { Ticket } from '../../domain/types';
import { COLLECTION } from './collections';
import { docs, TICKET_KEY, total } from './results';
import { database, type Database } from './sdk';
import { fromDoc } from './ticket-store';

const MAX_ROWS = 1000;

export class CloudPeriodTicketStore implements PeriodTicketStore {
  constructor(private readonly db: Database = database()) {}

  private where(areaKey: string, lower: { after: string } | { from: string }, before: Date): Record<string, unknown> {
    const _ = this.db.command;
    const low = 'after' in lower ? _.gt(lower.after) : _.gte(lower.from);
    return { areas: areaKey, newestKey: _.and([low, _.lt(before.toISOString())]) };
  }

  async count(areaKey: string, from: Date, before: Date): Promise<number> {
    return total(
      this.db
        .collection(COLLECTION.tickets)
        .where(this.where(areaKey, { from: from.toISOString() }, before))
        .count(),
    );
  }

  async page(areaKey: string, from: Date, before: Date, cursor: string | null, limit: number): Promise<Page<Ticket>> {
    if (cursor !== null && !TICKET_KEY.test(cursor)) throw new Error('bad export cursor');
    const lower = cursor !== null ? { after: cursor } : { from: from.toISOString() };
    const rows = await docs(
      this.db
        .collection(COLLECTION.tickets)
        .where(this.where(areaKey, lower, before))
        .orderBy('newestKey', 'asc')
        .limit(Math.min(limit + 1, MAX_ROWS))
        .get(),
    );
    const items = rows.slice(0, limit).map(fromDoc);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? String(last.newestKey) : null };
  }
}
