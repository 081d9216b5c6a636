// Routing rule 3 (DOMAIN.md, Routing) measures "within 200 m" of a grid, and duplicate detection
// measures "within 50 m" of a ticket. At these distances a local equirectangular projection around
// the point is accurate to well under a metre; the Earth is the IUGG mean sphere.
import type { GeoPoint, MultiPolygonCoordinates } from './types';

export const EARTH_RADIUS_METERS = 6371008.8;

const RADIANS = Math.PI / 180;
/** Length of one degree of latitude (and of longitude at the equator) on the mean sphere. */
export const METERS_PER_DEGREE = EARTH_RADIUS_METERS * RADIANS;

/** Great-circle distance in metres. */
export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.latitude - a.latitude) * RADIANS;
  const dLng = (b.longitude - a.longitude) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RADIANS) * Math.cos(b.latitude * RADIANS) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of longitude at the given latitude. */
export function metersPerDegreeLongitude(latitude: number): number {
  return METERS_PER_DEGREE * Math.cos(latitude * RADIANS);
}

/**
 * Metres from the point to the nearest edge of any ring (outer boundaries and holes alike),
 * whether the point lies inside or outside. Infinity when there is no edge.
 */
export function distanceToBoundaryMeters(point: GeoPoint, polygons: MultiPolygonCoordinates): number {
  const kx = metersPerDegreeLongitude(point.latitude);
  const ky = METERS_PER_DEGREE;
  let best = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      // Every edge a→b, the closing one (last → first) first.
      let a = ring[ring.length - 1];
      if (a === undefined) continue;
      for (const b of ring) {
        const d = segmentDistanceSquared(
          (a[0] - point.longitude) * kx,
          (a[1] - point.latitude) * ky,
          (b[0] - point.longitude) * kx,
          (b[1] - point.latitude) * ky,
        );
        if (d < best) best = d;
        a = b;
      }
    }
  }
  return Math.sqrt(best);
}

/**
 * Squared distance from the origin to the segment a–b in a plane. The routing index measures
 * with this same function on its packed edges, so both give bit-identical distances (and ties).
 */
export function segmentDistanceSquared(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : -(ax * dx + ay * dy) / lengthSquared;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx;
  const ey = ay + t * dy;
  return ex * ex + ey * ey;
}
