// admin.invites.revoke: an admin withdraws a pending invite of their area; the code then binds
// nobody. A code redeemed meanwhile is CONFLICT (its member is removed with staff.remove).
import { z } from 'zod';
import { fail } from '../errors';
import { defineUseCase } from '../use-case';
import { inviteCode } from './invite-code';
import { pendingInviteOf } from './pending-invite';

export const revokeInvite = defineUseCase('admin.invites.revoke', {
  who: 'staff',
  params: z.strictObject({ code: inviteCode }),
  run: async (params, ctx) => {
    const invite = await pendingInviteOf(params.code, ctx);
    if (!(await ctx.deps.admin.revokeInvite(invite.code))) throw fail('CONFLICT', '这个邀请刚刚已被使用，请在人员名单中处理');
    return { code: invite.code, revoked: true as const };
  },
});
