// A synthetic city for the routing benchmark (issue 12) and its agreement test: a tiling of
// adjacent grids whose shared boundaries use the very same vertices, 32–56 boundary vertices per
// grid, some grids with a hole that is another grid (an enclave), part of a neighbour (which then
// is a MultiPolygon) or nobody's (a lake); population-weighted report points; and points placed
// on shared edges, vertices and hole borders. Everything comes from a seed: same options, same city.
import {
  METERS_PER_DEGREE,
  boundingBox,
  metersPerDegreeLongitude,
  orientation,
  type BBox,
  type GeoPoint,
  type GridShape,
  type LinearRing,
  type Position,
} from '../../cloudfunctions/_core/domain/routing';
import { cellRing, edgeMaker, positionsAround } from './lattice-geometry';
import { ZHANGDIAN_CENTRE, seededRandom } from './routing-fixtures';

export interface CityOptions {
  /** Grids in all (cells plus enclaves); Zibo has 6,835. */
  grids?: number;
  seed?: number;
  /** Side of a cell; 250 m holds the 300–400 households of a grid in a dense district. */
  cellMeters?: number;
  centre?: GeoPoint;
}

export type HoleKind = 'enclave' | 'exclave' | 'lake';

export interface CityHole {
  /** The grid with the hole. */
  readonly host: string;
  readonly kind: HoleKind;
  /** The grid that fills it: the enclave itself, the neighbour owning the exclave, or null for a lake. */
  readonly filledBy: string | null;
  /** The hole's ring, counter-clockwise, closed (the host holds it reversed). */
  readonly ring: LinearRing;
  readonly centre: GeoPoint;
}

export interface City {
  readonly grids: GridShape[];
  readonly bbox: BBox;
  readonly holes: CityHole[];
}

/** Intermediate vertices per cell edge, shared by the two cells on either side. */
const EDGE_VERTICES = { min: 7, max: 13 } as const;
/** Hole ring vertices; the hole's radius as a fraction of the cell side. */
const HOLE_VERTICES = 30;
const HOLE_RADIUS = 0.2;
/** One cell in HOLE_EVERY has a hole; the kinds take turns. */
const HOLE_EVERY = 23;
const HOLE_KINDS: readonly HoleKind[] = ['enclave', 'exclave', 'lake'];
const JITTER = 0.12;
/** Cells of 3 × 3 make a community; communities of 4 × 4 make a street. */
const COMMUNITY_SPAN = 3;
const STREET_SPAN = 12;

function holeKindOf(cell: number): HoleKind | null {
  return cell % HOLE_EVERY === HOLE_EVERY - 1 ? (HOLE_KINDS[Math.floor(cell / HOLE_EVERY) % HOLE_KINDS.length] as HoleKind) : null;
}

function enclavesAmong(cells: number): number {
  let n = 0;
  for (let cell = 0; cell < cells; cell += 1) if (holeKindOf(cell) === 'enclave') n += 1;
  return n;
}

