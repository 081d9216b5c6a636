// ticket.contact (联系居民): the staff member who holds a ticket now gets the reporter's full phone
// to call them. Every reveal is recorded in the timeline ("网格员 张燕 查看了联系电话"), with no
// status change, in the ticket's own conditional write: a reveal that cannot be recorded is
// not made. The number is answered, never stored anywhere else or written to a log.
import { z } from 'zod';
import { annotate } from '../../domain/lifecycle';
import { judgeNote } from '../../domain/notes';
import { fail } from '../errors';
import { id } from '../schemas';
import { sla } from '../sla';
import { defineUseCase } from '../use-case';
import { loadVisibleTicket } from './load';
import { saveChange } from './save-change';

export const contactResident = defineUseCase('ticket.contact', {
  who: 'staff',
  params: z.strictObject({ ticketId: id }),
  run: async (params, ctx) => {
    const ticket = await loadVisibleTicket(params.ticketId, ctx);
    const verdict = judgeNote(ticket, ctx.actor, 'contact');
    if (!verdict.ok) throw fail(verdict.code, verdict.code === 'CONFLICT' ? '这件事项已不由您负责，不能查看联系电话' : undefined);
    if (!ticket.contactPhone) throw fail('NOT_FOUND', '上报人没有留下联系电话');
    const next = annotate(ticket, { actor: ctx.actor, now: ctx.now, sla }, 'contact', null);
    if (!(await saveChange(ctx.deps, ticket, next, ctx.now))) throw fail('CONFLICT');
    return { phone: ticket.contactPhone };
  },
});
