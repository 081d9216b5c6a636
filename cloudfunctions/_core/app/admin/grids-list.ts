// admin.grids.list: the imported grids (without their polygons), paged by code, within the
// caller's own area — a grid worker's grids, a community's, a street's, a district's; the super
// admins see all. Departments have no grids. A community filter must lie inside that area.
import { z } from 'zod';
import { scopeGrids, scopeName } from '../../domain/responsibility';
import type { Actor } from '../../domain/types';
import { InvalidCursorError, type Deps, type GridRecord, type Page } from '../../ports';
import { fail } from '../errors';
import { cursor, placeName } from '../schemas';
import { defineUseCase } from '../use-case';

const PAGE = 50;

async function gridsOfWorker(
  actor: Actor,
  deps: Deps,
  community: string | undefined,
  cursor: string | undefined,
): Promise<Page<GridRecord>> {
  // A grid worker's list is one page: any cursor is one this action never issued.
  if (cursor !== undefined) throw new InvalidCursorError();
  const found = await Promise.all([...scopeGrids(actor)].sort().map((code) => deps.grids.get(code)));
  return {
    items: found.filter((g): g is GridRecord => g !== null && (community === undefined || g.community === community)),
    nextCursor: null,
  };
}

/** Whether the community lies inside the actor's street or district (the places are imported data). */
async function communityWithin(actor: Actor, community: string, deps: Deps): Promise<boolean> {
  if (actor.role === 'superAdmin') return true;
  if (actor.role === 'communityAdmin') return scopeName(actor, 'community') === community;
  const place = await deps.places.get('community', community);
  if (!place) return true; // unknown: the list is simply empty
  if (actor.role === 'streetAdmin') return place.street !== null && place.street === scopeName(actor, 'street');
  if (actor.role === 'districtAdmin') return place.district !== null && place.district === scopeName(actor, 'district');
  return false;
}

export const listGrids = defineUseCase('admin.grids.list', {
  who: 'staff',
  params: z.strictObject({ community: placeName.optional(), cursor }),
  run: async (params, ctx) => {
    const { actor, deps } = ctx;
    if (actor.role === 'deptHandler') throw fail('FORBIDDEN', '部门人员不查看网格');
    if (params.community !== undefined && actor.role !== 'gridWorker' && !(await communityWithin(actor, params.community, deps))) {
      throw fail('FORBIDDEN', '只能查看本辖区的网格');
    }
    const own = (key: 'community' | 'street' | 'district'): string => scopeName(actor, key) ?? '';
    const page =
      actor.role === 'gridWorker'
        ? await gridsOfWorker(actor, deps, params.community, params.cursor)
        : await deps.grids.list(
            params.community !== undefined
              ? { community: params.community }
              : actor.role === 'communityAdmin'
                ? { community: own('community') }
                : actor.role === 'streetAdmin'
                  ? { street: own('street') }
                  : actor.role === 'districtAdmin'
                    ? { district: own('district') }
                    : {},
            params.cursor ?? null,
            PAGE,
          );
    return {
      items: page.items.map((g) => ({
        code: g.code,
        name: g.name,
        community: g.community,
        street: g.street,
        district: g.district,
        households: g.households,
        bbox: g.bbox,
      })),
      nextCursor: page.nextCursor,
    };
  },
});
