// staff.remove: an admin unbinds a member of their area at or below their own level (a super
// admin anyone but themselves). The staff record goes, so the member's very next call is a
// resident's: the role is read from it on every call (app/actor.ts), nothing caches it.
import { z } from 'zod';
import { fail } from '../errors';
import { inviteCode } from '../admin/invite-code';
import { adminAreaKey, mayManage } from '../admin/areas';
import { defineUseCase } from '../use-case';

export const removeStaff = defineUseCase('staff.remove', {
  who: 'staff',
  params: z.strictObject({ inviteCode }),
  run: async (params, ctx) => {
    const { actor, deps } = ctx;
    adminAreaKey(actor, '只有管理员可以移除人员');
    const member = await deps.admin.member(params.inviteCode);
    if (!member) throw fail('NOT_FOUND', '没有找到这位工作人员');
    if (!mayManage(actor, member)) {
      throw fail('FORBIDDEN', member.openid === actor.openid ? '不能移除自己' : '只能移除本辖区内、级别不高于自己的人员');
    }
    if (!(await deps.admin.removeMember(member))) throw fail('CONFLICT', '这位工作人员的信息刚刚有变化，请刷新后再试');
    return { inviteCode: member.inviteCode, removed: true as const };
  },
});
