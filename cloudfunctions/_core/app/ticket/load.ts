// Loading a ticket for a caller: one they may not see answers like one that does not exist.
import { canSee } from '../../domain/responsibility';
import type { Ticket } from '../../domain/types';
import { fail } from '../errors';
import type { CallContext } from '../use-case';

/** A ticket the caller may see; one they may not is NOT_FOUND, like one that does not exist, so ids cannot be probed. */
export async function loadVisibleTicket(
  ticketId: string,
  ctx: CallContext,
  notFound?: string,
  /** The ticket already being read (a use case's `early` part). */
  read: Promise<Ticket | null> = ctx.deps.tickets.get(ticketId),
): Promise<Ticket> {
  const ticket = await read;
  if (!ticket || !canSee(ticket, ctx.actor)) throw fail('NOT_FOUND', notFound);
  return ticket;
}
