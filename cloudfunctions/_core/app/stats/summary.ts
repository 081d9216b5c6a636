// stats.summary: the figures of an area and period, read from the rollups the figures job keeps:
// one per place and Shanghai month for the whole months of the period, one per place and day for
// the days at its edges (a district's year is 12 month rollups; a grid's, which has none, its days).
// The trend (byDay) comes from each day's total, which the month rollups carry beside their sum. Tickets
// count in the period they arrived; figures lag the tickets by at most one figures run and then
// equal a recount. Rates are fractions, null when there is nothing to divide by; the open
// overdue count (live, from the tickets) sits beside the on-time rate. Rankings leave out units
// with too few tickets to judge; staff appear by label, never by openid.
import { z } from 'zod';
import { addTally, emptyTally, mergeBodies, summarize, type FigureBody, type Tally } from '../../domain/figures';
import { isValidDateKey, toShanghaiDateKey } from '../../domain/calendar';
import { scopeContains } from '../../domain/scope';
import { OPEN_STATUSES, type Actor, type Scope } from '../../domain/types';
import type { Deps, FigureLevel } from '../../ports';
import { fail } from '../errors';
import { ROLE_LABEL } from '../labels';
import { gridPlaces } from '../routing';
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
export interface Area {
  places: Array<{ level: FigureLevel; place: string }>;
  areaKeys: string[];
}

export async function areaOf(actor: Actor, requested: Scope | undefined, deps: Deps): Promise<Area> {
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

/** A day's total over its places (its breakdowns are not needed, so not merged). */
function sumTotals(totals: readonly Tally[]): Tally {
  const total = emptyTally();
  for (const t of totals) addTally(total, t);
  return total;
}

/** The date key `n` days after a date key (calendar arithmetic on the key, whatever the host's zone). */
function addDays(key: string, n: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const lastDayOf = (month: string): string => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** The whole months inside [from, to] (YYYY-MM), or null when there is none; the days outside them are read as days. */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const first = from.endsWith('-01') ? from.slice(0, 7) : addDays(`${from.slice(0, 7)}-28`, 4).slice(0, 7);
  const last = lastDayOf(to.slice(0, 7)) === to ? to.slice(0, 7) : addDays(`${to.slice(0, 7)}-01`, -1).slice(0, 7);
  return first <= last ? { first, last } : null;
}

interface Read {
  bodies: FigureBody[];
  /** Each day's totals (one per place). */
  days: Map<string, Tally[]>;
}

/** One place's figures over [from, to]: its month rollups for the whole months, its day rollups for the rest. */
async function readPlace(deps: Deps, level: FigureLevel, place: string, from: string, to: string, into: Read): Promise<void> {
  const addDay = (day: string, total: Tally): void => {
    const list = into.days.get(day);
    if (list) list.push(total);
    else into.days.set(day, [total]);
  };
  const readDays = async (a: string, b: string): Promise<void> => {
    if (a > b) return;
    for (const d of await deps.figures.read(level, place, a, b)) {
      into.bodies.push(d.body);
      addDay(d.day, d.body.total);
    }
  };
  const months = level === 'cell' ? null : wholeMonths(from, to);
  if (level === 'cell' || months === null) return readDays(from, to);
  await readDays(from, addDays(`${months.first}-01`, -1));
  for (const m of await deps.figures.readMonths(level, place, months.first, months.last)) {
    into.bodies.push(m.body);
    for (const [d, total] of Object.entries(m.days)) addDay(d, total);
  }
  await readDays(addDays(lastDayOf(months.last), 1), to);
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

    const read: Read = { bodies: [], days: new Map() };
    await Promise.all(area.places.map((p) => readPlace(deps, p.level, p.place, params.from, params.to, read)));
    const body = mergeBodies(read.bodies);
    const openOverdue = await deps.tickets.count({ areas: area.areaKeys, statuses: OPEN_STATUSES, overdue: true });

    // Grid names from the routing index (a district names hundreds of grids); a grid it does not know by its own document.
    const gridPlace = Object.keys(body.byGrid).length > 0 ? await gridPlaces(deps) : () => null;
    const [byCategory, byGrid, bySource, byDepartment, byStaff] = await Promise.all([
      breakdown(body.byCategory, async (code) => ({ category: code, name: (await deps.categories.get(code))?.name ?? code })),
      breakdown(body.byGrid, async (code) => ({
        gridCode: code,
        name: gridPlace(code)?.name ?? (await deps.grids.get(code))?.name ?? code,
      })),
      breakdown(body.bySource, async (source) => ({ source: source as Api.TicketView['source'] })),
      breakdown(body.byDepartment, async (code) => ({ departmentCode: code, name: (await deps.departments.get(code))?.name ?? code })),
      breakdown(body.byStaff, async (openid) => {
        // Named as the timeline recorded them when they handled it (the figures keep it): the public
        // display name given at binding, which residents read on their tickets too, else the role.
        const tag = body.staffTags[openid];
        const role: Api.Role = tag?.role ?? 'resident';
        return { name: tag ? (tag.name ?? ROLE_LABEL[tag.role]) : '已离岗人员', role };
      }),
    ]);
    const strip = <T extends { key: string }>(rows: T[]): Array<Omit<T, 'key'>> => rows.map(({ key: _key, ...rest }) => rest);
    return {
      ...summarize(body.total, openOverdue),
      byCategory: strip(byCategory),
      byGrid: strip(byGrid)
        .map((g) => ({ ...g, rankable: rankable(g.received) }))
        .sort((a, b) => a.gridCode.localeCompare(b.gridCode)),
      byDay: [...read.days]
        .map(([d, totals]) => ({ day: d, ...summarize(sumTotals(totals), 0) }))
        .filter((d) => d.received > 0)
        .sort((a, b) => a.day.localeCompare(b.day)),
      bySource: strip(bySource),
      byDepartment: strip(byDepartment).map((d) => ({ ...d, rankable: rankable(d.received) })),
      byStaff: strip(byStaff).map((s) => ({ ...s, rankable: rankable(s.received) })),
    };
  },
});
