// Every ticket move runs the same way: load, judge against the lifecycle table, apply the pure
// transition, and save it — with its rollups, outbox messages and 督办 record, in one
// transaction conditional on the version read — so of two staff acting at once, exactly one
// wins and the other gets CONFLICT with nothing changed.
import { judge, type MoveContext } from '../../domain/lifecycle';
import { canSee } from '../../domain/responsibility';
import type { Ticket, TicketAction } from '../../domain/types';
import type { ChangeEffects, Deps, SupervisionRecord } from '../../ports';
import { fail } from '../errors';
import { sla } from '../sla';
import type { CallContext } from '../use-case';
import { buildEffects, recipientsFor } from './effects';
import { toView } from './view';

/** A ticket the caller may see; one they may not is NOT_FOUND, like one that does not exist, so ids cannot be probed. */
export async function loadVisibleTicket(ticketId: string, ctx: CallContext, notFound?: string): Promise<Ticket> {
  const ticket = await ctx.deps.tickets.get(ticketId);
  if (!ticket || !canSee(ticket, ctx.actor)) throw fail('NOT_FOUND', notFound);
  return ticket;
}

export interface SaveOptions {
  supervision?: { by: string; byRole: SupervisionRecord['byRole']; note: string; byName?: string | null };
  answered?: ChangeEffects['answered'];
}

/** Saves a change with its effects; false when another change won the race. */
export async function saveChange(deps: Deps, before: Ticket, after: Ticket, now: Date, options: SaveOptions = {}): Promise<boolean> {
  const [recipients, category] = await Promise.all([recipientsFor(deps, after), deps.categories.get(after.category)]);
  const effects = buildEffects({
    deps,
    before,
    after,
    recipients,
    categoryName: category?.name ?? after.category,
    now,
    ...(options.supervision ? { supervision: options.supervision } : {}),
    ...(options.answered ? { answered: options.answered } : {}),
  });
  return deps.tickets.save(after, effects);
}

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
