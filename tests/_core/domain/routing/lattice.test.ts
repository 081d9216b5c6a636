// Property check at city scale: on a lattice of 2,000 grids with gaps, 10,000 seeded random points
// route exactly as a brute-force scan of every grid says they should (the scan lives only here).
import {
  NEAREST_GRID_MAX_METERS,
  buildGridIndex,
  distanceToBoundaryMeters,
  pointInMultiPolygon,
  route,
  type GeoPoint,
  type GridShape,
  type RouteResult,
} from '../../../../cloudfunctions/_core/domain/routing';
import { randomPointIn, seededRandom, zhangdianLattice } from './fixtures';

const METERS_PER_DEGREE_UPPER_BOUND = 111_200;

function inBox(point: GeoPoint, bbox: GridShape['bbox'], marginDegrees = 0): boolean {
  return (
    point.longitude >= bbox[0] - marginDegrees &&
    point.longitude <= bbox[2] + marginDegrees &&
    point.latitude >= bbox[1] - marginDegrees &&
    point.latitude <= bbox[3] + marginDegrees
  );
}

/** What the rules say, by looking at every grid. */
function bruteForce(grids: readonly GridShape[], point: GeoPoint): RouteResult {
  const holders = grids
    .filter((g) => inBox(point, g.bbox) && pointInMultiPolygon(point, g.polygons))
    .map((g) => g.code)
    .sort();
  if (holders.length > 0) return { kind: 'grid', gridCode: holders[0] as string, how: 'inside' };
  // 200 m is under 0.0025° in any direction at this latitude; grids beyond that box cannot count.
  const margin = (2 * NEAREST_GRID_MAX_METERS) / METERS_PER_DEGREE_UPPER_BOUND / Math.cos((36.9 * Math.PI) / 180);
  let best: { code: string; meters: number } | null = null;
  for (const g of grids) {
    if (!inBox(point, g.bbox, margin)) continue;
    const meters = distanceToBoundaryMeters(point, g.polygons);
    if (meters <= NEAREST_GRID_MAX_METERS && (best === null || meters < best.meters || (meters === best.meters && g.code < best.code))) {
      best = { code: g.code, meters };
    }
  }
  return best === null ? { kind: 'triage' } : { kind: 'grid', gridCode: best.code, how: 'nearest', distanceMeters: best.meters };
}

/** The hint on a triage answer is checked in grid-index.test.ts; here only the kind matters. */
const withoutHint = (result: RouteResult): RouteResult => (result.kind === 'triage' ? { kind: 'triage' } : result);

describe('routing a random lattice of 2,000 grids', () => {
  const lattice = zhangdianLattice({ count: 2000, seed: 42 });
  const random = seededRandom(2026);
  // Drop about one grid in twelve, so that points also fall in gaps inside the city.
  const grids = lattice.grids.filter(() => random() >= 1 / 12);
  const index = buildGridIndex(grids);

  it('agrees with a brute-force scan on 10,000 random points', () => {
    const tally = { inside: 0, nearest: 0, triage: 0 };
    const mismatches: unknown[] = [];
    for (let k = 0; k < 10_000; k += 1) {
      const point = randomPointIn(lattice.bbox, random, 300);
      const expected = bruteForce(grids, point);
      const actual = withoutHint(route(index, point));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ point, expected, actual });
      tally[actual.kind === 'grid' ? actual.how : 'triage'] += 1;
    }
    expect(mismatches).toEqual([]);
    // The run exercised every branch.
    expect(tally.inside).toBeGreaterThan(7000);
    expect(tally.nearest).toBeGreaterThan(100);
    expect(tally.triage).toBeGreaterThan(100);
  });

  it('puts every shared vertex in exactly one grid: the lowest code among those meeting there', () => {
    const vertices = new Map<string, GeoPoint>();
    for (const g of grids)
      for (const [longitude, latitude] of g.polygons[0]?.[0] ?? []) vertices.set(`${longitude},${latitude}`, { longitude, latitude });
    // Every fourth vertex: corners where up to four grids meet, and the bends along shared edges.
    const sample = [...vertices.values()].filter((_, i) => i % 4 === 0);
    let shared = 0;
    const mismatches: unknown[] = [];
    for (const vertex of sample) {
      const holders = grids
        .filter((g) => inBox(vertex, g.bbox) && pointInMultiPolygon(vertex, g.polygons))
        .map((g) => g.code)
        .sort();
      if (holders.length > 1) shared += 1;
      const actual = route(index, vertex);
      if (holders.length === 0 || actual.kind !== 'grid' || actual.how !== 'inside' || actual.gridCode !== holders[0]) {
        mismatches.push({ vertex, holders, actual });
      }
    }
    expect(mismatches).toEqual([]);
    expect(shared).toBeGreaterThan(2000);
  });
});

