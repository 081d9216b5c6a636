// report.withdraw: the reporter takes back a report nobody has accepted yet.
import { z } from 'zod';
import { withdraw } from '../../domain/lifecycle';
import { id, optionalText } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from '../ticket/move';
import { ensureClean } from '../content';

export const withdrawReport = defineUseCase('report.withdraw', {
  who: 'anyone',
  params: z.strictObject({ ticketId: id, reason: optionalText(200) }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.reason]);
    return moveTicket(params.ticketId, 'withdraw', ctx, (t, move) => withdraw(t, move, params.reason ? params.reason : null));
  },
});
