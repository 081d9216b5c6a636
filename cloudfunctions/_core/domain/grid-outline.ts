// A grid's outline for a phone map: the outer ring of each polygon (a map polygon has no holes),
// simplified (Douglas–Peucker, the tolerance doubled until few enough points remain) so a
// handling page carries a few dozen points, not a survey's thousands. Positions turn from
// GeoJSON's [lng, lat] into the { latitude, longitude } the <map> component takes.
import type { MultiPolygonCoordinates, Position } from './routing/types';

export interface MapPoint {
  latitude: number;
  longitude: number;
}

export const OUTLINE_MAX_POINTS = 48;
export const OUTLINE_MAX_RINGS = 4;

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker on an open polyline: the points that stay within `tolerance` of the original. */
function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let i = first + 1; i < last; i += 1) {
      const d = distanceToSegment(points[i] as Position, points[first] as Position, points[last] as Position);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** One closed ring as at most `max` points (the closing repeat dropped: the map closes it). */
export function simplifyRing(ring: readonly Position[], max: number = OUTLINE_MAX_POINTS): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const open = first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : [...ring];
  if (open.length <= max) return open;
  // Split at the point farthest from the first, so both halves are lines Douglas–Peucker can take.
  const start = open[0] as Position;
  let split = 1;
  open.forEach((p, i) => {
    if (
      Math.hypot(p[0] - start[0], p[1] - start[1]) >
      Math.hypot((open[split] as Position)[0] - start[0], (open[split] as Position)[1] - start[1])
    )
      split = i;
  });
  const halves = [open.slice(0, split + 1), [...open.slice(split), start]];
  let tolerance = 1e-6;
  for (let round = 0; round < 40; round += 1) {
    const [a, b] = halves.map((h) => simplifyLine(h, tolerance)) as [Position[], Position[]];
    const joined = [...a, ...b.slice(1, -1)];
    if (joined.length <= max) return joined;
    tolerance *= 2;
  }
  return [start, open[split] as Position];
}

/** Twice the area a ring encloses (shoelace), in squared degrees: enough to order rings by size. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum);
}

/** The outer rings of a grid's polygons, largest first, for a map. */
export function gridOutline(
  polygons: MultiPolygonCoordinates,
  maxPoints: number = OUTLINE_MAX_POINTS,
  maxRings: number = OUTLINE_MAX_RINGS,
): MapPoint[][] {
  return polygons
    .map((polygon) => polygon[0] ?? [])
    .filter((ring) => ring.length >= 3)
    .sort((a, b) => ringArea(b) - ringArea(a))
    .slice(0, maxRings)
    .map((ring) => simplifyRing(ring, maxPoints).map(([longitude, latitude]) => ({ latitude, longitude })));
}
