// Notes staff add to a ticket without moving it: revealing the reporter's phone to call them
// (`contact`, an audit entry: each reveal is recorded) and answering a 督办 (`reply`). Only the
// staff who hold the ticket now may add them — its responsible level, or the department it was
// dispatched to — and only while there is something to do.
import { relationsOf, type Verdict } from './lifecycle';
import { canSee } from './responsibility';
import type { Actor, Ticket, TicketNote, TicketStatus } from './types';

export const NOTE_RULES: Readonly<Record<TicketNote, { from: readonly TicketStatus[] }>> = {
  // A resolved ticket may still need a call to explain the result; a closed one is finished.
  contact: { from: ['submitted', 'accepted', 'resolved'] },
  reply: { from: ['submitted', 'accepted'] },
};

/** Whether the actor holds the ticket now (the responsible level, or the department it went to). */
export function holdsNow(ticket: Ticket, actor: Actor): boolean {
  const relations = relationsOf(ticket, actor);
  return relations.has('responsible') || relations.has('department');
}

/**
 * NOT_FOUND when the actor may not see the ticket; FORBIDDEN for those who never hold tickets
 * (residents, its reporter); CONFLICT for staff who do not hold it now (it moved on) or when its
 * status leaves nothing to note — as the lifecycle judges moves.
 */
export function judgeNote(ticket: Ticket, actor: Actor, note: TicketNote): Verdict {
  if (!canSee(ticket, actor)) return { ok: false, code: 'NOT_FOUND' };
  if (actor.role === 'resident') return { ok: false, code: 'FORBIDDEN' };
  if (!holdsNow(ticket, actor)) return { ok: false, code: 'CONFLICT' };
  if (!NOTE_RULES[note].from.includes(ticket.status)) return { ok: false, code: 'CONFLICT' };
  return { ok: true };
}

/** The notes the actor may add now; `reply` needs a 督办 not answered yet, `contact` a phone to reveal. */
export function allowedNotes(ticket: Ticket, actor: Actor, openSupervisions: number): TicketNote[] {
  const notes: TicketNote[] = [];
  if (ticket.contactPhone && judgeNote(ticket, actor, 'contact').ok) notes.push('contact');
  if (openSupervisions > 0 && judgeNote(ticket, actor, 'reply').ok) notes.push('reply');
  return notes;
}
