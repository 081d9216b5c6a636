// Where an admin's lists reach, as area keys (domain/responsibility areaKeys' format): a community,
// street or district admin sees the invites and staff whose scope lies in their area; a super
// admin everything ('all'). Invites carry the keys of their scope from the start, and the staff
// record takes them over at binding, so each list is one indexed query.
import type { ScopeLocation } from '../../domain/scope';
import { rankAllows } from '../../domain/invites';
import { actorAreaKeys } from '../../domain/responsibility';
import type { Actor, Scope } from '../../domain/types';
import type { DirectoryMember } from '../../ports';
import { fail } from '../errors';

/** Roles that keep an area's invites and staff. */
const ADMIN_ROLES: ReadonlySet<Api.Role> = new Set(['communityAdmin', 'streetAdmin', 'districtAdmin', 'superAdmin']);

export const isAreaAdmin = (actor: Actor): boolean => ADMIN_ROLES.has(actor.role);

/** The one area key an admin's lists read; FORBIDDEN for everyone else. */
export function adminAreaKey(actor: Actor, message = '只有管理员可以查看'): string {
  const key = isAreaAdmin(actor) ? actorAreaKeys(actor)[0] : undefined;
  if (key === undefined) throw fail('FORBIDDEN', message);
  return key;
}

/** The area keys a located scope lies in. */
export function areasOf(where: ScopeLocation): string[] {
  return [
    ...where.grids.map((g) => `grid:${g}`),
    ...where.communities.map((c) => `community:${c}`),
    ...where.streets.map((s) => `street:${s}`),
    ...where.districts.map((d) => `district:${d}`),
    'all',
  ];
}

/** Whether the admin may change or remove this member: at or below their level, in their area, not themselves. */
export function mayManage(actor: Actor, member: Pick<DirectoryMember, 'openid' | 'role' | 'areas'>): boolean {
  if (member.openid === actor.openid || !isAreaAdmin(actor) || !rankAllows(actor.role, member.role)) return false;
  if (actor.role === 'superAdmin') return true;
  const key = actorAreaKeys(actor)[0];
  return key !== undefined && member.areas.includes(key);
}

/** Short words for a scope, read without lookups (lists show many): "华光社区", "网格 ZD-CZ-HG-01、…". */
export function scopeWords(scope: Scope | null): string {
  if (!scope) return '全部';
  if ('grids' in scope) return `网格 ${scope.grids.join('、')}`;
  if ('community' in scope) return scope.community;
  if ('street' in scope) return scope.street;
  if ('district' in scope) return scope.district;
  return `部门 ${scope.department}`;
}
