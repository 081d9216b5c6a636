// Who handles a ticket, as its reporter may see them: a staff member's public display name and
// service phone, never an openid. Finished tickets name who finished them (resolved or rejected
// them). Open ones name the staff member who last acted on it and still holds it; failing that,
// the one person whose queue it sits in (a grid with one worker); else nobody yet.
import { holdsNow } from '../../domain/notes';
import type { Actor, Holder, Ticket, TimelineKind } from '../../domain/types';
import type { Deps, StaffRecord } from '../../ports';
import { ROLE_LABEL } from '../labels';
import { holderKey } from '../../domain/holder';
import { holderOf } from './effects';

const FINISHING: Partial<Record<Api.TicketStatus, TimelineKind>> = { resolved: 'resolve', closed: 'resolve', rejected: 'reject' };

const byStaff = (entry: Ticket['timeline'][number] | undefined): entry is Ticket['timeline'][number] & { actorOpenid: string } =>
  !!entry && entry.actorOpenid !== null && entry.actorRole !== 'resident' && entry.actorRole !== 'system';

/**
 * Who a request names as handlers, through the staff store's `shown` reads (what this function
 * instance read in the last STAFF_SHOWN_MS, for naming only) and the records the request already
 * holds (the caller's own). `prefetch` reads all a page needs in two batched reads up front; the
 * lookups after it are answered from what the store then holds.
 */
export class People {
  private readonly known: ReadonlyMap<string, StaffRecord>;

  /** `known`: records already read in this request (the caller's own). */
  constructor(
    private readonly deps: Deps,
    known: ReadonlyArray<StaffRecord | null | undefined> = [],
  ) {
    this.known = new Map(known.filter((r): r is StaffRecord => !!r).map((r) => [r.openid, r]));
  }

  async staff(openid: string): Promise<StaffRecord | null> {
    return this.known.get(openid) ?? (await this.deps.staff.shown([openid]))[0] ?? null;
  }

  async holders(holder: Holder): Promise<string[]> {
    return ((await this.deps.staff.shownHolders([holder])).get(holderKey(holder)) ?? []).map((r) => r.openid);
  }

  /**
   * Reads what handlerOf needs for these tickets in at most two queries, sent together: the staff
   * named in their timelines, and the holders of the queues of open tickets. (A queue is read even
   * where someone named in the timeline turns out to hold the ticket still: a few more rows, and
   * one round trip less than reading the names first.)
   */
  async prefetch(tickets: readonly Ticket[]): Promise<void> {
    const named = new Set<string>();
    const queues = new Map<string, Holder>();
    for (const ticket of tickets) {
      for (const entry of ticket.timeline) if (byStaff(entry) && !this.known.has(entry.actorOpenid)) named.add(entry.actorOpenid);
      if (ticket.status === 'withdrawn' || FINISHING[ticket.status]) continue;
      const holder = holderOf(ticket);
      if (holder) queues.set(holderKey(holder), holder);
    }
    await Promise.all([
      named.size > 0 ? this.deps.staff.shown([...named]) : null,
      queues.size > 0 ? this.deps.staff.shownHolders([...queues.values()]) : null,
    ]);
  }
}

const asActor = (record: StaffRecord): Actor => ({
  openid: record.openid,
  role: record.role,
  scope: record.scope,
  name: record.displayName,
});

export const handlerFrom = (record: StaffRecord): Api.Handler => ({
  name: record.displayName ?? ROLE_LABEL[record.role],
  phone: record.servicePhone,
});

/** The staff member who made the last `kind` entry. */
async function lastToDo(ticket: Ticket, kind: TimelineKind, people: People): Promise<StaffRecord | null> {
  const entry = [...ticket.timeline].reverse().find((e) => e.kind === kind && byStaff(e));
  return entry?.actorOpenid ? people.staff(entry.actorOpenid) : null;
}

/** The staff member who acted on it last and still holds it now. */
async function lastHolderToAct(ticket: Ticket, people: People): Promise<StaffRecord | null> {
  const seen = new Set<string>();
  for (const entry of [...ticket.timeline].reverse()) {
    if (!byStaff(entry) || seen.has(entry.actorOpenid)) continue;
    seen.add(entry.actorOpenid);
    const record = await people.staff(entry.actorOpenid);
    if (record && holdsNow(ticket, asActor(record))) return record;
  }
  return null;
}

export async function handlerOf(ticket: Ticket, people: People): Promise<Api.Handler | null> {
  if (ticket.status === 'withdrawn') return null;
  const finishing = FINISHING[ticket.status];
  if (finishing) {
    const finisher = await lastToDo(ticket, finishing, people);
    return finisher ? handlerFrom(finisher) : null;
  }
  const acting = await lastHolderToAct(ticket, people);
  if (acting) return handlerFrom(acting);
  const holder = holderOf(ticket);
  const queue = holder ? await people.holders(holder) : [];
  if (queue.length !== 1 || !queue[0]) return null;
  const only = await people.staff(queue[0]);
  return only ? handlerFrom(only) : null;
}
