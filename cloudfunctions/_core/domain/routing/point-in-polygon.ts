// Routing rule 1 and 2 (DOMAIN.md, Routing): a grid holds the points inside its polygon, holes
// excluded, and a point exactly on an edge or vertex counts as inside — so a point on a shared
// border is in both grids and the lowest-code rule, not rounding, decides between them.
import { orientation } from './orientation';
import type { GeoPoint, LinearRing, MultiPolygonCoordinates, PolygonCoordinates } from './types';

export type PointLocation = 'inside' | 'boundary' | 'outside';

/**
 * Crossing parity of a ray towards +longitude, with the half-open rule (an edge counts when
 * exactly one end lies strictly above the point) so a ray through a vertex or along a horizontal
 * edge is counted once or not at all. Works whether or not the ring repeats its first position.
 */
export function locateInRing(lng: number, lat: number, ring: LinearRing): PointLocation {
  let inside = false;
  // Every edge a→b, the closing one (last → first) first.
  let a = ring[ring.length - 1];
  if (a === undefined) return 'outside';
  for (const b of ring) {
    const [ax, ay] = a;
    const [bx, by] = b;
    a = b;
    if (ay > lat !== by > lat) {
      const turn = orientation(ax, ay, bx, by, lng, lat);
      if (turn === 0) return 'boundary';
      // Upward edge: the crossing is east of the point when the point is on its left.
      if (turn > 0 === by > ay) inside = !inside;
    } else if (ay === lat && by === lat) {
      if ((lng >= ax && lng <= bx) || (lng >= bx && lng <= ax)) return 'boundary';
    } else if ((ax === lng && ay === lat) || (bx === lng && by === lat)) {
      return 'boundary';
    }
  }
  return inside ? 'inside' : 'outside';
}

/** A hole's edge is the polygon's edge too, so a point on it is on the boundary, not in the hole. */
export function locateInPolygon(lng: number, lat: number, polygon: PolygonCoordinates): PointLocation {
  const [outer, ...holes] = polygon;
  if (outer === undefined) return 'outside';
  const where = locateInRing(lng, lat, outer);
  if (where !== 'inside') return where;
  for (const hole of holes) {
    const inHole = locateInRing(lng, lat, hole);
    if (inHole === 'inside') return 'outside';
    if (inHole === 'boundary') return 'boundary';
  }
  return 'inside';
}

export function locatePoint(point: GeoPoint, polygons: MultiPolygonCoordinates): PointLocation {
  let result: PointLocation = 'outside';
  for (const polygon of polygons) {
    const where = locateInPolygon(point.longitude, point.latitude, polygon);
    if (where === 'inside') return 'inside';
    if (where === 'boundary') result = 'boundary';
  }
  return result;
}

/** Inside or on the boundary. Non-finite coordinates are never inside. */
export function pointInMultiPolygon(point: GeoPoint, polygons: MultiPolygonCoordinates): boolean {
  if (!Number.isFinite(point.longitude) || !Number.isFinite(point.latitude)) return false;
  return locatePoint(point, polygons) !== 'outside';
}

export function pointInPolygon(point: GeoPoint, polygon: PolygonCoordinates): boolean {
  return pointInMultiPolygon(point, [polygon]);
}
