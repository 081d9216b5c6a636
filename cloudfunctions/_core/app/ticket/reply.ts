// ticket.reply: the staff who hold a ticket now answer one of its 督办 records. The answer is a
// timeline entry and marks the record answered, both in the ticket's one conditional write; a
// 督办 is answered once (a second answer, or one racing the first, is CONFLICT).
import { z } from 'zod';
import { annotate } from '../../domain/lifecycle';
import { judgeNote } from '../../domain/notes';
import { fail } from '../errors';
import { id, text } from '../schemas';
import { sla } from '../sla';
import { defineUseCase } from '../use-case';
import { ensureClean } from '../content';
import { loadVisibleTicket } from './load';
import { saveChange } from './save-change';
import { toView } from './view';

export const replyToSupervision = defineUseCase('ticket.reply', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, supervisionId: id, note: text(200) }),
  run: async (params, ctx) => {
    // The ticket is read before the record: a reply that committed after this read moved the
    // ticket's version, so this one cannot save; one that committed before is seen below.
    const ticket = await loadVisibleTicket(params.ticketId, ctx);
    const verdict = judgeNote(ticket, ctx.actor, 'reply');
    if (!verdict.ok) throw fail(verdict.code);
    const record = await ctx.deps.supervisions.get(params.supervisionId);
    if (!record || record.ticketId !== ticket.id) throw fail('NOT_FOUND', '没有找到这条督办');
    if (record.answer) throw fail('CONFLICT', '这条督办已经答复过了');
    await ensureClean(ctx, [params.note]);
    const next = annotate(ticket, { actor: ctx.actor, now: ctx.now, sla }, 'reply', params.note);
    const answer = { note: params.note, at: ctx.now, by: ctx.actor.openid, byRole: ctx.actor.role, byName: ctx.actor.name ?? null };
    if (!(await saveChange(ctx.deps, ticket, next, ctx.now, { answered: { supervisionId: record.id, answer } }))) throw fail('CONFLICT');
    return toView(next, ctx.actor, ctx.deps, ctx.now, { timeline: true, photoUrls: true });
  },
});
