// admin.invites.create: an admin makes a one-time code for a role at or below their own level,
// within their own area; the code expires after 7 days.
import { z } from 'zod';
import { mayInvite, rankAllows, scopeFitsRole, type ScopeLocation } from '../../domain/invites';
import type { Scope } from '../../domain/types';
import { DuplicateKeyError, type Deps } from '../../ports';
import { fail } from '../errors';
import { scope, staffRole } from '../schemas';
import { defineUseCase } from '../use-case';

const INVITE_DAYS = 7;

const compact = (values: Array<string | null | undefined>): string[] =>
  [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];

/** Where a scope lies, from the stored grids, places and departments; NOT_FOUND if it does not exist. */
async function locate(target: Scope, deps: Deps): Promise<ScopeLocation> {
  if ('grids' in target) {
    const grids = await Promise.all(target.grids.map((code) => deps.grids.get(code)));
    const missing = target.grids.filter((_, i) => !grids[i]);
    if (missing.length > 0) throw fail('NOT_FOUND', `没有找到网格：${missing.join('、')}`);
    return {
      grids: target.grids,
      communities: compact(grids.map((g) => g?.community)),
      streets: compact(grids.map((g) => g?.street)),
      districts: compact(grids.map((g) => g?.district)),
    };
  }
  if ('community' in target) {
    const place = await deps.places.get('community', target.community);
    if (!place) throw fail('NOT_FOUND', `没有找到社区：${target.community}`);
    return { grids: [], communities: [place.name], streets: compact([place.street]), districts: compact([place.district]) };
  }
  if ('street' in target) {
    const place = await deps.places.get('street', target.street);
    if (!place) throw fail('NOT_FOUND', `没有找到街道：${target.street}`);
    return { grids: [], communities: [], streets: [place.name], districts: compact([place.district]) };
  }
  if ('district' in target) {
    const place = await deps.places.get('district', target.district);
    if (!place) throw fail('NOT_FOUND', `没有找到区：${target.district}`);
    return { grids: [], communities: [], streets: [], districts: [place.name] };
  }
  const dept = await deps.departments.get(target.department);
  if (!dept) throw fail('NOT_FOUND', `没有找到部门：${target.department}`);
  const street = dept.street ? await deps.places.get('street', dept.street) : null;
  return { grids: [], communities: [], streets: compact([dept.street]), districts: compact([dept.district, street?.district]) };
}

export const createInvite = defineUseCase('admin.invites.create', {
  who: 'staff',
  params: z.strictObject({ role: staffRole, scope }),
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    if (actor.role === 'gridWorker' || actor.role === 'deptHandler') throw fail('FORBIDDEN', '只有管理员可以邀请');
    if (!scopeFitsRole(params.role, params.scope)) throw fail('INVALID_INPUT', '角色与管辖范围不匹配');
    // The role check comes before looking anything up, so nobody can probe other areas' names.
    if (!rankAllows(actor.role, params.role)) throw fail('FORBIDDEN', '不能邀请比自己级别高的角色');
    const where = await locate(params.scope, deps);
    const verdict = mayInvite(actor, params.role, where);
    if (!verdict.ok) {
      throw fail('FORBIDDEN', verdict.reason === 'role' ? '不能邀请比自己级别高的角色' : '只能邀请本辖区内的人员');
    }
    const expiresAt = new Date(now.getTime() + INVITE_DAYS * 24 * 60 * 60 * 1000);
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
