// staff.update: an admin gives a member of their area another scope for the same role (a grid
// worker other grids, a community admin another community of the street …), within the admin's
// own area and level — the rule invites follow. The member's next call works in the new scope.
import { z } from 'zod';
import { mayInvite, scopeFitsRole } from '../../domain/invites';
import { fail } from '../errors';
import { inviteCode } from '../admin/invite-code';
import { adminAreaKey, areasOf, mayManage } from '../admin/areas';
import { locateScope } from '../scope';
import { scope } from '../schemas';
import { defineUseCase } from '../use-case';
import { toStaffListItem } from './list';

export const updateStaff = defineUseCase('staff.update', {
  who: 'staff',
  params: z.strictObject({ inviteCode, scope }),
  run: async (params, ctx) => {
    const { actor, deps } = ctx;
    adminAreaKey(actor, '只有管理员可以调整人员');
    const member = await deps.admin.member(params.inviteCode);
    if (!member) throw fail('NOT_FOUND', '没有找到这位工作人员');
    if (!mayManage(actor, member)) {
      throw fail('FORBIDDEN', member.openid === actor.openid ? '不能调整自己的管辖范围' : '只能调整本辖区内、级别不高于自己的人员');
    }
    if (member.role === 'superAdmin' || !scopeFitsRole(member.role, params.scope)) throw fail('INVALID_INPUT', '角色与管辖范围不匹配');
    const where = await locateScope(params.scope, deps);
    if (!mayInvite(actor, member.role, where).ok) throw fail('FORBIDDEN', '新的管辖范围须在本辖区内');
    const areas = areasOf(where);
    if (!(await deps.admin.rescopeMember(member, params.scope, areas)))
      throw fail('CONFLICT', '这位工作人员的信息刚刚有变化，请刷新后再试');
    return toStaffListItem(actor, { ...member, scope: params.scope, areas });
  },
});
