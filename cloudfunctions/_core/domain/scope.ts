// Is this area inside mine? One rule for invites, figures and departments: a scope is located
// (the districts, streets, communities and grids it touches) and compared with the actor's own.
import type { Scope } from './types';

/** Where each scope sits, resolved by the caller from the place and department records. */
export interface ScopeLocation {
  /** The districts, streets and communities the scope lies in (names), plus its grid codes. */
  districts: string[];
  streets: string[];
  communities: string[];
  grids: string[];
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
