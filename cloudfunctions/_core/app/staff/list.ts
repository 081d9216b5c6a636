// staff.list: the staff directory, paged by the invite each member bound with. A super admin sees
// everyone (the admin CLI lists staff with it); a community, street or district admin the staff
// whose scope lies in their area — never the level above (a community admin does not see the
// street's people). Each member with their display name, last active time (to the hour) and what
// the caller may do with them. No answer carries an openid.
import { z } from 'zod';
import type { Actor } from '../../domain/types';
import type { StaffRecord } from '../../ports';
import { ROLE_LABEL } from '../labels';
import { cursor } from '../schemas';
import { defineUseCase } from '../use-case';
import { adminAreaKey, mayManage, scopeWords } from '../admin/areas';

const PAGE = 50;

export function toStaffListItem(actor: Actor, member: StaffRecord & { inviteCode: string; areas?: string[] }): Api.StaffListItem {
  const manageable = mayManage(actor, { openid: member.openid, role: member.role, areas: member.areas ?? [] });
  return {
    role: member.role,
    roleLabel: ROLE_LABEL[member.role],
    scope: member.scope,
    scopeLabel: scopeWords(member.scope),
    boundAt: member.boundAt.toISOString(),
    inviteCode: member.inviteCode,
    displayName: member.displayName,
    lastActiveAt: member.lastActiveAt ? member.lastActiveAt.toISOString() : null,
    self: member.openid === actor.openid,
    allowedActions: manageable ? ['update', 'remove'] : [],
  };
}

export const listStaff = defineUseCase('staff.list', {
  who: 'staff',
  params: z.strictObject({ cursor }),
  run: async (params, ctx) => {
    const { actor, deps } = ctx;
    const key = adminAreaKey(actor, '只有管理员可以查看工作人员名单');
    const page =
      key === 'all' ? await deps.staff.directory(params.cursor ?? null, PAGE) : await deps.admin.members(key, params.cursor ?? null, PAGE);
    return {
      items: page.items.map((m) => toStaffListItem(actor, m)),
      nextCursor: page.nextCursor,
    };
  },
});
