// Routing a report to one place, with a routing index cached per function instance and rebuilt
// only when the grids change. Outside every grid (beyond 200 m): the triage queue of the community
// of the nearest grid that routing names as a hint (within TRIAGE_HINT_MAX_METERS), else the district's.
import { buildGridIndex, route, type GridIndex } from '../domain/routing';
import type { Level, PlaceRef } from '../domain/types';
import type { Deps, GridRecord, GridStore } from '../ports';

interface Cached {
  version: string;
  index: GridIndex;
  byCode: Map<string, GridRecord>;
}
const cache = new WeakMap<GridStore, Cached>();

export async function gridIndex(deps: Deps): Promise<Cached> {
  const version = await deps.grids.version();
  const hit = cache.get(deps.grids);
  if (hit && hit.version === version) return hit;
  const grids = await deps.grids.all();
  const fresh: Cached = { version, index: buildGridIndex(grids), byCode: new Map(grids.map((g) => [g.code, g])) };
  cache.set(deps.grids, fresh);
  return fresh;
}

export interface Routed {
  place: PlaceRef;
  level: Level;
  /** A timeline note for a report that did not land inside a grid. */
  note: string | null;
}

export async function routeReport(deps: Deps, point: { latitude: number; longitude: number }): Promise<Routed> {
  const { index, byCode } = await gridIndex(deps);
  const result = route(index, point);
  if (result.kind === 'grid') {
    const grid = byCode.get(result.gridCode);
    if (!grid) throw new Error(`routing index out of step with grid ${result.gridCode}`);
    return {
      place: { gridCode: grid.code, gridName: grid.name, community: grid.community, street: grid.street, district: grid.district },
      level: 'grid',
      note: result.how === 'nearest' ? `位置在网格边界外 ${Math.round(result.distanceMeters)} 米，就近分派` : null,
    };
  }
  const nearest = result.nearest ? byCode.get(result.nearest.gridCode) : undefined;
  if (nearest?.community) {
    return {
      place: { gridCode: null, gridName: null, community: nearest.community, street: nearest.street, district: nearest.district },
      level: 'community',
      note: '位置不在任何网格内，由社区分派',
    };
  }
  return {
    place: { gridCode: null, gridName: null, community: null, street: nearest?.street ?? null, district: nearest?.district ?? null },
    level: 'district',
    note: '位置不在任何网格内，由区中心分派',
  };
}