export function syntheticCity(options: CityOptions = {}): City {
  const { grids: total = 7000, seed = 12, cellMeters = 250, centre = ZHANGDIAN_CENTRE } = options;
  if (!Number.isInteger(total) || total < 1) throw new Error('grids must be a positive integer');
  // Cells plus enclaves make the total; when that overshoots by one, the last enclave becomes a lake.
  let cells = Math.max(1, Math.floor(total * 0.9));
  while (cells + enclavesAmong(cells) < total) cells += 1;
  const lastEnclaveIsLake = cells + enclavesAmong(cells) > total;

  const random = seededRandom(seed);
  const spread = (fraction: number): number => (random() * 2 - 1) * fraction * cellMeters;
  const columns = Math.ceil(Math.sqrt(cells));
  const rows = Math.ceil(cells / columns);
  const toPosition = positionsAround(centre);

  // Corners in metres, each displaced once so every cell that shares it agrees.
  const corners: [number, number][] = [];
  for (let j = 0; j <= rows; j += 1) {
    for (let i = 0; i <= columns; i += 1) {
      corners.push([(i - columns / 2) * cellMeters + spread(JITTER), (j - rows / 2) * cellMeters + spread(JITTER)]);
    }
  }
  const cornerAt = (i: number, j: number): [number, number] => corners[j * (columns + 1) + i] as [number, number];
  // Bent a little, as boundaries that follow streets are; the positions stay in order along the edge.
  const between = edgeMaker({
    cornerAt,
    toPosition,
    vertices: () => EDGE_VERTICES.min + Math.floor(random() * (EDGE_VERTICES.max - EDGE_VERTICES.min + 1)),
    bend: () => spread(JITTER / 4),
  });

  // Codes in a seeded shuffled order, so the lowest-code rule is not tied to the geometry.
  const order = Array.from({ length: total }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const k = Math.floor(random() * (i + 1));
    [order[i], order[k]] = [order[k] as number, order[i] as number];
  }
  let issued = 0;
  const nextCode = (): string => `370303${String(100000 + (order[issued++] as number)).slice(1)}`;
  const streetColumns = Math.ceil(columns / STREET_SPAN);
  const placesOf = (column: number, row: number) => {
    const street = Math.floor(row / STREET_SPAN) * streetColumns + Math.floor(column / STREET_SPAN) + 1;
    const community =
      Math.floor((row % STREET_SPAN) / COMMUNITY_SPAN) * (STREET_SPAN / COMMUNITY_SPAN) +
      Math.floor((column % STREET_SPAN) / COMMUNITY_SPAN) +
      1;
    return { street: `第${street}街道`, community: `第${street}街道第${community}社区`, district: '张店区' };
  };

  interface Draft {
    code: string;
    name: string;
    community: string;
    street: string;
    district: string;
    households: number;
    polygons: LinearRing[][];
  }
  const drafts: Draft[] = [];
  const holes: { hostIndex: number; kind: HoleKind; fillIndex: number | null; ring: Position[]; centre: GeoPoint }[] = [];
  for (let cell = 0; cell < cells; cell += 1) {
    const column = cell % columns;
    const row = Math.floor(cell / columns);
    const places = placesOf(column, row);
    const outer = cellRing(column, row, cornerAt, toPosition, between);
    const code = nextCode();
    drafts.push({
      code,
      name: `${places.community}网格${cell}`,
      ...places,
      households: 300 + Math.floor(random() * 101),
      polygons: [[outer]],
    });

    const kind = holeKindOf(cell);
    if (kind === null) continue;
    const [cx, cy] = (
      [
        [column, row],
        [column + 1, row],
        [column + 1, row + 1],
        [column, row + 1],
      ] as const
    )
      .map(([i, j]) => cornerAt(i, j))
      .reduce(([sx, sy], [x, y]) => [sx + x / 4, sy + y / 4], [0, 0]);
    const ring: Position[] = [];
    for (let v = 0; v < HOLE_VERTICES; v += 1) {
      const angle = (2 * Math.PI * v) / HOLE_VERTICES;
      const radius = HOLE_RADIUS * cellMeters * (0.9 + 0.2 * random());
      ring.push(toPosition(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)));
    }
    ring.push(ring[0] as Position);
    const hostIndex = drafts.length - 1;
    const [longitude, latitude] = toPosition(cx, cy);
    holes.push({
      hostIndex,
      kind: kind === 'enclave' && lastEnclaveIsLake && isLastEnclave(cell, cells) ? 'lake' : kind,
      fillIndex: null,
      ring,
      centre: { longitude, latitude },
    });
  }

  for (const hole of holes) {
    const host = drafts[hole.hostIndex] as Draft;
    (host.polygons[0] as LinearRing[]).push([...hole.ring].reverse());
    if (hole.kind === 'enclave') {
      const code = nextCode();
      drafts.push({
        ...host,
        code,
        name: `${host.community}飞地${drafts.length}`,
        households: 300 + Math.floor(random() * 101),
        polygons: [[hole.ring]],
      });
      hole.fillIndex = drafts.length - 1;
    } else if (hole.kind === 'exclave') {
      // The neighbour to the west (or east at the city's west edge) owns the hole: a MultiPolygon.
      const neighbour = hole.hostIndex % columns === 0 ? hole.hostIndex + 1 : hole.hostIndex - 1;
      const owner = drafts[Math.min(neighbour, cells - 1)] as Draft;
      owner.polygons.push([hole.ring]);
      hole.fillIndex = drafts.indexOf(owner);
    }
  }

  const grids: GridShape[] = drafts.map((d) => ({ ...d, polygons: d.polygons, bbox: boundingBox(d.polygons) as BBox }));
  const bbox = grids.reduce<BBox>(
    (acc, g) => [Math.min(acc[0], g.bbox[0]), Math.min(acc[1], g.bbox[1]), Math.max(acc[2], g.bbox[2]), Math.max(acc[3], g.bbox[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  return {
    grids,
    bbox,
    holes: holes.map((h) => ({
      host: (drafts[h.hostIndex] as Draft).code,
      kind: h.kind,
      filledBy: h.fillIndex === null ? null : (drafts[h.fillIndex] as Draft).code,
      ring: h.ring,
      centre: h.centre,
    })),
  };
}

function isLastEnclave(cell: number, cells: number): boolean {
  for (let later = cell + 1; later < cells; later += 1) if (holeKindOf(later) === 'enclave') return false;
  return true;
}

/**
 * Report points as a city produces them: 88 % from homes — a grid picked by its households times
 * the density of a few residential clusters, then a uniform point in its box — 8 % anywhere in the
 * city, 4 % in a 400 m band around it (near-miss and triage cases).
 */
export function populationPoints(city: City, n: number, seed: number): GeoPoint[] {
  const random = seededRandom(seed);
  const [minLng, minLat, maxLng, maxLat] = city.bbox;
  const clusters = Array.from({ length: 24 }, () => ({
    longitude: minLng + random() * (maxLng - minLng),
    latitude: minLat + random() * (maxLat - minLat),
    weight: 0.5 + random(),
    sigma: (0.1 + 0.3 * random()) * Math.max(maxLng - minLng, maxLat - minLat),
  }));
  const cumulative: number[] = [];
  let sum = 0;
  for (const g of city.grids) {
    const x = (g.bbox[0] + g.bbox[2]) / 2;
    const y = (g.bbox[1] + g.bbox[3]) / 2;
    const density = clusters.reduce(
      (d, c) => d + c.weight * Math.exp(-((x - c.longitude) ** 2 + (y - c.latitude) ** 2) / (2 * c.sigma ** 2)),
      0.05,
    );
    sum += (g.households ?? 350) * density;
    cumulative.push(sum);
  }
  const pick = (): GridShape => {
    const target = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return city.grids[lo] as GridShape;
  };
  const band = 400 / METERS_PER_DEGREE;
  const bandLng = 400 / metersPerDegreeLongitude((minLat + maxLat) / 2);
  const points: GeoPoint[] = [];
  while (points.length < n) {
    const u = random();
    if (u < 0.88) {
      const [x0, y0, x1, y1] = pick().bbox;
      points.push({ longitude: x0 + random() * (x1 - x0), latitude: y0 + random() * (y1 - y0) });
    } else if (u < 0.96) {
      points.push({ longitude: minLng + random() * (maxLng - minLng), latitude: minLat + random() * (maxLat - minLat) });
    } else {
      // A point in the band: outside the city's box, at most 400 m from it.
      const side = Math.floor(random() * 4);
      const along = random();
      const out = random();
      const longitude =
        side === 0
          ? minLng - out * bandLng
          : side === 1
            ? maxLng + out * bandLng
            : minLng - bandLng + along * (maxLng - minLng + 2 * bandLng);
      const latitude =
        side === 2 ? minLat - out * band : side === 3 ? maxLat + out * band : minLat - band + along * (maxLat - minLat + 2 * band);
      points.push({ longitude, latitude });
    }
  }
  return points;
}

/** Points exactly on a segment a–b, when binary arithmetic allows it (t = k / 2^m landing on a double). */
function exactPointsOn(a: Position, b: Position, found: GeoPoint[]): void {
  for (const t of [0.5, 0.25, 0.75, 0.125, 0.875]) {
    const x = a[0] + (b[0] - a[0]) * t;
    const y = a[1] + (b[1] - a[1]) * t;
    // Exact when the step back reproduces the segment's own difference (all these operations are exact then).
    if ((x - a[0]) / t === b[0] - a[0] && (y - a[1]) / t === b[1] - a[1] && orientation(a[0], a[1], b[0], b[1], x, y) === 0) {
      found.push({ longitude: x, latitude: y });
    }
  }
}

/** A hair off the segment's midpoint, on one side or the other: the side test must not round. */
function nearPointsOf(a: Position, b: Position, random: () => number): GeoPoint[] {
  const t = 0.1 + 0.8 * random();
  const x = a[0] + (b[0] - a[0]) * t;
  const y = a[1] + (b[1] - a[1]) * t;
  return [
    { longitude: x, latitude: y },
    { longitude: x, latitude: y + 2 ** -45 },
    { longitude: x - 2 ** -44, latitude: y },
  ];
}

/**
 * Points where routing is easiest to get wrong: on shared vertices, exactly on shared edges (and
 * hole borders), a few ulps off them, on a vertex's own longitude or latitude (box edges), in
 * holes (enclave, exclave, lake) and between a MultiPolygon's parts. About `n` of them.
 */
export function borderPoints(city: City, n: number, seed: number): GeoPoint[] {
  const random = seededRandom(seed);
  const out: GeoPoint[] = [];
  const perGrid = Math.max(1, Math.ceil(n / (4 * city.grids.length)));
  for (const grid of city.grids) {
    for (const polygon of grid.polygons) {
      for (const ring of polygon) {
        for (let k = 0; k < perGrid; k += 1) {
          const i = Math.floor(random() * (ring.length - 1));
          const a = ring[i] as Position;
          const b = ring[i + 1] as Position;
          out.push({ longitude: a[0], latitude: a[1] });
          exactPointsOn(a, b, out);
          out.push(...nearPointsOf(a, b, random));
          out.push({ longitude: a[0], latitude: a[1] + (b[1] - a[1]) * random() });
        }
      }
    }
  }
  for (const hole of city.holes) {
    out.push(hole.centre);
    for (let k = 0; k < 4; k += 1) {
      const v = hole.ring[Math.floor(random() * (hole.ring.length - 1))] as Position;
      out.push({
        longitude: hole.centre.longitude + (v[0] - hole.centre.longitude) * random(),
        latitude: hole.centre.latitude + (v[1] - hole.centre.latitude) * random(),
      });
    }
  }
  return out;
}

/** Vertex counts of a grid: distinct boundary positions over all rings (a closing repeat not counted). */
export function vertexCount(grid: GridShape): number {
  return grid.polygons.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + Math.max(0, ring.length - 1), 0), 0);
}
