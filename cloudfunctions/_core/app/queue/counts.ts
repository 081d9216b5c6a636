// queue.counts: the numbers on the workbench — the tabs (待受理, 处理中, 已办结) and the banner
// (overdue, due today), so nothing depends on a message arriving. Each is one count query with
// the same filters as the list it stands for (queue.list), never a scan.
import { z } from 'zod';
import { addDays, startOfShanghaiDay, toShanghaiDateKey } from '../../domain/calendar';
import { actorAreaKeys, actorDutyKeys } from '../../domain/responsibility';
import { OPEN_STATUSES } from '../../domain/types';
import { defineUseCase } from '../use-case';

export const queueCounts = defineUseCase('queue.counts', {
  who: 'staff',
  params: z.strictObject({}),
  run: async (_params, ctx) => {
    const duty = { duty: actorDutyKeys(ctx.actor) };
    const area = { areas: actorAreaKeys(ctx.actor) };
    // Due today = a deadline from now until the end of today in Shanghai (the start of tomorrow).
    const tomorrow = startOfShanghaiDay(addDays(toShanghaiDateKey(ctx.now), 1));
    const count = ctx.deps.tickets.count.bind(ctx.deps.tickets);
    const [submitted, accepted, overdue, resolved, dueToday] = await Promise.all([
      count({ ...duty, statuses: ['submitted'] }),
      count({ ...duty, statuses: ['accepted'] }),
      count({ ...duty, statuses: OPEN_STATUSES, overdue: true }),
      count({ ...area, statuses: ['resolved'] }),
      count({ ...duty, statuses: OPEN_STATUSES, dueBetween: { from: ctx.now, before: tomorrow } }),
    ]);
    return { submitted, accepted, overdue, resolved, dueToday };
  },
});
