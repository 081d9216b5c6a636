// Loading a ticket for a caller: one they may not see answers like one that does not exist.
import { canSee } from '../../domain/responsibility';
import type { Ticket } from '../../domain/types';
import { fail } from '../errors';
import type { CallContext } from '../use-case';

/** A ticket the caller may see; one they may not is NOT_FOUND, like one that does not exist, so ids cannot be probed. */
export async function loadVisibleTicket(ticketId: string, ctx: CallContext, notFound?: string): Promise<Ticket> {
  const ticket = await ctx.deps.tickets.get(ticketId);
  if (!ticket || !canSee(ticket, ctx.actor)) throw fail('NOT_FOUND', notFound);
  return ticket;
}
