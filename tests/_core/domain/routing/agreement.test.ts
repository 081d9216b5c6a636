// Issue 12, B2: routing through the index answers exactly what the naive scan answers — every grid
// tried in code order with @turf/boolean-point-in-polygon (edges count as inside), then the
// distance to every edge — on a synthetic city with holes and MultiPolygons, for population
// points and for points on shared edges, vertices, hole borders and in holes. The same check runs
// at 7,000 grids in `npm run bench`.
import {
  buildGridIndex,
  loadGridSnapshot,
  packGridSnapshot,
  pointInMultiPolygon,
  route,
  type GeoPoint,
  type GridShape,
  type RouteResult,
} from '../../../../cloudfunctions/_core/domain/routing';
import { borderPoints, populationPoints, syntheticCity, vertexCount, type City } from './city';
import { naiveContaining, naiveGrids, naiveRoute } from './naive';

const city = syntheticCity({ grids: 800, seed: 3 });
const byCode = new Map(city.grids.map((g) => [g.code, g]));

describe('the synthetic city', () => {
  it('has the grids asked for, 32–56 boundary vertices each plus 30 per hole, codes unique', () => {
    expect(city.grids).toHaveLength(800);
    expect(new Set(city.grids.map((g) => g.code)).size).toBe(800);
    for (const g of city.grids) {
      const outer = (g.polygons[0]?.[0]?.length ?? 0) - 1;
      const enclave = city.holes.some((h) => h.kind === 'enclave' && h.filledBy === g.code);
      if (enclave) expect(outer).toBe(30);
      else {
        expect(outer).toBeGreaterThanOrEqual(32);
        expect(outer).toBeLessThanOrEqual(56);
      }
      expect(vertexCount(g)).toBe(g.polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length - 1, 0), 0));
    }
  });

  it('has holes of every kind, MultiPolygons, and is the same for the same seed', () => {
    const kinds = new Set(city.holes.map((h) => h.kind));
    expect([...kinds].sort()).toEqual(['enclave', 'exclave', 'lake']);
    expect(city.grids.filter((g) => g.polygons.length > 1).length).toBeGreaterThan(5);
    expect(city.grids.filter((g) => (g.polygons[0]?.length ?? 0) > 1).length).toBeGreaterThan(15);
    expect(syntheticCity({ grids: 800, seed: 3 }).grids).toEqual(city.grids);
    expect(syntheticCity({ grids: 800, seed: 4 }).grids).not.toEqual(city.grids);
  });

  it('is a tiling: neighbours share their boundary positions exactly, and holes are filled by their enclave or exclave', () => {
    const holders = new Map<string, number>();
    for (const g of city.grids) {
      const seen = new Set<string>();
      for (const polygon of g.polygons) for (const ring of polygon) for (const [x, y] of ring) seen.add(`${x},${y}`);
      for (const key of seen) holders.set(key, (holders.get(key) ?? 0) + 1);
    }
    const shared = [...holders.values()].filter((n) => n >= 2).length;
    expect(shared / holders.size).toBeGreaterThan(0.9);
    for (const hole of city.holes) {
      const host = byCode.get(hole.host) as GridShape;
      expect(pointInMultiPolygon(hole.centre, host.polygons)).toBe(false);
      const filler = hole.filledBy === null ? undefined : byCode.get(hole.filledBy);
      if (hole.kind === 'lake') expect(filler).toBeUndefined();
      else expect(pointInMultiPolygon(hole.centre, (filler as GridShape).polygons)).toBe(true);
    }
  });
});

function disagreements(c: City, points: readonly GeoPoint[]): { checked: number; tally: Record<string, number>; mismatches: unknown[] } {
  const index = buildGridIndex(c.grids);
  const loaded = loadGridSnapshot(packGridSnapshot(c.grids)).index;
  const naive = naiveGrids(c.grids);
  const tally: Record<string, number> = { inside: 0, nearest: 0, triage: 0 };
  const mismatches: unknown[] = [];
  for (const point of points) {
    const expected = naiveRoute(naive, point, { boxFirst: true });
    const actual = route(index, point);
    const fromSnapshot = route(loaded, point);
    if (!same(actual, expected) || !same(fromSnapshot, expected)) mismatches.push({ point, expected, actual, fromSnapshot });
    tally[actual.kind === 'grid' ? actual.how : 'triage'] = (tally[actual.kind === 'grid' ? actual.how : 'triage'] ?? 0) + 1;
  }
  return { checked: points.length, tally, mismatches };
}

const inBox = (p: GeoPoint, g: GridShape): boolean =>
  p.longitude >= g.bbox[0] && p.longitude <= g.bbox[2] && p.latitude >= g.bbox[1] && p.latitude <= g.bbox[3];

const same = (a: RouteResult, b: RouteResult): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('B2: index routing vs the naive turf scan', () => {
  it('agrees on 20,000 population-weighted points, distances and triage hints included', () => {
    const { tally, mismatches } = disagreements(city, populationPoints(city, 20_000, 17));
    expect(mismatches).toEqual([]);
    expect(tally.inside).toBeGreaterThan(18_000);
    expect(tally.nearest).toBeGreaterThan(50);
    expect(tally.triage).toBeGreaterThan(20);
  });

  it('agrees on points on shared vertices and edges, a few ulps off them, on box edges and in holes', () => {
    const points = borderPoints(city, 12_000, 5);
    const { tally, mismatches } = disagreements(city, points);
    expect(mismatches).toEqual([]);
    // The run really was on the borders: many points lie in two or more grids at once.
    const naive = naiveGrids(city.grids);
    const vertices = new Set<string>();
    for (const g of city.grids)
      for (const polygon of g.polygons) for (const ring of polygon) for (const [x, y] of ring) vertices.add(`${x},${y}`);
    let onShared = 0;
    let exactlyOnEdge = 0;
    for (const point of points) {
      const holding = city.grids.filter((g) => inBox(point, g) && pointInMultiPolygon(point, g.polygons));
      if (holding.length >= 2) onShared += 1;
      if (holding.length >= 2 && !vertices.has(`${point.longitude},${point.latitude}`)) exactlyOnEdge += 1;
      // turf and the exact predicate agree on who holds the point, not only on the winner.
      expect(naiveContaining(naive, point, { boxFirst: true })).toBe(holding.map((g) => g.code).sort()[0] ?? null);
    }
    expect(onShared).toBeGreaterThan(3000);
    expect(exactlyOnEdge).toBeGreaterThan(500);
    expect(tally.nearest).toBeGreaterThan(5); // lake centres come back to their host as nearest
  });

  it('sends every hole point to the grid that fills it, and a lake to the nearest grid', () => {
    const index = buildGridIndex(city.grids);
    for (const hole of city.holes) {
      const answer = route(index, hole.centre);
      if (hole.kind === 'lake') expect(answer).toMatchObject({ kind: 'grid', how: 'nearest' });
      else expect(answer).toEqual({ kind: 'grid', gridCode: hole.filledBy, how: 'inside' });
    }
  });
});
