// Routing (DOMAIN.md): exactly one grid per point — the grid containing it; on a shared border or
// an overlap the lowest grid code; outside every grid the nearest within 200 m; else triage. At
// city scale this goes through a flat bucket index over packed polygon arrays, never a scan.
//
// Layout: grids sorted by code (a grid's id is its rank, so "lowest id among the hits" is the tie
// rule); their polygons, rings and positions packed into typed arrays; a uniform lattice of
// buckets over the whole extent, each listing (ascending) the polygons whose box touches it. A
// lookup reads one bucket and runs the exact point-in-polygon test on the few polygons there.
// Everything is plain typed arrays, so snapshot.ts can store the index and load it without a build.
import { METERS_PER_DEGREE, metersPerDegreeLongitude, segmentDistanceSquared } from './distance';
import { orientation } from './orientation';
import type { GeoPoint, MultiPolygonCoordinates } from './types';

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

/** The same answer with grid ids (ranks in code order) instead of codes. */
export type Located =
  | { readonly kind: 'grid'; readonly id: number; readonly how: 'inside' }
  | { readonly kind: 'grid'; readonly id: number; readonly how: 'nearest'; readonly distanceMeters: number }
  | { readonly kind: 'triage'; readonly nearest?: { readonly id: number; readonly distanceMeters: number } };

/** Strings by id, possibly decoded on demand (a loaded snapshot decodes a code when it is asked for). */
export interface StringTable {
  readonly size: number;
  get(id: number): string;
}

/** A uniform lattice of buckets over the extent of all polygons. */
export interface Buckets {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
  readonly columns: number;
  readonly rows: number;
  /** Buckets per degree: a longitude's column is ⌊(lng − minLng) · lngScale⌋, clamped (0 when the extent is a line). */
  readonly lngScale: number;
  readonly latScale: number;
  /** Polygons touching bucket b (= row · columns + column): items[start[b]] … items[start[b + 1] − 1], ascending. */
  readonly start: Uint32Array;
  readonly items: Uint32Array;
}

/** Build once per function instance (or load from a snapshot) and reuse; it is immutable. */
export interface GridIndex {
  /** Grid codes in ascending order; a grid's id is its position here. */
  readonly codes: StringTable;
  /** The grid each polygon belongs to; polygons are in grid order. */
  readonly polygonGrid: Uint32Array;
  /** [minLng, minLat, maxLng, maxLat] of each polygon, over all its rings. */
  readonly polygonBox: Float64Array;
  /** Rings of polygon p: ringStart[p] … ringStart[p + 1] − 1; the first is the outer boundary. */
  readonly ringStart: Uint32Array;
  /** Positions of ring r: positionStart[r] … positionStart[r + 1] − 1, as given (a closing repeat included). */
  readonly positionStart: Uint32Array;
  /** Longitude and latitude of every position, interleaved. */
  readonly coords: Float64Array;
  readonly buckets: Buckets;
}

/**
 * The tie rule compares codes as plain strings (UTF-16 code units, no locale, no numeric
 * collation): "G10" comes before "G9", "A1" before "a1". Import codes zero-padded to make the
 * order look natural.
 */
export function compareGridCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function arrayStringTable(values: readonly string[]): StringTable {
  return { size: values.length, get: (id) => values[id] as string };
}

/** Roughly how many buckets a polygon's box spans per side: small enough that a bucket holds one or two polygons. */
const BUCKETS_PER_POLYGON_SIDE = 3;
/** Caps on the lattice, whatever the shapes: buckets per polygon and in all. */
const MAX_BUCKETS_PER_POLYGON = 64;
const MAX_BUCKETS = 1 << 22;

export function buildGridIndex(grids: readonly RoutableGrid[]): GridIndex {
  return packGrids(grids).index;
}

