// queue.list: the staff member's work. Without a status: the open tickets they must act on
// now, soonest deadline first. With a status: every ticket of that status in their area — or,
// with `duty`, only those they must act on now (the workbench's 待受理 / 处理中 tabs).
import { z } from 'zod';
import { OPEN_STATUSES } from '../../domain/types';
import { scopeGrids, scopeName } from '../../domain/responsibility';
import type { Actor } from '../../domain/types';
import type { TicketQuery } from '../../ports';
import { cursor, ticketStatus } from '../schemas';
import { People } from '../ticket/handler';
import { toView } from '../ticket/view';
import { defineUseCase } from '../use-case';

const PAGE_SIZE = 20;

type Area = Omit<TicketQuery, 'statuses' | 'order' | 'overdue'>;

// A missing scope name matches nothing ('' is no place's name), so a misconfigured staff record sees an empty queue.
const nameOf = (actor: Actor, key: 'community' | 'street' | 'district' | 'department'): string => scopeName(actor, key) ?? '';

/** The tickets the actor must act on now (their level, not dispatched away). */
export function responsibleArea(actor: Actor): Area {
  switch (actor.role) {
    case 'gridWorker':
      return { gridCodes: scopeGrids(actor), levels: ['grid'], undispatched: true };
    case 'communityAdmin':
      return { community: nameOf(actor, 'community'), levels: ['grid', 'community'], undispatched: true };
    case 'streetAdmin':
      return { street: nameOf(actor, 'street'), levels: ['street'], undispatched: true };
    case 'districtAdmin':
      return { district: nameOf(actor, 'district'), levels: ['district'], undispatched: true };
    case 'superAdmin':
      return { levels: ['district'], undispatched: true };
    default:
      return visibleArea(actor);
  }
}

/** Everything in the actor's area, whoever holds it now. */
export function visibleArea(actor: Actor): Area {
  switch (actor.role) {
    case 'gridWorker':
      return { gridCodes: scopeGrids(actor) };
    case 'communityAdmin':
      return { community: nameOf(actor, 'community') };
    case 'streetAdmin':
      return { street: nameOf(actor, 'street') };
    case 'districtAdmin':
      return { district: nameOf(actor, 'district') };
    case 'deptHandler':
      return { departmentCode: nameOf(actor, 'department') };
    case 'superAdmin':
      return {};
    case 'resident':
      return { reporterOpenid: actor.openid };
  }
}

export const listQueue = defineUseCase('queue.list', {
  who: 'staff',
  params: z.strictObject({ status: ticketStatus.optional(), overdue: z.boolean().optional(), duty: z.boolean().optional(), cursor }),
  run: async (params, ctx) => {
    const statuses = params.status ? [params.status] : OPEN_STATUSES;
    const open = statuses.every((s) => OPEN_STATUSES.includes(s));
    const query: TicketQuery = {
      ...(params.status && params.duty !== true ? visibleArea(ctx.actor) : responsibleArea(ctx.actor)),
      statuses,
      order: open ? 'urgent' : 'newest',
      ...(params.overdue !== undefined ? { overdue: params.overdue } : {}),
    };
    const page = await ctx.deps.tickets.list(query, params.cursor ?? null, PAGE_SIZE);
    const people = new People(ctx.deps);
    const items = await Promise.all(
      page.items.map((t) => toView(t, ctx.actor, ctx.deps, ctx.now, { timeline: false, photoUrls: false, people })),
    );
    return { items, nextCursor: page.nextCursor };
  },
});
