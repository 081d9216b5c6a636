// staff.me: who the caller is to the system (residents get role "resident"), with a readable
// label of their area for page headers, and the display name and service phone given at binding.
import { z } from 'zod';
import type { Scope } from '../../domain/types';
import type { Deps } from '../../ports';
import { ROLE_LABEL } from '../labels';
import { MAY_FILE_FOR_OTHERS } from '../report/submit';
import { DESK_ROLES } from '../supervisions/list';
import { defineUseCase } from '../use-case';
import { isAreaAdmin } from '../admin/areas';

async function scopeLabel(scope: Scope | null, deps: Deps): Promise<string> {
  if (!scope) return '';
  if ('grids' in scope) {
    const grids = await Promise.all(scope.grids.map((code) => deps.grids.get(code)));
    const names = grids.map((g, i) => g?.name ?? scope.grids[i]);
    const community = grids.find((g) => g?.community)?.community;
    return [community, names.join('、')].filter(Boolean).join(' · ');
  }
  if ('community' in scope) {
    const place = await deps.places.get('community', scope.community);
    return [place?.district, place?.street, scope.community].filter(Boolean).join(' · ');
  }
  if ('street' in scope) {
    const place = await deps.places.get('street', scope.street);
    return [place?.district, scope.street].filter(Boolean).join(' · ');
  }
  if ('district' in scope) return scope.district;
  const dept = await deps.departments.get(scope.department);
  return dept?.name ?? scope.department;
}

export const me = defineUseCase('staff.me', {
  who: 'anyone',
  params: z.strictObject({}),
  run: async (_params, ctx) => {
    const record = ctx.actor.role === 'resident' || ctx.actor.role === 'superAdmin' ? null : await ctx.deps.staff.get(ctx.actor.openid);
    return {
      openid: ctx.actor.openid,
      role: ctx.actor.role,
      scope: ctx.actor.scope,
      scopeLabel:
        ctx.actor.role === 'resident' || ctx.actor.role === 'superAdmin'
          ? ROLE_LABEL[ctx.actor.role]
          : await scopeLabel(ctx.actor.scope, ctx.deps),
      uploadFolder: ctx.deps.files.folderOf(ctx.actor.openid),
      displayName: record?.displayName ?? null,
      servicePhone: record?.servicePhone ?? null,
      abilities: [
        ...(MAY_FILE_FOR_OTHERS.has(ctx.actor.role) ? (['fileForOthers'] as const) : []),
        ...(DESK_ROLES.has(ctx.actor.role) ? (['supervisionDesk'] as const) : []),
        ...(isAreaAdmin(ctx.actor) ? (['administration'] as const) : []),
        // admin.grids.import and admin.grids.preview are the super admins'.
        ...(ctx.actor.role === 'superAdmin' ? (['gridImport'] as const) : []),
      ],
    };
  },
});