/** The index, and the grids it holds in id order (grids without any position are left out). */
export function packGrids<G extends RoutableGrid>(grids: readonly G[]): { index: GridIndex; ordered: G[] } {
  const hasPosition = (g: RoutableGrid): boolean => g.polygons.some((polygon) => polygon.some((ring) => ring.length > 0));
  // A stable sort: grids with one code keep their input order.
  const ordered = grids.filter(hasPosition).sort((x, y) => compareGridCodes(x.code, y.code));

  let polygonCount = 0;
  let ringCount = 0;
  let positionCount = 0;
  for (const grid of ordered) {
    for (const polygon of grid.polygons) {
      if (!polygon.some((ring) => ring.length > 0)) continue;
      polygonCount += 1;
      ringCount += polygon.length;
      for (const ring of polygon) positionCount += ring.length;
    }
  }
  const polygonGrid = new Uint32Array(polygonCount);
  const polygonBox = new Float64Array(4 * polygonCount);
  const ringStart = new Uint32Array(polygonCount + 1);
  const positionStart = new Uint32Array(ringCount + 1);
  const coords = new Float64Array(2 * positionCount);
  let p = 0;
  let r = 0;
  let q = 0;
  ordered.forEach((grid, id) => {
    for (const polygon of grid.polygons) {
      if (!polygon.some((ring) => ring.length > 0)) continue;
      polygonGrid[p] = id;
      ringStart[p] = r;
      let minLng = Infinity;
      let minLat = Infinity;
      let maxLng = -Infinity;
      let maxLat = -Infinity;
      for (const ring of polygon) {
        positionStart[r] = q;
        for (const [lng, lat] of ring) {
          coords[2 * q] = lng;
          coords[2 * q + 1] = lat;
          if (lng < minLng) minLng = lng;
          if (lng > maxLng) maxLng = lng;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
          q += 1;
        }
        r += 1;
      }
      polygonBox.set([minLng, minLat, maxLng, maxLat], 4 * p);
      p += 1;
    }
  });
  ringStart[polygonCount] = ringCount;
  positionStart[ringCount] = positionCount;
  const index: GridIndex = {
    codes: arrayStringTable(ordered.map((g) => g.code)),
    polygonGrid,
    polygonBox,
    ringStart,
    positionStart,
    coords,
    buckets: buildBuckets(polygonBox, polygonCount),
  };
  return { index, ordered };
}

function buildBuckets(box: Float64Array, count: number): Buckets {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  let widths = 0;
  let heights = 0;
  for (let p = 0; p < count; p += 1) {
    minLng = Math.min(minLng, box[4 * p] as number);
    minLat = Math.min(minLat, box[4 * p + 1] as number);
    maxLng = Math.max(maxLng, box[4 * p + 2] as number);
    maxLat = Math.max(maxLat, box[4 * p + 3] as number);
    widths += (box[4 * p + 2] as number) - (box[4 * p] as number);
    heights += (box[4 * p + 3] as number) - (box[4 * p + 1] as number);
  }
  if (count === 0) {
    return {
      minLng: 0,
      minLat: 0,
      maxLng: 0,
      maxLat: 0,
      columns: 1,
      rows: 1,
      lngScale: 0,
      latScale: 0,
      start: new Uint32Array(2),
      items: new Uint32Array(0),
    };
  }
  const width = maxLng - minLng;
  const height = maxLat - minLat;
  const side = (extent: number, mean: number): number =>
    extent > 0 ? Math.max(1, Math.ceil((extent * BUCKETS_PER_POLYGON_SIDE) / Math.max(mean, extent / 4096))) : 1;
  let columns = side(width, widths / count);
  let rows = side(height, heights / count);
  const cap = Math.min(MAX_BUCKETS, Math.max(1024, MAX_BUCKETS_PER_POLYGON * count));
  if (columns * rows > cap) {
    const shrink = Math.sqrt(cap / (columns * rows));
    columns = Math.max(1, Math.floor(columns * shrink));
    rows = Math.max(1, Math.floor(rows * shrink));
  }
  const lngScale = width > 0 ? columns / width : 0;
  const latScale = height > 0 ? rows / height : 0;
  const grid = { minLng, minLat, maxLng, maxLat, columns, rows, lngScale, latScale };

  // Two passes (count, then fill) give each bucket its polygons in ascending order.
  const start = new Uint32Array(columns * rows + 1);
  const forEachBucket = (p: number, visit: (bucket: number) => void): void => {
    const c0 = column(grid, box[4 * p] as number);
    const c1 = column(grid, box[4 * p + 2] as number);
    const r0 = row(grid, box[4 * p + 1] as number);
    const r1 = row(grid, box[4 * p + 3] as number);
    for (let y = r0; y <= r1; y += 1) for (let x = c0; x <= c1; x += 1) visit(y * columns + x);
  };
  for (let p = 0; p < count; p += 1) forEachBucket(p, (b) => (start[b + 1] = (start[b + 1] as number) + 1));
  for (let b = 0; b < columns * rows; b += 1) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const items = new Uint32Array(start[columns * rows] as number);
  const fill = start.slice(0, columns * rows);
  for (let p = 0; p < count; p += 1) {
    forEachBucket(p, (b) => {
      items[fill[b] as number] = p;
      fill[b] = (fill[b] as number) + 1;
    });
  }
  return { ...grid, start, items };
}

