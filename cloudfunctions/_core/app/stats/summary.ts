// stats.summary: the figures for an area and period, read from rollups kept up to date on each
// transition. Tickets count in the period they were received; rates are fractions, null when
// there is nothing to divide by; the open overdue count sits beside the on-time rate.
import { z } from 'zod';
import { summarize, type Rollup } from '../../domain/figures';
import { isValidDateKey, toShanghaiDateKey } from '../../domain/calendar';
import type { Actor, Scope } from '../../domain/types';
import type { Deps, RollupArea, TicketQuery } from '../../ports';
import { scopeContains } from '../../domain/invites';
import { fail } from '../errors';
import { locateScope } from '../scope';
import { scope as scopeSchema } from '../schemas';
import { defineUseCase } from '../use-case';

/** Grids with fewer tickets than this are left out of rankings: too few to judge. */
export const MIN_TICKETS_TO_RANK = 5;
const MAX_DAYS = 366;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, '日期格式应为 2026-11-01')
  .refine((s) => (s.length === 10 ? isValidDateKey(s) : !Number.isNaN(Date.parse(s))), '日期不正确')
  .transform((s) => (s.length === 10 ? s : toShanghaiDateKey(new Date(s))));

async function areaOf(actor: Actor, requested: Scope | undefined, deps: Deps): Promise<RollupArea> {
  const target = requested ?? actor.scope;
  if (!target) {
    if (actor.role === 'superAdmin') return { all: true };
    throw fail('FORBIDDEN');
  }
  if ('department' in target) throw fail('INVALID_INPUT', '统计按地区查看，暂不支持按部门');
  // The requested area must lie inside the caller's own (the same rule invites follow).
  if (actor.role !== 'superAdmin' && !(actor.scope && scopeContains(actor.scope, await locateScope(target, deps)))) {
    throw fail('FORBIDDEN', '只能查看本辖区的统计');
  }
  if ('grids' in target) return { gridCodes: target.grids };
  if ('community' in target) return { community: target.community };
  if ('street' in target) return { street: target.street };
  return { district: target.district };
}

const overdueArea = (area: RollupArea): Omit<TicketQuery, 'statuses' | 'order'> =>
  'gridCodes' in area ? { gridCodes: area.gridCodes } : 'community' in area ? { community: area.community } : 'street' in area ? { street: area.street } : 'district' in area ? { district: area.district } : {};

function groupBy<K extends string>(rollups: readonly Rollup[], key: (r: Rollup) => K): Map<K, Rollup[]> {
  const groups = new Map<K, Rollup[]>();
  for (const r of rollups) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

export const statsSummary = defineUseCase('stats.summary', {
  who: 'staff',
  params: z.strictObject({ scope: scopeSchema.optional(), from: day, to: day }),
  run: async (params, ctx) => {
    const { deps } = ctx;
    if (params.from > params.to) throw fail('INVALID_INPUT', '开始日期不能晚于结束日期');
    const span = (Date.parse(params.to) - Date.parse(params.from)) / 86_400_000;
    if (span > MAX_DAYS) throw fail('INVALID_INPUT', '一次最多统计一年');
    if (ctx.actor.role === 'deptHandler') throw fail('FORBIDDEN', '部门人员暂不提供统计');
    const area = await areaOf(ctx.actor, params.scope, deps);
    // A rollup a ticket has moved out of (transfer to another grid) stays behind empty.
    const rollups = (await deps.rollups.list(area, params.from, params.to)).filter((r) => r.received > 0);
    const openOverdue = await deps.tickets.countOpenOverdue(overdueArea(area));
    const total = summarize(rollups, openOverdue);

    const byCategory = await Promise.all(
      [...groupBy(rollups, (r) => r.category)].map(async ([category, rs]) => {
        const record = await deps.categories.get(category);
        return { category, name: record?.name ?? category, ...summarize(rs, 0) };
      }),
    );
    const byGrid = await Promise.all(
      [...groupBy(rollups, (r) => r.gridCode ?? '')].filter(([code]) => code !== '').map(async ([gridCode, rs]) => {
        const grid = await deps.grids.get(gridCode);
        const block = summarize(rs, 0);
        return { gridCode, name: grid?.name ?? gridCode, ...block, rankable: block.received >= MIN_TICKETS_TO_RANK };
      }),
    );
    const byDay = [...groupBy(rollups, (r) => r.day)].map(([d, rs]) => ({ day: d, ...summarize(rs, 0) }));
    return {
      ...total,
      byCategory: byCategory.sort((a, b) => b.received - a.received || a.category.localeCompare(b.category)),
      byGrid: byGrid.sort((a, b) => a.gridCode.localeCompare(b.gridCode)),
      byDay: byDay.sort((a, b) => a.day.localeCompare(b.day)),
    };
  },
});
