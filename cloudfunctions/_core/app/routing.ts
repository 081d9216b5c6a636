// Routing a report to one place, with the routing index cached per function instance. A cold
// instance loads the packed snapshot saved at import time (views over its bytes, no GeoJSON to
// parse, no index to build); without one it builds from the grids and saves it for the next.
// Outside every grid (beyond 200 m): the triage queue of the community of the nearest grid that
// routing names as a hint (within TRIAGE_HINT_MAX_METERS), else the district's.
import { compareGridCodes, loadGridSnapshot, locate, packGridSnapshot, type GridPlace, type GridSnapshot } from '../domain/routing';
import type { Level, PlaceRef } from '../domain/types';
import type { Deps, GridStore } from '../ports';

interface Cached {
  version: string;
  snapshot: GridSnapshot;
}
const cache = new WeakMap<GridStore, Cached>();

export async function gridIndex(deps: Deps): Promise<Cached> {
  const version = await deps.grids.version();
  const hit = cache.get(deps.grids);
  if (hit && hit.version === version) return hit;
  const snapshot = (await storedSnapshot(deps, version)) ?? (await freshSnapshot(deps, version, 'best effort'));
  const fresh: Cached = { version, snapshot };
  cache.set(deps.grids, fresh);
  return fresh;
}

async function storedSnapshot(deps: Deps, version: string): Promise<GridSnapshot | null> {
  const bytes = await deps.grids.loadSnapshot(version);
  if (bytes === null) return null;
  try {
    return loadGridSnapshot(bytes);
  } catch {
    return null; // written by another format or damaged: rebuilt below
  }
}

/**
 * Builds the snapshot from the stored grids and saves it under `version` — unless the grids
 * changed while they were read. A routing call saves on a best-effort basis (a failed cache
 * write must not fail a report; the next cold instance builds again); an import saves for real.
 */
async function freshSnapshot(deps: Deps, version: string, save: 'best effort' | 'required'): Promise<GridSnapshot> {
  const bytes = packGridSnapshot(await deps.grids.all());
  // Saved only if no import landed while the grids were read (anywhere: the stored version).
  if ((await deps.grids.version({ fresh: true })) === version) {
    const saving = deps.grids.saveSnapshot(version, bytes);
    if (save === 'required') await saving;
    else await saving.catch(() => undefined);
  }
  return loadGridSnapshot(bytes);
}

/**
 * Grid places by code from the routing index this instance holds (its codes are sorted: a binary
 * search), so naming hundreds of grids reads no grid document; null for a code it does not know.
 */
export async function gridPlaces(deps: Deps): Promise<(code: string) => GridPlace | null> {
  const { snapshot } = await gridIndex(deps);
  const codes = snapshot.index.codes;
  return (code) => {
    let lo = 0;
    let hi = codes.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = compareGridCodes(codes.get(mid), code);
      if (order === 0) return snapshot.place(mid);
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  };
}

/** After an import: packs the grids as they now stand, so cold instances load instead of build. */
export async function saveRoutingSnapshot(deps: Deps): Promise<void> {
  const version = await deps.grids.version({ fresh: true });
  const snapshot = await freshSnapshot(deps, version, 'required');
  cache.set(deps.grids, { version, snapshot });
}

export interface Routed {
  place: PlaceRef;
  level: Level;
  /** A timeline note for a report that did not land inside a grid. */
  note: string | null;
}

export async function routeReport(deps: Deps, point: { latitude: number; longitude: number }): Promise<Routed> {
  const { snapshot } = await gridIndex(deps);
  const result = locate(snapshot.index, point);
  if (result.kind === 'grid') {
    const grid = snapshot.place(result.id);
    return {
      place: { gridCode: grid.code, gridName: grid.name, community: grid.community, street: grid.street, district: grid.district },
      level: 'grid',
      note: result.how === 'nearest' ? `位置在网格边界外 ${Math.round(result.distanceMeters)} 米，就近分派` : null,
    };
  }
  const nearest = result.nearest ? snapshot.place(result.nearest.id) : undefined;
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
