// staff.list: the staff directory, paged. For now the super admins' view of everyone (the admin
// CLI lists staff with it); area admins get their own area's directory with the admin screens.
// No answer carries an openid: members are told apart by the invite they bound with.
import { z } from 'zod';
import { fail } from '../errors';
import { cursor } from '../schemas';
import { defineUseCase } from '../use-case';

const PAGE = 50;

export const listStaff = defineUseCase('staff.list', {
  who: 'staff',
  params: z.strictObject({ cursor }),
  run: async (params, ctx) => {
    if (ctx.actor.role !== 'superAdmin') throw fail('FORBIDDEN', '只有系统管理员可以查看全部工作人员');
    const page = await ctx.deps.staff.directory(params.cursor ?? null, PAGE);
    return {
      items: page.items.map((s) => ({ role: s.role, scope: s.scope, boundAt: s.boundAt.toISOString(), inviteCode: s.inviteCode })),
      nextCursor: page.nextCursor,
    };
  },
});
