// ticket.escalate (吹哨): responsibility moves one level up — grid → community → street →
// district — and the level above owns the same step with a new deadline.
import { z } from 'zod';
import { escalate } from '../../domain/lifecycle';
import { id, text } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from './move';
import { ensureClean } from '../content';

export const escalateTicket = defineUseCase('ticket.escalate', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, reason: text(200) }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.reason]);
    return moveTicket(params.ticketId, 'escalate', ctx, (t, move) => escalate(t, move, params.reason));
  },
});
