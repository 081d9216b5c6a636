// staff.bind: redeem a one-time invite code; the role binds to the caller's openid from the
// cloud context. A code works once, before it expires. The staff member names themselves as
// residents will see them (e.g. 张燕) and may give a public service phone (a work number).
import { z } from 'zod';
import { ensureClean } from '../content';
import { fail } from '../errors';
import { phone, text } from '../schemas';
import { defineUseCase } from '../use-case';

/**
 * Inside a name, besides what any text refuses: format characters (zero-width and the like),
 * private-use and unassigned code points, line breaks and every space but the plain one.
 */
const INVISIBLE_IN_NAME = /[\p{C}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

/** 1–20 characters on one line, every one visible, at least one letter (text's rules and more). */
export const displayName = text(20)
  .transform((s) => s.replace(/ {2,}/g, ' '))
  .refine((s) => !INVISIBLE_IN_NAME.test(s), '称呼里有不可见的字符')
  .refine((s) => /\p{L}/u.test(s), '称呼里要有文字');

export const bindStaff = defineUseCase('staff.bind', {
  who: 'anyone',
  params: z.strictObject({
    inviteCode: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{6,12}$/, '邀请码格式不正确')),
    displayName,
    servicePhone: phone.optional(),
  }),
  run: async (params, ctx) => {
    // A code never silently replaces a role someone already holds (a district admin redeeming a
    // grid worker's code by mistake would lose their rights); changes go through an admin.
    if (ctx.actor.role !== 'resident') throw fail('CONFLICT', '您已绑定工作人员身份，如需变更请联系管理员');
    // Residents read this name on their tickets: it goes through content security like any text.
    await ensureClean(ctx, [params.displayName]);
    // An invite to a department retired (停用) since it was made binds nobody; the code stays unused.
    const invite = await ctx.deps.admin.invite(params.inviteCode);
    if (invite && 'department' in invite.scope && (await ctx.deps.departments.get(invite.scope.department))?.retired) {
      throw fail('CONFLICT', '这个部门已停用，邀请码不能再使用，请联系管理员');
    }
    const result = await ctx.deps.staff.redeem(params.inviteCode, ctx.actor.openid, ctx.now, {
      displayName: params.displayName,
      servicePhone: params.servicePhone ?? null,
    });
    if (!result.ok) {
      if (result.reason === 'not_found') throw fail('NOT_FOUND', '邀请码不存在，请核对后再试');
      if (result.reason === 'used') throw fail('CONFLICT', '这个邀请码已经被使用过了');
      if (result.reason === 'bound') throw fail('CONFLICT', '您已绑定工作人员身份，如需变更请联系管理员');
      throw fail('CONFLICT', '这个邀请码已过期，请联系管理员重新生成');
    }
    return { role: result.staff.role, scope: result.staff.scope };
  },
});
