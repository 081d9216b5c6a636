// admin.invites.create: an admin makes a one-time code for a role at or below their own level,
// within their own area; the code expires after 7 days.
import { z } from 'zod';
import { mayInvite, rankAllows, scopeFitsRole } from '../../domain/invites';
import { DuplicateKeyError } from '../../ports';
import { fail } from '../errors';
import { locateScope } from '../scope';
import { scope, staffRole } from '../schemas';
import { defineUseCase } from '../use-case';
import { areasOf } from './areas';
import { DAY_MS } from '../../domain/time-units';

const INVITE_DAYS = 7;

export const createInvite = defineUseCase('admin.invites.create', {
  who: 'staff',
  params: z.strictObject({ role: staffRole, scope }),
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    if (actor.role === 'gridWorker' || actor.role === 'deptHandler') throw fail('FORBIDDEN', '只有管理员可以邀请');
    if (!scopeFitsRole(params.role, params.scope)) throw fail('INVALID_INPUT', '角色与管辖范围不匹配');
    // The role check comes before looking anything up, so nobody can probe other areas' names.
    if (!rankAllows(actor.role, params.role)) throw fail('FORBIDDEN', '不能邀请比自己级别高的角色');
    const where = await locateScope(params.scope, deps);
    if ('department' in params.scope && (await deps.departments.get(params.scope.department))?.retired) {
      throw fail('INVALID_INPUT', '这个部门已停用，不能再邀请处理人员', [{ path: 'scope.department', message: '已停用' }]);
    }
    const verdict = mayInvite(actor, params.role, where);
    if (!verdict.ok) {
      throw fail('FORBIDDEN', verdict.reason === 'role' ? '不能邀请比自己级别高的角色' : '只能邀请本辖区内的人员');
    }
    const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY_MS);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = deps.ids.inviteCode();
      try {
        await deps.staff.createInvite({
          code,
          role: params.role,
          scope: params.scope,
          createdBy: actor.openid,
          createdAt: now,
          expiresAt,
          usedBy: null,
          usedAt: null,
          // The admin screens list pending invites, and later the member, by these.
          areas: areasOf(where),
        });
        return { code, expiresAt: expiresAt.toISOString() };
      } catch (error) {
        // A clash with an existing code is retried with a fresh one; anything else is real.
        if (!(error instanceof DuplicateKeyError)) throw error;
      }
    }
    throw fail('INTERNAL');
  },
});
