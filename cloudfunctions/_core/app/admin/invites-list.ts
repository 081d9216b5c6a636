// admin.invites.list: the unused, unexpired invites whose scope lies in the admin's area (a super
// admin's: all of them), newest first, with who made each (the caller, or another admin by name),
// so they can be shown again or revoked. Codes of higher roles than the caller are left out.
import { z } from 'zod';
import { rankAllows } from '../../domain/invites';
import { ROLE_LABEL } from '../labels';
import { cursor } from '../schemas';
import { defineUseCase } from '../use-case';
import { adminAreaKey, scopeWords } from './areas';

const PAGE = 30;
const ORDER: readonly Api.StaffRole[] = ['gridWorker', 'communityAdmin', 'deptHandler', 'streetAdmin', 'districtAdmin', 'superAdmin'];

/** The roles the invite form offers: at or below the caller's level; departments lie in a street or district, never in one community. */
function invitableRoles(role: Api.Role): Api.InvitableRole[] {
  return ORDER.filter((r) => rankAllows(role, r) && !(r === 'deptHandler' && role === 'communityAdmin')).map((r) => ({
    role: r,
    label: ROLE_LABEL[r],
  }));
}

export const listInvites = defineUseCase('admin.invites.list', {
  who: 'staff',
  params: z.strictObject({ cursor }),
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    const key = adminAreaKey(actor, '只有管理员可以查看邀请');
    const page = await deps.admin.pendingInvites(key, now, params.cursor ?? null, PAGE);
    return {
      items: page.items
        .filter((i) => rankAllows(actor.role, i.role))
        .map((i) => ({
          code: i.code,
          role: i.role,
          roleLabel: ROLE_LABEL[i.role],
          scope: i.scope,
          scopeLabel: scopeWords(i.scope),
          createdAt: i.createdAt.toISOString(),
          expiresAt: i.expiresAt.toISOString(),
          mine: i.createdBy === actor.openid,
        })),
      nextCursor: page.nextCursor,
      roles: invitableRoles(actor.role),
    };
  },
});
