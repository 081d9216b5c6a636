// departments.list: where a ticket may be dispatched (派发) — the departments of its street and of
// its district (dispatch accepts exactly those), the category's default department first, then
// those declaring the category, then the rest by name. Without a ticket: the departments of the
// caller's own street or district, for staff who look one up.
import { z } from 'zod';
import { scopeName } from '../../domain/responsibility';
import type { DepartmentRecord } from '../../ports';
import { id } from '../schemas';
import { loadVisibleTicket } from '../ticket/load';
import { defineUseCase } from '../use-case';

type Rank = 0 | 1 | 2;

export const listDepartments = defineUseCase('departments.list', {
  who: 'staff',
  params: z.strictObject({ ticketId: id.optional() }),
  run: async (params, ctx) => {
    const { deps, actor } = ctx;
    let place: { street: string | null; district: string | null };
    let category: { code: string; defaultDepartmentCode: string | null } | null = null;
    if (params.ticketId !== undefined) {
      const ticket = await loadVisibleTicket(params.ticketId, ctx);
      place = { street: ticket.place.street, district: ticket.place.district };
      const stored = await deps.categories.get(ticket.category);
      category = { code: ticket.category, defaultDepartmentCode: stored?.defaultDepartmentCode ?? null };
    } else {
      const street = scopeName(actor, 'street');
      const community = scopeName(actor, 'community');
      const communityPlace = community ? await deps.places.get('community', community) : null;
      const firstGrid = actor.scope && 'grids' in actor.scope && actor.scope.grids[0] ? await deps.grids.get(actor.scope.grids[0]) : null;
      place = {
        street: street ?? communityPlace?.street ?? firstGrid?.street ?? null,
        district: scopeName(actor, 'district') ?? communityPlace?.district ?? firstGrid?.district ?? null,
      };
      if (place.street && !place.district) place.district = (await deps.places.get('street', place.street))?.district ?? null;
    }
    // A retired department is no longer offered (dispatch refuses it).
    const found = (await deps.departments.serving(place)).filter((d) => !d.retired);
    const rank = (d: DepartmentRecord): Rank =>
      category === null ? 2 : d.code === category.defaultDepartmentCode ? 0 : d.categories.includes(category.code) ? 1 : 2;
    const items = found
      .map((d) => ({ d, r: rank(d) }))
      .sort((a, b) => a.r - b.r || a.d.name.localeCompare(b.d.name, 'zh-CN') || a.d.code.localeCompare(b.d.code))
      .map(({ d, r }) => ({
        code: d.code,
        name: d.name,
        street: d.street,
        district: d.district,
        categories: d.categories,
        suggested: r < 2,
      }));
    return { items };
  },
});
