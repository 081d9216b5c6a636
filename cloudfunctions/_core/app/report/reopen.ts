// report.reopen (重办): after 不满意, once, within 7 days of resolution, the reporter sends the
// ticket back to the same handler, accepted, with a new resolution deadline.
import { z } from 'zod';
import { reopen } from '../../domain/lifecycle';
import { id, text } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from '../ticket/move';
import { ensureClean } from '../content';

export const reopenReport = defineUseCase('report.reopen', {
  who: 'anyone',
  params: z.strictObject({ ticketId: id, reason: text(200) }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.reason]);
    return moveTicket(params.ticketId, 'reopen', ctx, (t, move) => reopen(t, move, params.reason));
  },
});
