// report.claim (认领代报): the resident a grid worker filed a report for — they phoned or came by —
// claims it with the code the worker shows them (typed, or from its QR code). It becomes theirs
// to follow and rate; until then it counts as unrated. A few wrong codes an hour at most.
import { z } from 'zod';
import { claim, judgeClaim } from '../../domain/claim';
import { fail } from '../errors';
import { sla } from '../sla';
import { saveChange } from '../ticket/save-change';
import { toView } from '../ticket/view';
import { defineUseCase } from '../use-case';
import { HOUR_MS } from '../../domain/time-units';

export const CLAIMS_PER_HOUR = 10;

export const claimReport = defineUseCase('report.claim', {
  who: 'anyone',
  params: z.strictObject({
    code: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{6,12}$/, '认领码是 8 位字母和数字，请核对')),
  }),
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    if (actor.role !== 'resident') throw fail('FORBIDDEN', '工作人员不能认领代报');
    // Every attempt counts (a wrong code too), so codes cannot be guessed.
    if (!(await deps.limits.hit(`claim|${actor.openid}`, CLAIMS_PER_HOUR, HOUR_MS, now)))
      throw fail('RATE_LIMITED', '尝试次数太多了，请一小时后再试');
    const ticket = await deps.tickets.findByClaimCode(params.code);
    if (!ticket) throw fail('NOT_FOUND', '没有找到这个认领码，请核对后再试');
    const verdict = judgeClaim(ticket, actor);
    if (!verdict.ok) {
      throw fail(verdict.code, verdict.code === 'FORBIDDEN' ? '工作人员不能认领代报' : '这件事已被认领或已办结');
    }
    const next = claim(ticket, { actor, now, sla }, actor);
    if (!(await saveChange(deps, ticket, next, now))) throw fail('CONFLICT', '这件事刚刚有了变化，请重试');
    return toView(next, actor, deps, now, { timeline: true, photoUrls: true });
  },
});
