// The scopes an admin may pick for a role (an invite, or a member's new scope): the grids of
// their area from admin.grids.list, the communities, streets and districts those grids lie in,
// or the departments departments.list gives them. The server checks every pick again.
import { call } from './api';

export interface ScopeOption {
  key: string;
  label: string;
  sub: string;
}

/** Grids read for the pickers: 4 pages of 50 (an area admin's grids; a super admin uses the CLI beyond that). */
const MAX_PAGES = 4;

export interface PlaceBook {
  options(role: Api.StaffRole): Promise<ScopeOption[]>;
}

/** Reads the area's grids (and departments) once, on first use, for every role's options. */
export function placeBook(): PlaceBook {
  let grids: Promise<Api.GridSummary[]> | null = null;
  let departments: Promise<Api.DepartmentOption[]> | null = null;
  const loadGrids = async (): Promise<Api.GridSummary[]> => {
    const all: Api.GridSummary[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < MAX_PAGES; i += 1) {
      const page: Api.Page<Api.GridSummary> = await call('admin.grids.list', cursor ? { cursor } : {});
      all.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return all;
  };
  const distinct = (
    items: Api.GridSummary[],
    key: 'community' | 'street' | 'district',
    sub: (g: Api.GridSummary) => string | null,
  ): ScopeOption[] => {
    const seen = new Map<string, ScopeOption>();
    for (const g of items) {
      const name = g[key];
      if (name && !seen.has(name)) seen.set(name, { key: name, label: name, sub: sub(g) ?? '' });
    }
    return [...seen.values()];
  };
  return {
    async options(role) {
      if (role === 'deptHandler') {
        departments ??= call('departments.list', {}).then((d) => d.items);
        const found = await departments.catch((e: unknown) => {
          departments = null;
          throw e;
        });
        return found.map((d) => ({ key: d.code, label: d.name, sub: d.street ?? d.district ?? '' }));
      }
      grids ??= loadGrids();
      const found = await grids.catch((e: unknown) => {
        grids = null;
        throw e;
      });
      if (role === 'gridWorker')
        return found.map((g) => ({ key: g.code, label: g.name, sub: [g.community, g.code].filter(Boolean).join(' · ') }));
      if (role === 'communityAdmin') return distinct(found, 'community', (g) => g.street);
      if (role === 'streetAdmin') return distinct(found, 'street', (g) => g.district);
      return distinct(found, 'district', () => null);
    },
  };
}

/** Grid workers pick several grids; everyone else one place or department. */
export const pickManyFor = (role: Api.StaffRole): boolean => role === 'gridWorker';

/** The scope the picked keys make for a role, or null when nothing is picked. */
export function scopeOf(role: Api.StaffRole, keys: readonly string[]): Api.Scope | null {
  const first = keys[0];
  if (first === undefined) return null;
  switch (role) {
    case 'gridWorker':
      return { grids: [...keys] };
    case 'communityAdmin':
      return { community: first };
    case 'streetAdmin':
      return { street: first };
    case 'deptHandler':
      return { department: first };
    default:
      return { district: first };
  }
}

/** The keys a scope picks (to show a member's current scope as picked). */
export function keysOf(scope: Api.Scope | null): string[] {
  if (!scope) return [];
  if ('grids' in scope) return [...scope.grids];
  if ('community' in scope) return [scope.community];
  if ('street' in scope) return [scope.street];
  if ('district' in scope) return [scope.district];
  return [scope.department];
}
