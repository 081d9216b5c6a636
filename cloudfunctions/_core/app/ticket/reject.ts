// ticket.reject (不予受理): with a reason; a duplicate links the ticket that is kept.
import { z } from 'zod';
import { reject } from '../../domain/lifecycle';
import { fail } from '../errors';
import { id, text } from '../schemas';
import { defineUseCase } from '../use-case';
import { loadVisibleTicket } from './load';
import { moveTicket } from './move';
import { ensureClean } from '../content';

export const rejectTicket = defineUseCase('ticket.reject', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, reason: text(200), duplicateOf: id.optional() }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.reason]);
    let keptNo: string | null = null;
    if (params.duplicateOf !== undefined) {
      if (params.duplicateOf === params.ticketId) throw fail('INVALID_INPUT', '不能把事项标记为与自己重复');
      const kept = await loadVisibleTicket(params.duplicateOf, ctx, '没有找到保留的那件事项');
      // The kept ticket must itself be kept: not rejected or withdrawn (no two duplicates of each other).
      if (kept.status === 'rejected' || kept.status === 'withdrawn') throw fail('CONFLICT', '保留的那件事项已不予受理或已撤回');
      keptNo = kept.no;
    }
    return moveTicket(params.ticketId, 'reject', ctx, (t, move) => reject(t, move, params.reason, keptNo));
  },
});
