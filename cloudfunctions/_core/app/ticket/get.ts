// ticket.get: one ticket with its timeline and the moves the caller may make next. A ticket
// outside the caller's sight answers NOT_FOUND, so ids cannot be probed.
import { z } from 'zod';
import { id } from '../schemas';
import { defineUseCase } from '../use-case';
import { visibleTicket } from './load';
import { toView } from './view';

export const getTicket = defineUseCase('ticket.get', {
  who: 'anyone',
  params: z.strictObject({ ticketId: id }),
  // Read beside the lookup of who asks; who may see it is decided once that is known.
  early: (params, _openid, deps) => deps.tickets.get(params.ticketId),
  run: async (_params, ctx, early) => {
    const ticket = visibleTicket(await early, ctx);
    return toView(ticket, ctx.actor, ctx.deps, ctx.now, { timeline: true, photoUrls: true });
  },
});
