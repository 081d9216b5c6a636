// Who may invite whom: an admin invites roles at or below their own level, within their own
// scope; a super admin may invite any role for any scope. Grid workers and department
// handlers invite nobody. Each role has exactly one shape of scope.
import type { Actor, Scope, StaffRole } from './types';

const RANK: Readonly<Record<StaffRole, number>> = {
  gridWorker: 1,
  deptHandler: 1,
  communityAdmin: 2,
  streetAdmin: 3,
  districtAdmin: 4,
  superAdmin: 5,
};

export const SCOPE_KEY_OF_ROLE: Readonly<Record<StaffRole, keyof ScopeUnion | null>> = {
  gridWorker: 'grids',
  communityAdmin: 'community',
  streetAdmin: 'street',
  districtAdmin: 'district',
  deptHandler: 'department',
  superAdmin: null,
};
type ScopeUnion = { grids: string[]; community: string; street: string; district: string; department: string };

export function scopeFitsRole(role: StaffRole, scope: Scope): boolean {
  const key = SCOPE_KEY_OF_ROLE[role];
  if (key === null) return true;
  return key in scope;
}

/** Where each scope sits, resolved by the caller from the place and department records. */
export interface ScopeLocation {
  /** The districts, streets and communities the scope lies in (names), plus its grid codes. */
  districts: string[];
  streets: string[];
  communities: string[];
  grids: string[];
}

/** Whether the inviter's level allows inviting this role at all, wherever the scope lies. */
export function rankAllows(inviter: Api.Role, role: StaffRole): boolean {
  if (inviter === 'superAdmin') return true;
  if (inviter === 'resident' || inviter === 'gridWorker' || inviter === 'deptHandler') return false;
  return RANK[role] <= RANK[inviter];
}

/**
 * Whether a located scope lies inside an actor's own scope: every district, street, community
 * or grid it touches is the actor's. Used for invites, figures and departments alike.
 */
export function scopeContains(own: Scope, target: ScopeLocation): boolean {
  const all = (values: readonly string[], mine: (v: string) => boolean): boolean => values.length > 0 && values.every(mine);
  if ('district' in own) return all(target.districts, (d) => d === own.district);
  if ('street' in own) return all(target.streets, (s) => s === own.street);
  if ('community' in own) return all(target.communities, (c) => c === own.community);
  if ('grids' in own) return all(target.grids, (g) => own.grids.includes(g));
  return false;
}

export type InviteVerdict = { ok: true } | { ok: false; reason: 'role' | 'scope' };

export function mayInvite(inviter: Actor, role: StaffRole, target: ScopeLocation): InviteVerdict {
  if (!rankAllows(inviter.role, role)) return { ok: false, reason: 'role' };
  if (inviter.role === 'superAdmin') return { ok: true };
  // Grid workers hold a grids scope but invite nobody: rankAllows has refused them above.
  return inviter.scope && scopeContains(inviter.scope, target) ? { ok: true } : { ok: false, reason: 'scope' };
}
