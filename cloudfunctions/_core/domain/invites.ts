// Who may invite whom: an admin invites roles at or below their own level, within their own
// scope; a super admin may invite any role for any scope. Grid workers and department
// handlers invite nobody. Each role has exactly one shape of scope.
import { scopeContains, type ScopeLocation } from './scope';
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

/** Whether the inviter's level allows inviting this role at all, wherever the scope lies. */
export function rankAllows(inviter: Api.Role, role: StaffRole): boolean {
  if (inviter === 'superAdmin') return true;
  if (inviter === 'resident' || inviter === 'gridWorker' || inviter === 'deptHandler') return false;
  return RANK[role] <= RANK[inviter];
}

export type InviteVerdict = { ok: true } | { ok: false; reason: 'role' | 'scope' };

export function mayInvite(inviter: Actor, role: StaffRole, target: ScopeLocation): InviteVerdict {
  if (!rankAllows(inviter.role, role)) return { ok: false, reason: 'role' };
  if (inviter.role === 'superAdmin') return { ok: true };
  // Grid workers hold a grids scope but invite nobody: rankAllows has refused them above.
  return inviter.scope && scopeContains(inviter.scope, target) ? { ok: true } : { ok: false, reason: 'scope' };
}
