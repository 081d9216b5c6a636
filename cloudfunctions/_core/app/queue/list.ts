// queue.list: the staff member's work. Without a status: the open tickets they must act on
// now, soonest deadline first. With a status: every ticket of that status in their area.
import { z } from 'zod';
import { OPEN_STATUSES } from '../../domain/types';
import type { Actor } from '../../domain/types';
import type { TicketQuery } from '../../ports';
import { cursor, ticketStatus } from '../schemas';
import { toView } from '../ticket/view';
import { defineUseCase } from '../use-case';

const PAGE_SIZE = 20;

type Area = Omit<TicketQuery, 'statuses' | 'order' | 'overdue'>;

/** The tickets the actor must act on now (their level, not dispatched away). */
function responsibleArea(actor: Actor): Area {
  const scope = actor.scope;
  switch (actor.role) {
    case 'gridWorker':
      return { gridCodes: scope && 'grids' in scope ? scope.grids : [], levels: ['grid'], undispatched: true };
    case 'communityAdmin':
      return { community: scope && 'community' in scope ? scope.community : '', levels: ['grid', 'community'], undispatched: true };
    case 'streetAdmin':
      return { street: scope && 'street' in scope ? scope.street : '', levels: ['street'], undispatched: true };
    case 'districtAdmin':
      return { district: scope && 'district' in scope ? scope.district : '', levels: ['district'], undispatched: true };
    case 'deptHandler':
      return { departmentCode: scope && 'department' in scope ? scope.department : '' };
    case 'superAdmin':
      return { levels: ['district'], undispatched: true };
    case 'resident':
      return { reporterOpenid: actor.openid };
  }
}

/** Everything in the actor's area, whoever holds it now. */
function visibleArea(actor: Actor): Area {
  const scope = actor.scope;
  switch (actor.role) {
    case 'gridWorker':
      return { gridCodes: scope && 'grids' in scope ? scope.grids : [] };
    case 'communityAdmin':
      return { community: scope && 'community' in scope ? scope.community : '' };
    case 'streetAdmin':
      return { street: scope && 'street' in scope ? scope.street : '' };
    case 'districtAdmin':
      return { district: scope && 'district' in scope ? scope.district : '' };
    case 'deptHandler':
      return { departmentCode: scope && 'department' in scope ? scope.department : '' };
    case 'superAdmin':
      return {};
    case 'resident':
      return { reporterOpenid: actor.openid };
  }
}

export const listQueue = defineUseCase('queue.list', {
  who: 'staff',
  params: z.strictObject({ status: ticketStatus.optional(), overdue: z.boolean().optional(), cursor }),
  run: async (params, ctx) => {
    const statuses = params.status ? [params.status] : OPEN_STATUSES;
    const open = statuses.every((s) => OPEN_STATUSES.includes(s));
    const query: TicketQuery = {
      ...(params.status ? visibleArea(ctx.actor) : responsibleArea(ctx.actor)),
      statuses,
      order: open ? 'urgent' : 'newest',
      ...(params.overdue !== undefined ? { overdue: params.overdue } : {}),
    };
    const page = await ctx.deps.tickets.list(query, params.cursor ?? null, PAGE_SIZE);
    const items = await Promise.all(
      page.items.map((t) => toView(t, ctx.actor, ctx.deps, ctx.now, { timeline: false, photoUrls: false })),
    );
    return { items, nextCursor: page.nextCursor };
  },
});
