// queue.list: the staff member's work. Without a status: the open tickets they must act on
// now, soonest deadline first. With a status: every ticket of that status in their area — or,
// with `duty`, only those they must act on now (the workbench's 待受理 / 处理中 tabs).
import { z } from 'zod';
import { actorAreaKeys, actorDutyKeys } from '../../domain/responsibility';
import { OPEN_STATUSES } from '../../domain/types';
import type { TicketQuery } from '../../ports';
import { cursor, ticketStatus } from '../schemas';
import { People } from '../ticket/handler';
import { toView } from '../ticket/view';
import { defineUseCase } from '../use-case';

const PAGE_SIZE = 20;

export const listQueue = defineUseCase('queue.list', {
  who: 'staff',
  params: z.strictObject({ status: ticketStatus.optional(), overdue: z.boolean().optional(), duty: z.boolean().optional(), cursor }),
  run: async (params, ctx) => {
    const statuses = params.status ? [params.status] : OPEN_STATUSES;
    const open = statuses.every((s) => OPEN_STATUSES.includes(s));
    // Without a status (or with `duty`): what the caller must act on now (their queues). With a
    // status: everything of it in their area, whoever holds it. The keys come from the caller's role and scope.
    const who = params.status && params.duty !== true ? { areas: actorAreaKeys(ctx.actor) } : { duty: actorDutyKeys(ctx.actor) };
    const query: TicketQuery = {
      ...who,
      statuses,
      // An overdue filter reads the deadline order (the index that holds `overdue`).
      order: open || params.overdue !== undefined ? 'urgent' : 'newest',
      ...(params.overdue !== undefined ? { overdue: params.overdue } : {}),
    };
    const page = await ctx.deps.tickets.list(query, params.cursor ?? null, PAGE_SIZE);
    const people = new People(ctx.deps, [ctx.self]);
    await people.prefetch(page.items);
    const items = await Promise.all(
      page.items.map((t) => toView(t, ctx.actor, ctx.deps, ctx.now, { timeline: false, photoUrls: false, people })),
    );
    return { items, nextCursor: page.nextCursor };
  },
});
