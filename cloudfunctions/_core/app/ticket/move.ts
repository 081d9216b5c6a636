// Every ticket move runs the same way: load, judge against the lifecycle table, apply the pure
// transition, and save conditionally on the version read — so of two staff acting at once,
// exactly one wins and the other gets CONFLICT with nothing changed.
import { judge, type MoveContext } from '../../domain/lifecycle';
import type { Ticket, TicketAction } from '../../domain/types';
import { fail } from '../errors';
import { sla } from '../sla';
import type { CallContext } from '../use-case';
import { toView } from './view';

export async function loadVisibleTicket(ticketId: string, ctx: CallContext): Promise<Ticket> {
  const ticket = await ctx.deps.tickets.get(ticketId);
  if (!ticket) throw fail('NOT_FOUND');
  return ticket;
}

export async function moveTicket(
  ticketId: string,
  action: TicketAction,
  ctx: CallContext,
  apply: (ticket: Ticket, move: MoveContext) => Ticket | Promise<Ticket>,
): Promise<Api.TicketView> {
  const ticket = await loadVisibleTicket(ticketId, ctx);
  const verdict = judge(ticket, ctx.actor, action, ctx.now);
  if (!verdict.ok) throw fail(verdict.code);
  const next = await apply(ticket, { actor: ctx.actor, now: ctx.now, sla });
  const saved = await ctx.deps.tickets.save(next);
  if (!saved) throw fail('CONFLICT');
  return toView(next, ctx.actor, ctx.deps, ctx.now, { timeline: true, photoUrls: true });
}
