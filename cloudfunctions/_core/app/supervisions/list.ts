// supervisions.list (督办 desk): the 督办 records of the caller's street or district — by an admin
// or by the SLA sweep — newest first, each with its ticket's number and category, who supervised
// (a display name, or 系统) and whether the responsible staff answered. Street and district
// admins (and super admins, everywhere); nobody else keeps a desk.
import { z } from 'zod';
import { scopeName } from '../../domain/responsibility';
import type { SupervisionArea } from '../../ports';
import { fail } from '../errors';
import { cursor } from '../schemas';
import { defineUseCase } from '../use-case';
import { supervisionItem } from './item';

const PAGE_SIZE = 20;

/** Who keeps a 督办 desk (staff.me tells the workbench). */
export const DESK_ROLES: ReadonlySet<Api.Role> = new Set(['streetAdmin', 'districtAdmin', 'superAdmin']);

export const listSupervisions = defineUseCase('supervisions.list', {
  who: 'staff',
  params: z.strictObject({ cursor }),
  run: async (params, ctx) => {
    const { actor, deps } = ctx;
    if (!DESK_ROLES.has(actor.role)) throw fail('FORBIDDEN', '督办台仅供街道和区里使用');
    let area: SupervisionArea;
    if (actor.role === 'superAdmin') area = { all: true };
    else if (actor.role === 'streetAdmin') area = { street: scopeName(actor, 'street') ?? '' };
    else area = { district: scopeName(actor, 'district') ?? '' };
    // One after the other: a refused cursor must not leave the other read running.
    const page = await deps.supervisions.list(area, params.cursor ?? null, PAGE_SIZE);
    const categories = await deps.categories.list();
    const names = new Map(categories.map((c) => [c.code, c.name]));
    return { items: page.items.map((r) => supervisionItem(r, (code) => names.get(code) ?? code)), nextCursor: page.nextCursor };
  },
});
