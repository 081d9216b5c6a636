// The reference routing that the index is held to (issue 12, B1–B3): no index at all. Every grid
// is tried in code order with @turf/boolean-point-in-polygon on the imported GeoJSON (a point on
// an edge counts as inside: turf's default, the border rule), the first that holds the point wins
// (= lowest code); outside every grid, the distance to every edge of every grid decides.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon } from 'geojson';
import {
  NEAREST_GRID_MAX_METERS,
  METERS_PER_DEGREE,
  TRIAGE_HINT_MAX_METERS,
  compareGridCodes,
  distanceToBoundaryMeters,
  metersPerDegreeLongitude,
  type GeoPoint,
  type GridShape,
  type RouteResult,
} from '../../../../cloudfunctions/_core/domain/routing';

export interface NaiveGrid {
  readonly code: string;
  readonly shape: GridShape;
  /** The grid as the GeoJSON geometry an admin uploads (no bbox member, as GIS tools export it). */
  readonly geometry: MultiPolygon;
  /** The box, unpacked (only the boxFirst shortcut reads it). */
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
}

/** The grids in code order, each with its GeoJSON geometry. */
export function naiveGrids(grids: readonly GridShape[]): NaiveGrid[] {
  return [...grids]
    .sort((a, b) => compareGridCodes(a.code, b.code))
    .map((shape) => ({
      code: shape.code,
      shape,
      minLng: shape.bbox[0],
      minLat: shape.bbox[1],
      maxLng: shape.bbox[2],
      maxLat: shape.bbox[3],
      geometry: {
        type: 'MultiPolygon',
        coordinates: shape.polygons.map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => [lng, lat]))),
      },
    }));
}

export interface NaiveOptions {
  /**
   * Skip grids whose box cannot matter: for containment, boxes that do not hold the point; for the
   * distance, boxes farther than the limit (plus a metre for rounding). It changes no answer — a
   * box from the coordinates' min and max holds every point of the polygon, edges included, and no
   * edge is nearer than its box — it only keeps agreement runs over 100k points short. Off for the
   * timed baselines.
   */
  readonly boxFirst?: boolean;
}

/** Code of the lowest-code grid holding the point, or null. */
export function naiveContaining(grids: readonly NaiveGrid[], point: GeoPoint, options: NaiveOptions = {}): string | null {
  const at = [point.longitude, point.latitude];
  for (let i = 0; i < grids.length; i += 1) {
    const g = grids[i] as NaiveGrid;
    if (
      options.boxFirst &&
      (point.longitude < g.minLng || point.longitude > g.maxLng || point.latitude < g.minLat || point.latitude > g.maxLat)
    )
      continue;
    if (booleanPointInPolygon(at, g.geometry)) return g.code;
  }
  return null;
}

/** The grid with the closest boundary within `limit` metres (ties → lowest code), measuring every grid. */
export function naiveNearest(
  grids: readonly NaiveGrid[],
  point: GeoPoint,
  limit: number,
  options: NaiveOptions = {},
): { gridCode: string; distanceMeters: number } | null {
  const kx = metersPerDegreeLongitude(point.latitude);
  let best: { gridCode: string; distanceMeters: number } | null = null;
  for (const g of grids) {
    if (options.boxFirst) {
      const dx = Math.max(g.minLng - point.longitude, 0, point.longitude - g.maxLng) * kx;
      const dy = Math.max(g.minLat - point.latitude, 0, point.latitude - g.maxLat) * METERS_PER_DEGREE;
      if (Math.hypot(dx, dy) > limit + 1) continue;
    }
    const meters = distanceToBoundaryMeters(point, g.shape.polygons);
    if (meters <= limit && (best === null || meters < best.distanceMeters)) best = { gridCode: g.code, distanceMeters: meters };
  }
  return best;
}

/** The whole routing answer, the slow way. */
export function naiveRoute(grids: readonly NaiveGrid[], point: GeoPoint, options: NaiveOptions = {}): RouteResult {
  if (grids.length === 0 || !Number.isFinite(point.latitude) || !Number.isFinite(point.longitude) || Math.abs(point.latitude) >= 90) {
    return { kind: 'triage' };
  }
  const inside = naiveContaining(grids, point, options);
  if (inside !== null) return { kind: 'grid', gridCode: inside, how: 'inside' };
  const near = naiveNearest(grids, point, TRIAGE_HINT_MAX_METERS, options);
  if (near === null) return { kind: 'triage' };
  if (near.distanceMeters <= NEAREST_GRID_MAX_METERS)
    return { kind: 'grid', gridCode: near.gridCode, how: 'nearest', distanceMeters: near.distanceMeters };
  return { kind: 'triage', nearest: near };
}
