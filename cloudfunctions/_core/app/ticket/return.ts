// ticket.return: the department gives a dispatched ticket back, with a reason, to the level
// that dispatched it; it stays accepted.
import { z } from 'zod';
import { returnToSender } from '../../domain/lifecycle';
import { id, text } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from './move';
import { ensureClean } from '../content';

export const returnTicket = defineUseCase('ticket.return', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, reason: text(200) }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.reason]);
    return moveTicket(params.ticketId, 'return', ctx, (t, move) => returnToSender(t, move, params.reason));
  },
});
