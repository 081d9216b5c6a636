// Loading a ticket for a caller: one they may not see answers like one that does not exist.
import { canSee } from '../../domain/responsibility';
import type { Ticket } from '../../domain/types';
import { fail } from '../errors';
import type { CallContext } from '../use-case';

/** The ticket if the caller may see it; one they may not is NOT_FOUND, like one that does not exist, so ids cannot be probed. */
export function visibleTicket(ticket: Ticket | null, ctx: CallContext, notFound?: string): Ticket {
  if (!ticket || !canSee(ticket, ctx.actor)) throw fail('NOT_FOUND', notFound);
  return ticket;
}

/** Reads a ticket the caller may see (visibleTicket). */
export async function loadVisibleTicket(ticketId: string, ctx: CallContext, notFound?: string): Promise<Ticket> {
  return visibleTicket(await ctx.deps.tickets.get(ticketId), ctx, notFound);
}
