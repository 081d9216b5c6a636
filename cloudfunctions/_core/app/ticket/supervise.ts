// ticket.supervise (督办): a street or district admin puts a supervision on an open ticket in
// their area: a record, a timeline entry, and a reminder to the staff who hold it.
import { z } from 'zod';
import { supervise } from '../../domain/lifecycle';
import { id, text } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from './move';
import { ensureClean } from '../content';

export const superviseTicket = defineUseCase('ticket.supervise', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, note: text(200) }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.note]);
    return moveTicket(params.ticketId, 'supervise', ctx, (t, move) => supervise(t, move, params.note), {
      supervision: { by: ctx.actor.openid, byRole: ctx.actor.role, note: params.note, byName: ctx.actor.name ?? null },
    });
  },
});
