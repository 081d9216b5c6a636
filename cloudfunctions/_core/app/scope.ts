// Where a scope lies — its districts, streets, communities and grids — read from the stored grids,
// places and departments. One lookup for every rule that asks "is this inside that?"
// (invites, figures, departments); a scope that names nothing stored is NOT_FOUND.
import type { ScopeLocation } from '../domain/scope';
import type { Scope } from '../domain/types';
import type { Deps } from '../ports';
import { fail } from './errors';

const compact = (values: Array<string | null | undefined>): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];

/** Where a scope lies, from the stored grids, places and departments; NOT_FOUND if it does not exist. */
export async function locateScope(target: Scope, deps: Deps): Promise<ScopeLocation> {
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
