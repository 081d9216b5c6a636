// Rule (催办): the reporter of an open ticket may urge it once it has waited past a deadline — the
// current one has passed, or the ticket was already marked overdue — and at most once in 24 hours.
// An urge is a timeline entry (and, in the use case, a reminder to the staff who hold the ticket);
// the status, level and deadlines stay as they are.
import { currentDeadline, recordChange, residentOf, type MoveContext } from './lifecycle';
import { canSee } from './responsibility';
import type { Actor, Ticket } from './types';
import { DAY_MS } from './time-units';

export const URGE_INTERVAL_MS = DAY_MS;

export type UrgeVerdict = { ok: true } | { ok: false; code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'RATE_LIMITED' };

/** When the reporter last urged the ticket, or null. */
export function lastUrgedAt(ticket: Ticket): Date | null {
  for (let i = ticket.timeline.length - 1; i >= 0; i -= 1) {
    const e = ticket.timeline[i];
    if (e && e.kind === 'urge') return e.at;
  }
  return null;
}

/** Has the ticket waited past a deadline? */
function waitedTooLong(ticket: Ticket, now: Date): boolean {
  const due = currentDeadline(ticket);
  return ticket.overdue || (due !== null && now.getTime() > due.getTime());
}

export function judgeUrge(ticket: Ticket, actor: Actor, now: Date): UrgeVerdict {
  if (!canSee(ticket, actor)) return { ok: false, code: 'NOT_FOUND' };
  // The resident it is about may urge it (the reporter, or who claimed the 代报).
  if (residentOf(ticket) !== actor.openid) return { ok: false, code: 'FORBIDDEN' };
  if ((ticket.status !== 'submitted' && ticket.status !== 'accepted') || !waitedTooLong(ticket, now))
    return { ok: false, code: 'CONFLICT' };
  const last = lastUrgedAt(ticket);
  if (last !== null && now.getTime() - last.getTime() < URGE_INTERVAL_MS) return { ok: false, code: 'RATE_LIMITED' };
  return { ok: true };
}

export function urge(ticket: Ticket, ctx: MoveContext): Ticket {
  return recordChange(ticket, ctx, {}, { kind: 'urge', toStatus: ticket.status });
}
