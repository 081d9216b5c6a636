// stats.summary: the figures of an area and period, read from the rollups the figures job keeps
// (one document per place and Shanghai day, so a year is at most 366 reads per place). Tickets
// count in the period they arrived; figures lag the tickets by at most one figures run and then
// equal a recount. Rates are fractions, null when there is nothing to divide by; the open
// overdue count (live, from the tickets) sits beside the on-time rate. Rankings leave out units
// with too few tickets to judge; staff appear by label, never by openid.
import { z } from 'zod';
import { mergeBodies, summarize, type FigureBody, type Tally } from '../../domain/figures';
import { isValidDateKey, toShanghaiDateKey } from '../../domain/calendar';
import { scopeContains } from '../../domain/scope';
import { OPEN_STATUSES, type Actor, type Scope } from '../../domain/types';
import type { DayFigures, Deps, FigureLevel } from '../../ports';
import { fail } from '../errors';
import { ROLE_LABEL } from '../labels';
import { locateScope } from '../scope';
import { scope as scopeSchema } from '../schemas';
import { defineUseCase } from '../use-case';

/** Units with fewer tickets than this are left out of rankings: too few to judge. */
export const MIN_TICKETS_TO_RANK = 5;
const MAX_DAYS = 366;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, '日期格式应为 2026-11-01')
  .refine((s) => (s.length === 10 ? isValidDateKey(s) : !Number.isNaN(Date.parse(s))), '日期不正确')
  .transform((s) => (s.length === 10 ? s : toShanghaiDateKey(new Date(s))));

/** The rollup places an area reads, and the ticket keys of its open-overdue count. */
interface Area {
  places: Array<{ level: FigureLevel; place: string }>;
  areaKeys: string[];
}

async function areaOf(actor: Actor, requested: Scope | undefined, deps: Deps): Promise<Area> {
  const target = requested ?? actor.scope;
  if (!target) {
    if (actor.role === 'superAdmin') return { places: [{ level: 'all', place: '*' }], areaKeys: ['all'] };
    throw fail('FORBIDDEN');
  }
  if ('department' in target) throw fail('INVALID_INPUT', '统计按地区查看，暂不支持按部门');
  // The requested area must lie inside the caller's own (the same rule invites follow).
  if (actor.role !== 'superAdmin' && !(actor.scope && scopeContains(actor.scope, await locateScope(target, deps)))) {
    throw fail('FORBIDDEN', '只能查看本辖区的统计');
  }
  if ('grids' in target) {
    return { places: target.grids.map((g) => ({ level: 'cell', place: g })), areaKeys: target.grids.map((g) => `grid:${g}`) };
  }
  if ('community' in target)
    return { places: [{ level: 'community', place: target.community }], areaKeys: [`community:${target.community}`] };
  if ('street' in target) return { places: [{ level: 'street', place: target.street }], areaKeys: [`street:${target.street}`] };
  return { places: [{ level: 'district', place: target.district }], areaKeys: [`district:${target.district}`] };
}

/** Entries of a breakdown, summarised, with their names, biggest first. */
async function breakdown<T>(
  map: Record<string, Tally>,
  describe: (key: string) => Promise<T>,
): Promise<Array<Api.StatsBlock & T & { key: string }>> {
  const rows = await Promise.all(
    Object.entries(map)
      .filter(([, tally]) => tally.received > 0)
      .map(async ([key, tally]) => ({ ...summarize(tally, 0), ...(await describe(key)), key })),
  );
  return rows.sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
}

const rankable = (received: number): boolean => received >= MIN_TICKETS_TO_RANK;

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

    const days: DayFigures[] = (
      await Promise.all(area.places.map((p) => deps.figures.read(p.level, p.place, params.from, params.to)))
    ).flat();
    const byDayBodies = new Map<string, FigureBody[]>();
    for (const d of days) byDayBodies.set(d.day, [...(byDayBodies.get(d.day) ?? []), d.body]);
    const body = mergeBodies(days.map((d) => d.body));
    const openOverdue = await deps.tickets.count({ areas: area.areaKeys, statuses: OPEN_STATUSES, overdue: true });

    const [byCategory, byGrid, bySource, byDepartment, byStaff] = await Promise.all([
      breakdown(body.byCategory, async (code) => ({ category: code, name: (await deps.categories.get(code))?.name ?? code })),
      breakdown(body.byGrid, async (code) => ({ gridCode: code, name: (await deps.grids.get(code))?.name ?? code })),
      breakdown(body.bySource, async (source) => ({ source: source as Api.TicketView['source'] })),
      breakdown(body.byDepartment, async (code) => ({ departmentCode: code, name: (await deps.departments.get(code))?.name ?? code })),
      breakdown(body.byStaff, async (openid) => {
        const staff = await deps.staff.get(openid);
        const role: Api.Role = staff?.role ?? 'resident';
        // The public display name given at binding (residents read it on their tickets too).
        return { name: staff ? (staff.displayName ?? ROLE_LABEL[staff.role]) : '已离岗人员', role };
      }),
    ]);
    const strip = <T extends { key: string }>(rows: T[]): Array<Omit<T, 'key'>> => rows.map(({ key: _key, ...rest }) => rest);
    return {
      ...summarize(body.total, openOverdue),
      byCategory: strip(byCategory),
      byGrid: strip(byGrid)
        .map((g) => ({ ...g, rankable: rankable(g.received) }))
        .sort((a, b) => a.gridCode.localeCompare(b.gridCode)),
      byDay: [...byDayBodies]
        .map(([d, bodies]) => ({ day: d, ...summarize(mergeBodies(bodies).total, 0) }))
        .filter((d) => d.received > 0)
        .sort((a, b) => a.day.localeCompare(b.day)),
      bySource: strip(bySource),
      byDepartment: strip(byDepartment).map((d) => ({ ...d, rankable: rankable(d.received) })),
      byStaff: strip(byStaff).map((s) => ({ ...s, rankable: rankable(s.received) })),
    };
  },
});
