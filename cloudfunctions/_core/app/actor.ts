// Who is calling: the openid comes from the cloud context (never from params); the role from
// the staff record bound to it, or superAdmin from configuration; everyone else is a resident.
import type { Actor } from '../domain/types';
import type { Deps } from '../ports';

export async function resolveActor(openid: string, deps: Deps): Promise<Actor> {
  if (deps.config.superAdminOpenids.includes(openid)) {
    return { openid, role: 'superAdmin', scope: null };
  }
  const staff = await deps.staff.get(openid);
  if (staff) return { openid, role: staff.role, scope: staff.scope, name: staff.displayName };
  return { openid, role: 'resident', scope: null };
}
