// Every ticket move runs the same way: load, judge against the lifecycle table, apply the pure
// transition, and save it — with its rollups, outbox messages and 督办 record, in one
// transaction conditional on the version read — so of two staff acting at once, exactly one
// wins and the other gets CONFLICT with nothing changed.
import { judge, type MoveContext } from '../../domain/lifecycle';
import type { Ticket, TicketAction } from '../../domain/types';
import { fail } from '../errors';
import { sla } from '../sla';
import type { CallContext } from '../use-case';
import { loadVisibleTicket } from './load';
import { saveChange, type SaveOptions } from './save-change';
import { toView } from './view';

export async function moveTicket(
  ticketId: string,
  action: TicketAction,
  ctx: CallContext,
  apply: (ticket: Ticket, move: MoveContext) => Ticket | Promise<Ticket>,
  options: SaveOptions = {},
): Promise<Api.TicketView> {
  const ticket = await loadVisibleTicket(ticketId, ctx);
  const verdict = judge(ticket, ctx.actor, action, ctx.now);
  if (!verdict.ok) throw fail(verdict.code);
  const next = await apply(ticket, { actor: ctx.actor, now: ctx.now, sla });
  const saved = await saveChange(ctx.deps, ticket, next, ctx.now, options);
  if (!saved) throw fail('CONFLICT');
  return toView(next, ctx.actor, ctx.deps, ctx.now, { timeline: true, photoUrls: true });
}
