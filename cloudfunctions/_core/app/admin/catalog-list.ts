// admin.catalog.list: what the 类别与部门 page shows — every category (a super admin changes them),
// the departments of the caller's area and which of them the caller may change, and the streets
// and districts a new department may be placed in. A community admin reads their street's and
// district's departments without changing any; a street admin changes their street's, not the
// district's; a district admin those of the district and its streets; a super admin all.
import { z } from 'zod';
import { BUILT_IN_CATEGORIES, isRetirable } from '../../config/categories';
import { scopeName } from '../../domain/responsibility';
import type { Actor } from '../../domain/types';
import type { Deps, DepartmentRecord } from '../../ports';
import { fail } from '../errors';
import { defineUseCase } from '../use-case';

/** Grids read to find the streets and districts of an area: enough for a district's streets. */
const GRID_PAGES = 5;
const GRID_PAGE = 100;

interface Area {
  street: string | null;
  district: string | null;
}

const areaLabel = (d: Area): string => (d.street ? d.street : `${d.district ?? ''}（全区）`);

async function streetDistrict(street: string, deps: Deps): Promise<string | null> {
  return (await deps.places.get('street', street))?.district ?? null;
}

/** Streets and districts of the imported grids (of one district, or all). */
async function gridAreas(deps: Deps, district: string | null): Promise<Area[]> {
  const found = new Map<string, Area>();
  let cursor: string | null = null;
  for (let i = 0; i < GRID_PAGES; i += 1) {
    const page = await deps.grids.list(district ? { district } : {}, cursor, GRID_PAGE);
    for (const g of page.items) {
      if (g.district && !found.has(`district:${g.district}`)) found.set(`district:${g.district}`, { street: null, district: g.district });
      if (g.street && !found.has(`street:${g.street}`)) found.set(`street:${g.street}`, { street: g.street, district: g.district });
    }
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return [...found.values()];
}

interface Reach {
  departments: DepartmentRecord[];
  editable: (d: DepartmentRecord) => boolean;
  areas: Area[];
}

async function reachOf(actor: Actor, deps: Deps): Promise<Reach> {
  switch (actor.role) {
    case 'superAdmin': {
      const departments = await deps.departments.all();
      return { departments, editable: () => true, areas: await gridAreas(deps, null) };
    }
    case 'districtAdmin': {
      const district = scopeName(actor, 'district') ?? '';
      const streets = new Map<string, string | null>();
      const inDistrict = async (d: DepartmentRecord): Promise<boolean> => {
        if (d.district === district) return true;
        if (!d.street) return false;
        if (!streets.has(d.street)) streets.set(d.street, await streetDistrict(d.street, deps));
        return streets.get(d.street) === district;
      };
      const all = await deps.departments.all();
      const departments: DepartmentRecord[] = [];
      for (const d of all) if (await inDistrict(d)) departments.push(d);
      const areas = (await gridAreas(deps, district)).filter((a) => a.street !== null || a.district === district);
      if (!areas.some((a) => a.street === null)) areas.unshift({ street: null, district });
      return { departments, editable: () => true, areas };
    }
    case 'streetAdmin': {
      const street = scopeName(actor, 'street') ?? '';
      const district = await streetDistrict(street, deps);
      const departments = await deps.departments.serving({ street, district });
      return { departments, editable: (d) => d.street === street, areas: [{ street, district }] };
    }
    case 'communityAdmin': {
      const place = await deps.places.get('community', scopeName(actor, 'community') ?? '');
      const departments = place ? await deps.departments.serving({ street: place.street, district: place.district }) : [];
      return { departments, editable: () => false, areas: [] };
    }
    default:
      throw fail('FORBIDDEN', '只有管理员可以查看类别和部门');
  }
}

export const listCatalog = defineUseCase('admin.catalog.list', {
  who: 'staff',
  params: z.strictObject({}),
  run: async (_params, { actor, deps }) => {
    const reach = await reachOf(actor, deps);
    const categories = await deps.categories.list();
    const names = new Map(categories.map((c) => [c.code, c.name]));
    const departmentNames = new Map(reach.departments.map((d) => [d.code, d.name]));
    for (const c of categories) {
      const code = c.defaultDepartmentCode;
      if (code && !departmentNames.has(code)) departmentNames.set(code, (await deps.departments.get(code))?.name ?? code);
    }
    const departments = [...reach.departments].sort(
      (a, b) =>
        Number(b.street !== null) - Number(a.street !== null) ||
        areaLabel(a).localeCompare(areaLabel(b), 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.code.localeCompare(b.code),
    );
    return {
      categories: categories.map((c) => ({
        code: c.code,
        name: c.name,
        profile: c.profile,
        defaultKind: c.defaultKind,
        defaultDepartmentCode: c.defaultDepartmentCode,
        defaultDepartmentName: c.defaultDepartmentCode ? (departmentNames.get(c.defaultDepartmentCode) ?? null) : null,
        builtIn: BUILT_IN_CODES.has(c.code),
        retired: c.retired,
        retirable: isRetirable(c.code),
      })),
      categoriesEditable: actor.role === 'superAdmin',
      departments: departments.map((d) => ({
        code: d.code,
        name: d.name,
        street: d.street,
        district: d.district,
        areaLabel: areaLabel(d),
        categories: d.categories,
        categoryNames: d.categories.map((code) => names.get(code) ?? code),
        editable: reach.editable(d),
        retired: d.retired,
      })),
      areas: reach.areas.map((a) => ({
        key: a.street ? `street:${a.street}` : `district:${a.district ?? ''}`,
        street: a.street,
        district: a.street ? null : a.district,
        label: areaLabel(a),
      })),
    };
  },
});

const BUILT_IN_CODES: ReadonlySet<string> = new Set(BUILT_IN_CATEGORIES.map((c) => c.code));
