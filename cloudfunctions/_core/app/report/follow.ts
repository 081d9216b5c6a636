// report.follow ("我也遇到了"): instead of filing the same problem again, a resident follows the
// open ticket report.nearby offered them — by the opaque ref it answered, which only they can use
// and only for half an hour. They then see its progress (never the reporter's own details) and
// hear its accepted/resolved messages if they granted them; the ticket counts them as affected.
import { z } from 'zod';
import { fail } from '../errors';
import { loadVisibleTicket } from '../ticket/load';
import { toView } from '../ticket/view';
import { defineUseCase } from '../use-case';
import { FOLLOW_PURPOSE } from './nearby';

/** A ticket's followers are kept on it: enough for a whole neighbourhood, small enough for one document. */
export const MAX_FOLLOWERS = 500;

export const followReport = defineUseCase('report.follow', {
  who: 'anyone',
  params: z.strictObject({ ref: z.string().regex(/^[A-Za-z0-9_-]{20,400}$/, '这条记录已失效，请重新查看附近的问题') }),
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    // 我也遇到了 is a resident's: a staff member following would open a ticket outside their scope
    // (report.nearby answers anyone), with the reporter's words and photos that followers never see.
    if (actor.role !== 'resident') throw fail('FORBIDDEN', '工作人员不能关注居民的上报');
    const opened = deps.sealer.open(FOLLOW_PURPOSE, params.ref, now);
    const [ticketId, forWhom] = (opened ?? '').split('|');
    // A ref someone else was given, an altered one, or an old one: as if there were none.
    if (!opened || !ticketId || forWhom !== actor.openid) throw fail('NOT_FOUND', '这条记录已失效，请重新查看附近的问题');
    const outcome = await deps.tickets.follow(ticketId, actor.openid, MAX_FOLLOWERS);
    if (outcome === 'closed') throw fail('CONFLICT', '这个问题已经处理完了，如仍存在请重新上报');
    if (outcome === 'full') throw fail('CONFLICT', '关注的人已经很多了，网格员会尽快处理');
    const ticket = await loadVisibleTicket(ticketId, ctx);
    return toView(ticket, actor, deps, now, { timeline: true, photoUrls: true });
  },
});