describe('routing an exact square lattice', () => {
  const lattice = zhangdianLattice({ count: 2000, seed: 5, jitter: 0 });
  const index = buildGridIndex(lattice.grids);
  const random = seededRandom(99);

  /** Index of the line interval holding the value, or -1; independent of any polygon code. */
  const interval = (lines: readonly number[], value: number): number =>
    lines.findIndex((line, i) => i + 1 < lines.length && value > line && value < (lines[i + 1] as number));

  it('routes each point to the cell its row and column say, with no polygon test in the oracle', () => {
    let checked = 0;
    const mismatches: unknown[] = [];
    for (let k = 0; k < 10_000; k += 1) {
      const point = randomPointIn(lattice.bbox, random);
      const column = interval(lattice.columnLines, point.longitude);
      const row = interval(lattice.rowLines, point.latitude);
      const code = lattice.codeAt(column, row);
      if (column < 0 || row < 0 || code === undefined) continue;
      const actual = route(index, point);
      if (actual.kind !== 'grid' || actual.how !== 'inside' || actual.gridCode !== code) mismatches.push({ point, code, actual });
      checked += 1;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(9000);
  });

  it('sends points on the lattice lines to the lowest code among the cells touching them', () => {
    for (let k = 0; k < 2000; k += 1) {
      const column = 1 + Math.floor(random() * (lattice.columns - 2));
      const row = 1 + Math.floor(random() * (lattice.rows - 3));
      const onVertical = {
        longitude: lattice.columnLines[column] as number,
        latitude: (lattice.rowLines[row] as number) * 0.5 + (lattice.rowLines[row + 1] as number) * 0.5,
      };
      const verticalCodes = [lattice.codeAt(column - 1, row), lattice.codeAt(column, row)]
        .filter((c): c is string => c !== undefined)
        .sort();
      expect(route(index, onVertical)).toEqual({ kind: 'grid', gridCode: verticalCodes[0], how: 'inside' });
      const corner = { longitude: lattice.columnLines[column] as number, latitude: lattice.rowLines[row] as number };
      const cornerCodes = [
        lattice.codeAt(column - 1, row - 1),
        lattice.codeAt(column, row - 1),
        lattice.codeAt(column - 1, row),
        lattice.codeAt(column, row),
      ]
        .filter((c): c is string => c !== undefined)
        .sort();
      expect(route(index, corner)).toEqual({ kind: 'grid', gridCode: cornerCodes[0], how: 'inside' });
    }
  });
});

describe('zhangdianLattice', () => {
  it('is deterministic, realistic in size, and names its places', () => {
    const a = zhangdianLattice({ count: 50 });
    expect(zhangdianLattice({ count: 50 })).toEqual(expect.objectContaining({ grids: a.grids }));
    expect(new Set(a.grids.map((g) => g.code)).size).toBe(50);
    for (const g of a.grids) {
      expect(g.households).toBeGreaterThanOrEqual(300);
      expect(g.households).toBeLessThanOrEqual(400);
      expect(g.district).toBe('张店区');
      expect(g.community).toMatch(/社区$/);
      expect(g.street).toMatch(/(街道|镇)$/);
      const widthMeters = (g.bbox[2] - g.bbox[0]) * 111_195 * Math.cos((36.81 * Math.PI) / 180);
      expect(widthMeters).toBeGreaterThan(180);
      expect(widthMeters).toBeLessThan(340);
    }
    const centre = { longitude: (a.bbox[0] + a.bbox[2]) / 2, latitude: (a.bbox[1] + a.bbox[3]) / 2 };
    expect(centre.longitude).toBeCloseTo(118.05, 2);
    expect(centre.latitude).toBeCloseTo(36.81, 2);
  });

  it('keeps community names unique across a large city', () => {
    // 6,000 grids ≈ 670 communities: more than the name stems and their first round of suffixes.
    const { grids } = zhangdianLattice({ count: 6000, edgeVertices: 0 });
    const streetOf = new Map<string, string | null>();
    for (const g of grids) {
      const seen = streetOf.get(g.community as string);
      if (seen === undefined) streetOf.set(g.community as string, g.street);
      else expect(seen).toBe(g.street);
    }
    expect(streetOf.size).toBeGreaterThan(600);
  });
});
