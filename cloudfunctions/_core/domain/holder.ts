// A queue (Holder) as a map key, and which staff scopes hold it: shared by the staff store's
// batched read and the callers that look its answer up.
import type { Holder, Scope, StaffRole } from './types';

/** What names a queue within its kind: the grid's code, the community's name … (null: every district). */
export const holderValue = (holder: Holder): string | null => {
  switch (holder.kind) {
    case 'grid':
      return holder.gridCode;
    case 'community':
      return holder.community;
    case 'street':
      return holder.street;
    case 'district':
      return holder.district;
    case 'department':
      return holder.departmentCode;
  }
};

export const holderKey = (holder: Holder): string => `${holder.kind}:${holderValue(holder) ?? '*'}`;

/** The role that holds a queue of this kind. */
export const HOLDER_ROLE: Record<Holder['kind'], StaffRole> = {
  grid: 'gridWorker',
  community: 'communityAdmin',
  street: 'streetAdmin',
  district: 'districtAdmin',
  department: 'deptHandler',
};

/** Whether a staff member of this role and scope holds the queue (what the store's query for it selects). */
export function holdsQueue(role: StaffRole, scope: Scope | null, holder: Holder): boolean {
  if (role !== HOLDER_ROLE[holder.kind]) return false;
  if (holder.kind === 'district' && holder.district === null) return true;
  if (scope === null) return false;
  switch (holder.kind) {
    case 'grid':
      return 'grids' in scope && Array.isArray(scope.grids) && scope.grids.includes(holder.gridCode);
    case 'community':
      return 'community' in scope && scope.community === holder.community;
    case 'street':
      return 'street' in scope && scope.street === holder.street;
    case 'district':
      return 'district' in scope && scope.district === holder.district;
    case 'department':
      return 'department' in scope && scope.department === holder.departmentCode;
  }
}
