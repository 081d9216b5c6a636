// Who is calling: the openid comes from the cloud context (never from params); the role from
// the staff record bound to it, or superAdmin from configuration; everyone else is a resident.
import type { Actor } from '../domain/types';
import type { Deps, StaffRecord } from '../ports';

export async function resolveActor(openid: string, deps: Deps): Promise<Actor> {
  return (await resolveCaller(openid, deps)).actor;
}

/** The actor and, for bound staff, their last-active mark (undefined when there is no staff record). */
export async function resolveCaller(
  openid: string,
  deps: Deps,
): Promise<{ actor: Actor; lastActiveAt: Date | null | undefined; self: StaffRecord | null }> {
  if (deps.config.superAdminOpenids.includes(openid)) {
    return { actor: { openid, role: 'superAdmin', scope: null }, lastActiveAt: undefined, self: null };
  }
  const staff = await deps.staff.get(openid);
  if (staff)
    return {
      actor: { openid, role: staff.role, scope: staff.scope, name: staff.displayName },
      lastActiveAt: staff.lastActiveAt ?? null,
      self: staff,
    };
  return { actor: { openid, role: 'resident', scope: null }, lastActiveAt: undefined, self: null };
}
