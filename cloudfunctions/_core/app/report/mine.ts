// report.mine: the caller's own reports — filed, claimed (代报) or followed (我也遇到了) — newest
// first, paged by cursor (never by skip).
import { z } from 'zod';
import { cursor, ticketStatus } from '../schemas';
import { People } from '../ticket/handler';
import { toView } from '../ticket/view';
import { defineUseCase } from '../use-case';

const PAGE_SIZE = 20;

export const myReports = defineUseCase('report.mine', {
  who: 'anyone',
  params: z.strictObject({ status: ticketStatus.optional(), cursor }),
  // Anyone's own reports are theirs whatever their role: read beside the lookup of who asks.
  early: (params, openid, deps) =>
    deps.tickets.list(
      { statuses: params.status ? [params.status] : [], person: openid, order: 'newest' },
      params.cursor ?? null,
      PAGE_SIZE,
    ),
  run: async (_params, ctx, early) => {
    const page = await early;
    const people = new People(ctx.deps, [ctx.self]);
    await people.prefetch(page.items);
    const items = await Promise.all(
      page.items.map((t) => toView(t, ctx.actor, ctx.deps, ctx.now, { timeline: false, photoUrls: false, people })),
    );
    return { items, nextCursor: page.nextCursor };
  },
});