type Lattice = Pick<Buckets, 'minLng' | 'minLat' | 'columns' | 'rows' | 'lngScale' | 'latScale'>;

// Rounding is monotonic, so a position inside a box always falls in a bucket the box was
// registered in: the same expression places both.
function column(b: Lattice, lng: number): number {
  const c = Math.floor((lng - b.minLng) * b.lngScale);
  return c < 0 ? 0 : c >= b.columns ? b.columns - 1 : c;
}

function row(b: Lattice, lat: number): number {
  const r = Math.floor((lat - b.minLat) * b.latScale);
  return r < 0 ? 0 : r >= b.rows ? b.rows - 1 : r;
}

const INSIDE = 1;
const BOUNDARY = 0;
const OUTSIDE = -1;

/**
 * point-in-polygon.ts's locateInRing on packed positions: the half-open crossing rule with exact
 * orientation, so a point on an edge or vertex is BOUNDARY. Positions from … to − 1, closing edge included.
 */
function locateInPackedRing(c: Float64Array, from: number, to: number, x: number, y: number): number {
  let inside = false;
  for (let i = from; i < to; i += 1) {
    const j = i + 1 < to ? i + 1 : from;
    const ax = c[2 * i] as number;
    const ay = c[2 * i + 1] as number;
    const bx = c[2 * j] as number;
    const by = c[2 * j + 1] as number;
    if (ay > y !== by > y) {
      const turn = orientation(ax, ay, bx, by, x, y);
      if (turn === 0) return BOUNDARY;
      // Upward edge: the crossing is east of the point when the point is on its left.
      if (turn > 0 === by > ay) inside = !inside;
    } else if (ay === y && by === y) {
      if ((x >= ax && x <= bx) || (x >= bx && x <= ax)) return BOUNDARY;
    } else if ((ax === x && ay === y) || (bx === x && by === y)) {
      return BOUNDARY;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}

/** Inside or on the boundary of polygon p (holes excluded, a hole's edge included). */
function polygonHolds(index: GridIndex, p: number, x: number, y: number): boolean {
  const { ringStart, positionStart, coords } = index;
  const first = ringStart[p] as number;
  const end = ringStart[p + 1] as number;
  const outer = locateInPackedRing(coords, positionStart[first] as number, positionStart[first + 1] as number, x, y);
  if (outer !== INSIDE) return outer === BOUNDARY;
  for (let r = first + 1; r < end; r += 1) {
    const where = locateInPackedRing(coords, positionStart[r] as number, positionStart[r + 1] as number, x, y);
    if (where === INSIDE) return false;
    if (where === BOUNDARY) return true;
  }
  return true;
}

/** Id of the lowest-code grid holding the point (inside or on its boundary), or −1. */
export function containingGrid(index: GridIndex, longitude: number, latitude: number): number {
  const b = index.buckets;
  if (!(longitude >= b.minLng && longitude <= b.maxLng && latitude >= b.minLat && latitude <= b.maxLat)) return -1;
  const bucket = row(b, latitude) * b.columns + column(b, longitude);
  const { items, start } = b;
  const box = index.polygonBox;
  const end = start[bucket + 1] as number;
  // Ascending polygon ids are ascending grid ids: the first polygon holding the point decides.
  for (let k = start[bucket] as number; k < end; k += 1) {
    const p = items[k] as number;
    if (longitude < (box[4 * p] as number) || latitude < (box[4 * p + 1] as number)) continue;
    if (longitude > (box[4 * p + 2] as number) || latitude > (box[4 * p + 3] as number)) continue;
    if (polygonHolds(index, p, longitude, latitude)) return index.polygonGrid[p] as number;
  }
  return -1;
}

/** distanceToBoundaryMeters over polygon p's rings, with the same arithmetic (bit-identical). */
function polygonDistanceMeters(index: GridIndex, p: number, x: number, y: number, kx: number, ky: number): number {
  const { ringStart, positionStart, coords: c } = index;
  let best = Infinity;
  const end = ringStart[p + 1] as number;
  for (let r = ringStart[p] as number; r < end; r += 1) {
    const from = positionStart[r] as number;
    const to = positionStart[r + 1] as number;
    for (let i = from; i < to; i += 1) {
      const j = i + 1 < to ? i + 1 : from;
      const d = segmentDistanceSquared(
        ((c[2 * i] as number) - x) * kx,
        ((c[2 * i + 1] as number) - y) * ky,
        ((c[2 * j] as number) - x) * kx,
        ((c[2 * j + 1] as number) - y) * ky,
      );
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

/** Far below any distance that matters, far above the rounding of a bound in metres. */
const SLACK_METERS = 1e-6;

/** Per index: which polygons the current nearest-search has seen (a stamp per search, no allocation). */
const seenByIndex = new WeakMap<GridIndex, { marks: Uint32Array; stamp: number }>();

function nextStamp(index: GridIndex): { marks: Uint32Array; stamp: number } {
  let seen = seenByIndex.get(index);
  if (seen === undefined || seen.stamp >= 0xfffffffe) {
    seen = { marks: new Uint32Array(index.polygonGrid.length), stamp: 0 };
    seenByIndex.set(index, seen);
  }
  seen.stamp += 1;
  return seen;
}

/**
 * The grid whose boundary is closest to the point, if within `limit` metres; ties → lowest code.
 * Buckets are read in square rings around the point's bucket, nearest first, and the search stops
 * once no unread bucket can hold anything closer than the best so far.
 */
export function nearestGrid(
  index: GridIndex,
  longitude: number,
  latitude: number,
  limit: number,
): { id: number; distanceMeters: number } | null {
  const b = index.buckets;
  if (index.polygonGrid.length === 0) return null;
  const kx = metersPerDegreeLongitude(latitude);
  const ky = METERS_PER_DEGREE;
  // Any polygon within the limit has its box inside this window: the limit in degrees with the same
  // local scale the distance uses, plus a hair for rounding.
  const dLng = limit / kx + 1e-9;
  const dLat = limit / ky + 1e-9;
  if (longitude + dLng < b.minLng || longitude - dLng > b.maxLng || latitude + dLat < b.minLat || latitude - dLat > b.maxLat) return null;
  const c0 = column(b, longitude - dLng);
  const c1 = column(b, longitude + dLng);
  const r0 = row(b, latitude - dLat);
  const r1 = row(b, latitude + dLat);
  // The point's own bucket, unclamped (it may lie outside the extent).
  const pc = Math.floor((longitude - b.minLng) * b.lngScale);
  const pr = Math.floor((latitude - b.minLat) * b.latScale);
  const reach = Math.max(pc - c0, c1 - pc, pr - r0, r1 - pr);
  const box = index.polygonBox;
  const seen = nextStamp(index);
  let bestId = -1;
  let bestMeters = Infinity;

  const visit = (bucket: number): void => {
    const end = b.start[bucket + 1] as number;
    for (let k = b.start[bucket] as number; k < end; k += 1) {
      const p = b.items[k] as number;
      if (seen.marks[p] === seen.stamp) continue;
      seen.marks[p] = seen.stamp;
      const bx0 = box[4 * p] as number;
      const by0 = box[4 * p + 1] as number;
      const bx1 = box[4 * p + 2] as number;
      const by1 = box[4 * p + 3] as number;
      const ex = longitude < bx0 ? (bx0 - longitude) * kx : longitude > bx1 ? (longitude - bx1) * kx : 0;
      const ey = latitude < by0 ? (by0 - latitude) * ky : latitude > by1 ? (latitude - by1) * ky : 0;
      const bound = Math.sqrt(ex * ex + ey * ey) - SLACK_METERS;
      if (bound > limit || bound > bestMeters) continue;
      const meters = polygonDistanceMeters(index, p, longitude, latitude, kx, ky);
      const id = index.polygonGrid[p] as number;
      if (meters <= limit && (meters < bestMeters || (meters === bestMeters && id < bestId))) {
        bestMeters = meters;
        bestId = id;
      }
    }
  };

  for (let r = 0; r <= reach; r += 1) {
    const yFrom = Math.max(pr - r, r0);
    const yTo = Math.min(pr + r, r1);
    for (let y = yFrom; y <= yTo; y += 1) {
      if (y === pr - r || y === pr + r) {
        const xFrom = Math.max(pc - r, c0);
        const xTo = Math.min(pc + r, c1);
        for (let x = xFrom; x <= xTo; x += 1) visit(y * b.columns + x);
      } else {
        if (pc - r >= c0 && pc - r <= c1) visit(y * b.columns + pc - r);
        if (r > 0 && pc + r >= c0 && pc + r <= c1) visit(y * b.columns + pc + r);
      }
    }
    if (bestId >= 0 && bestMeters < unreadBound(b, pc, pr, r, longitude, latitude, kx, ky) - SLACK_METERS) break;
  }
  return bestId < 0 ? null : { id: bestId, distanceMeters: bestMeters };
}

/**
 * A lower bound, in metres, on the distance to any polygon not registered in the buckets within
 * `r` of (pc, pr): such a polygon's box lies wholly outside that block of buckets.
 */
function unreadBound(b: Buckets, pc: number, pr: number, r: number, x: number, y: number, kx: number, ky: number): number {
  const toSide = (low: number, high: number, count: number, scale: number, min: number, value: number, k: number): number => {
    if (scale === 0) return Infinity;
    const below = low <= 0 ? Infinity : (value - (min + low / scale)) * k;
    const above = high >= count - 1 ? Infinity : (min + (high + 1) / scale - value) * k;
    return Math.min(below, above);
  };
  return Math.min(
    toSide(pc - r, pc + r, b.columns, b.lngScale, b.minLng, x, kx),
    toSide(pr - r, pr + r, b.rows, b.latScale, b.minLat, y, ky),
  );
}

const TRIAGE: Located = { kind: 'triage' };

/** Routing with grid ids: the containing grid, else the nearest within 200 m, else triage (with a hint within 2 km). */
export function locate(index: GridIndex, point: GeoPoint): Located {
  const { latitude, longitude } = point;
  if (index.codes.size === 0 || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) >= 90) {
    return TRIAGE;
  }
  const id = containingGrid(index, longitude, latitude);
  if (id >= 0) return { kind: 'grid', id, how: 'inside' };
  // One search out to the hint's reach: the nearest grid overall is the routing answer when it is
  // within 200 m (the same grid a 200 m search would pick, ties included), else the triage hint.
  const near = nearestGrid(index, longitude, latitude, TRIAGE_HINT_MAX_METERS);
  if (near === null) return TRIAGE;
  if (near.distanceMeters <= NEAREST_GRID_MAX_METERS)
    return { kind: 'grid', id: near.id, how: 'nearest', distanceMeters: near.distanceMeters };
  return { kind: 'triage', nearest: near };
}

export function route(index: GridIndex, point: GeoPoint): RouteResult {
  const found = locate(index, point);
  if (found.kind === 'triage') {
    return found.nearest === undefined
      ? TRIAGE_RESULT
      : { kind: 'triage', nearest: { gridCode: index.codes.get(found.nearest.id), distanceMeters: found.nearest.distanceMeters } };
  }
  const gridCode = index.codes.get(found.id);
  return found.how === 'inside'
    ? { kind: 'grid', gridCode, how: 'inside' }
    : { kind: 'grid', gridCode, how: 'nearest', distanceMeters: found.distanceMeters };
}

const TRIAGE_RESULT: RouteResult = { kind: 'triage' };
