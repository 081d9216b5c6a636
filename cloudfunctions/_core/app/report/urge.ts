// report.urge (催办): the reporter of an open ticket that has waited past a deadline reminds the
// staff who hold it — a timeline entry and a subscription message to them — at most once a day
// (domain/urge.ts). Nothing else about the ticket changes.
import { z } from 'zod';
import { judgeUrge, urge } from '../../domain/urge';
import { fail } from '../errors';
import { id } from '../schemas';
import { sla } from '../sla';
import { loadVisibleTicket } from '../ticket/load';
import { saveChange } from '../ticket/save-change';
import { toView } from '../ticket/view';
import { defineUseCase } from '../use-case';

const REFUSAL: Record<'FORBIDDEN' | 'CONFLICT' | 'RATE_LIMITED', string> = {
  FORBIDDEN: '只有上报人可以催办',
  CONFLICT: '还没到办理期限，暂时不能催办',
  RATE_LIMITED: '今天已经催办过了，明天再试',
};

export const urgeReport = defineUseCase('report.urge', {
  who: 'anyone',
  params: z.strictObject({ ticketId: id }),
  run: async (params, ctx) => {
    const ticket = await loadVisibleTicket(params.ticketId, ctx);
    const verdict = judgeUrge(ticket, ctx.actor, ctx.now);
    if (!verdict.ok) throw fail(verdict.code, verdict.code === 'NOT_FOUND' ? undefined : REFUSAL[verdict.code]);
    const next = urge(ticket, { actor: ctx.actor, now: ctx.now, sla });
    if (!(await saveChange(ctx.deps, ticket, next, ctx.now))) throw fail('CONFLICT');
    return toView(next, ctx.actor, ctx.deps, ctx.now, { timeline: true, photoUrls: true });
  },
});
