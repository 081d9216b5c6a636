// report.rate: the reporter rates a resolved ticket (满意 / 基本满意 / 不满意); rated tickets
// close at once, and 不满意 opens the door to one 重办 within 7 days.
import { z } from 'zod';
import { contractEnum } from '../../domain/contract-enum';
import { rate } from '../../domain/lifecycle';
import { id, optionalText } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from '../ticket/move';
import { ensureClean } from '../content';

export const rateReport = defineUseCase('report.rate', {
  who: 'anyone',
  params: z.strictObject({
    ticketId: id,
    rating: contractEnum<Api.Rating>()(['satisfied', 'basic', 'unsatisfied']),
    comment: optionalText(200),
  }),
  run: async (params, ctx) => {
    // Staff read the comment: it goes through content security like every text others read.
    await ensureClean(ctx, [params.comment]);
    return moveTicket(params.ticketId, 'rate', ctx, (t, move) => rate(t, move, params.rating, params.comment ? params.comment : null));
  },
});
