// staff.bind: redeem a one-time invite code; the role binds to the caller's openid from the
// cloud context. A code works once, before it expires.
import { z } from 'zod';
import { fail } from '../errors';
import { defineUseCase } from '../use-case';

export const bindStaff = defineUseCase('staff.bind', {
  who: 'anyone',
  params: z.strictObject({
    inviteCode: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{6,12}$/, '邀请码格式不正确')),
  }),
  run: async (params, ctx) => {
    // A code never silently replaces a role someone already holds (a district admin redeeming a
    // grid worker's code by mistake would lose their rights); changes go through an admin.
    if (ctx.actor.role !== 'resident') throw fail('CONFLICT', '您已绑定工作人员身份，如需变更请联系管理员');
    const result = await ctx.deps.staff.redeem(params.inviteCode, ctx.actor.openid, ctx.now);
    if (!result.ok) {
      if (result.reason === 'not_found') throw fail('NOT_FOUND', '邀请码不存在，请核对后再试');
      if (result.reason === 'used') throw fail('CONFLICT', '这个邀请码已经被使用过了');
      if (result.reason === 'bound') throw fail('CONFLICT', '您已绑定工作人员身份，如需变更请联系管理员');
      throw fail('CONFLICT', '这个邀请码已过期，请联系管理员重新生成');
    }
    return { role: result.staff.role, scope: result.staff.scope };
  },
});
