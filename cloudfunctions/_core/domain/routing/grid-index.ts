// Routing (DOMAIN.md): exactly one grid per point — the grid containing it; on a shared border or
// an overlap the lowest grid code; outside every grid the nearest within 200 m; else triage. At
// city scale this goes through a flatbush R-tree over the grids' boxes, never a scan of all grids.
import Flatbush from 'flatbush';
import { boundingBox } from './bbox';
import { METERS_PER_DEGREE, distanceToBoundaryMeters, metersPerDegreeLongitude } from './distance';
import { pointInMultiPolygon } from './point-in-polygon';
import type { BBox, GeoPoint, MultiPolygonCoordinates } from './types';

/** A point outside every grid but this close to one still belongs to it (DOMAIN.md, Routing 3). */
export const NEAREST_GRID_MAX_METERS = 200;
/**
 * How far a triaged point looks for the grid whose community (or district) queue should take it.
 * Only a hint for the caller, which picks the queue; beyond this the point is nobody's neighbour.
 */
export const TRIAGE_HINT_MAX_METERS = 2000;

/** What routing needs of a grid; a stored grid document with more fields fits as it is. */
export interface RoutableGrid {
  readonly code: string;
  readonly polygons: MultiPolygonCoordinates;
}

export type RouteResult =
  | { readonly kind: 'grid'; readonly gridCode: string; readonly how: 'inside' }
  | { readonly kind: 'grid'; readonly gridCode: string; readonly how: 'nearest'; readonly distanceMeters: number }
  | { readonly kind: 'triage'; readonly nearest?: { readonly gridCode: string; readonly distanceMeters: number } };

/** Build once per function instance and reuse; it is immutable. */
export interface GridIndex {
  /** Indexed grids in ascending code order; a grid's position here is its item id in the tree. */
  readonly grids: readonly RoutableGrid[];
  /** Null when there is no grid with coordinates: every point goes to triage. */
  readonly tree: Flatbush | null;
}

/**
 * The tie rule compares codes as plain strings (UTF-16 code units, no locale, no numeric
 * collation): "G10" comes before "G9", "A1" before "a1". Import codes zero-padded to make the
 * order look natural.
 */
export function compareGridCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildGridIndex(grids: readonly RoutableGrid[]): GridIndex {
  const boxed: { grid: RoutableGrid; bbox: BBox }[] = [];
  for (const grid of grids) {
    const bbox = boundingBox(grid.polygons);
    if (bbox !== null) boxed.push({ grid, bbox });
  }
  // Sorted by code, so "lowest item id among the hits" is the tie rule; the sort is stable.
  boxed.sort((x, y) => compareGridCodes(x.grid.code, y.grid.code));
  if (boxed.length === 0) return { grids: [], tree: null };
  const tree = new Flatbush(boxed.length);
  for (const { bbox } of boxed) tree.add(bbox[0], bbox[1], bbox[2], bbox[3]);
  tree.finish();
  return { grids: boxed.map((entry) => entry.grid), tree };
}

const TRIAGE: RouteResult = { kind: 'triage' };

export function route(index: GridIndex, point: GeoPoint): RouteResult {
  const { tree, grids } = index;
  const { latitude, longitude } = point;
  if (tree === null || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) >= 90) {
    return TRIAGE;
  }

  const containing = tree.search(longitude, latitude, longitude, latitude).sort(ascending);
  for (const id of containing) {
    const grid = grids[id];
    if (pointInMultiPolygon(point, grid.polygons)) return { kind: 'grid', gridCode: grid.code, how: 'inside' };
  }

  const near = nearestWithin(index, point, NEAREST_GRID_MAX_METERS);
  if (near !== null) return { kind: 'grid', gridCode: near.gridCode, how: 'nearest', distanceMeters: near.distanceMeters };
  const hint = nearestWithin(index, point, TRIAGE_HINT_MAX_METERS);
  return hint === null ? TRIAGE : { kind: 'triage', nearest: hint };
}

/** The grid whose boundary is closest to the point, if within `limit` metres; ties → lowest code. */
function nearestWithin(index: GridIndex, point: GeoPoint, limit: number): { gridCode: string; distanceMeters: number } | null {
  const { tree, grids } = index;
  if (tree === null) return null;
  const { latitude, longitude } = point;
  // Any grid within the limit has its box inside this window: the window is the limit converted
  // to degrees with the same local scale distanceToBoundaryMeters uses, plus a hair for rounding.
  const dLat = limit / METERS_PER_DEGREE + 1e-9;
  const dLng = limit / metersPerDegreeLongitude(latitude) + 1e-9;
  const nearby = tree.search(longitude - dLng, latitude - dLat, longitude + dLng, latitude + dLat).sort(ascending);
  let best: { gridCode: string; distanceMeters: number } | null = null;
  for (const id of nearby) {
    const grid = grids[id];
    const meters = distanceToBoundaryMeters(point, grid.polygons);
    // Strictly closer replaces: with ids in code order, an exact tie keeps the lower code.
    if (meters <= limit && (best === null || meters < best.distanceMeters)) best = { gridCode: grid.code, distanceMeters: meters };
  }
  return best;
}

function ascending(a: number, b: number): number {
  return a - b;
}
