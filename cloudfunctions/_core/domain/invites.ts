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

export type InviteVerdict = { ok: true } | { ok: false; reason: 'role' | 'scope' };

export function mayInvite(inviter: Actor, role: StaffRole, target: ScopeLocation): InviteVerdict {
  if (inviter.role === 'superAdmin') return { ok: true };
  if (inviter.role === 'resident' || inviter.role === 'gridWorker' || inviter.role === 'deptHandler') {
    return { ok: false, reason: 'role' };
  }
  if (RANK[role] > RANK[inviter.role]) return { ok: false, reason: 'role' };
  const own = inviter.scope;
  if (!own) return { ok: false, reason: 'scope' };
  const within =
    'district' in own
      ? target.districts.length > 0 && target.districts.every((d) => d === own.district)
      : 'street' in own
        ? target.streets.length > 0 && target.streets.every((s) => s === own.street)
        : 'community' in own
          ? target.communities.length > 0 && target.communities.every((c) => c === own.community)
          : false;
  return within ? { ok: true } : { ok: false, reason: 'scope' };
}
