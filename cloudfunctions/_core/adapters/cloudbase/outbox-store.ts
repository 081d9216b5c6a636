// The durable outbox (`outbox`): rows are written with their ticket change (ticket-store.ts,
// state 'pending'; a new ticket's beside it, carrying its number); the deliver job claims, sends
// and settles them here. Every state change is one conditional update on the row
// (`stats.updated` tells who won), so parallel runs never deliver the same attempt twice, and a
// run that lost its lease can no longer settle.
import { COLLECTION } from './collections';
import type { MessageData } from '../../domain/messages';
import type { OutboxRow, OutboxState, OutboxStore } from '../../ports';
import { docs, updated, type Doc, toDate, toStr } from './results';
import { database, type Database } from './sdk';

/** TCB answers at most 1000 rows per get; due() pages by 100. */
const MAX_DUE = 100;
const MAX_LIST = 1000;

const STATES: ReadonlySet<string> = new Set<OutboxState>(['pending', 'sending', 'sent', 'refused', 'failed', 'skipped']);

export function fromOutboxDoc(d: Doc): OutboxRow {
  const state = String(d.state);
  return {
    id: d._id,
    touser: String(d.touser),
    template: d.template as Api.TemplateKey,
    templateId: String(d.templateId),
    data: (d.data ?? {}) as MessageData,
    page: String(d.page),
    ticketId: String(d.ticketId),
    createdAt: toDate(d.createdAt) ?? new Date(0),
    confirmNo: toStr(d.confirmNo),
    state: STATES.has(state) ? (state as OutboxState) : 'failed',
    attempts: Number(d.attempts ?? 0),
    nextAttemptAt: toDate(d.nextAttemptAt) ?? new Date(0),
    leaseUntil: toDate(d.leaseUntil),
    lastError: toStr(d.lastError),
    finishedAt: toDate(d.finishedAt),
  };
}

const clampLimit = (limit: number, max: number): number => Math.max(1, Math.min(Math.floor(limit) || 1, max));

export class CloudOutboxStore implements OutboxStore {
  constructor(private readonly db: Database = database()) {}

  async due(now: Date, limit: number): Promise<OutboxRow[]> {
    const _ = this.db.command;
    const where = _.or([
      { state: 'pending', nextAttemptAt: _.lte(now) },
      { state: 'sending', leaseUntil: _.lt(now) },
    ]);
    const rows = await docs(
      this.db
        .collection(COLLECTION.outbox)
        .where(where)
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(clampLimit(limit, MAX_DUE))
        .get(),
    );
    return rows.map(fromOutboxDoc);
  }

  async claim(row: OutboxRow, now: Date, leaseMs: number): Promise<boolean> {
    const _ = this.db.command;
    // Only the row as it was read, and only while it is still due: pending and its time has
    // come, or sending under a lease that has run out (its holder crashed or stalled).
    const due = row.state === 'pending' ? { nextAttemptAt: _.lte(now) } : row.state === 'sending' ? { leaseUntil: _.lt(now) } : null;
    if (!due) return false;
    const result = this.db
      .collection(COLLECTION.outbox)
      .where({ _id: row.id, state: row.state, attempts: row.attempts, ...due })
      .update({ data: { state: 'sending', attempts: row.attempts + 1, leaseUntil: new Date(now.getTime() + leaseMs) } });
    return (await updated(result)) === 1;
  }

  async settle(
    id: string,
    attempts: number,
    patch: Pick<OutboxRow, 'state' | 'nextAttemptAt' | 'lastError' | 'finishedAt'>,
  ): Promise<boolean> {
    const result = this.db
      .collection(COLLECTION.outbox)
      .where({ _id: id, state: 'sending', attempts })
      .update({
        data: {
          state: patch.state,
          nextAttemptAt: patch.nextAttemptAt,
          lastError: patch.lastError,
          finishedAt: patch.finishedAt,
          leaseUntil: null,
        },
      });
    return (await updated(result)) === 1;
  }

  async list(limit: number): Promise<OutboxRow[]> {
    const rows = await docs(
      this.db.collection(COLLECTION.outbox).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(clampLimit(limit, MAX_LIST)).get(),
    );
    return rows.map(fromOutboxDoc);
  }
}
