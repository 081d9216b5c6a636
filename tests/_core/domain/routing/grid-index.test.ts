// Routing rules: the containing grid; on a shared border or an overlap the lowest code; outside
// every grid the nearest within 200 m (ties → lowest code); else triage — always exactly one answer.
import {
  NEAREST_GRID_MAX_METERS,
  buildGridIndex,
  compareGridCodes,
  orientation,
  pointInMultiPolygon,
  route,
  type GeoPoint,
  type GridShape,
  type RouteResult,
} from '../../../../cloudfunctions/_core/domain/routing';
import { seededRandom } from './fixtures';
import { at, grid, offset, rect, ring } from './shapes';

// Cells in units of 1/256° (≈ 350 m east–west, 430 m north–south here) from (118, 36.75):
// every corner is exact in binary, so "on the edge" really is on it.
const U = 1 / 256;
const X0 = 118;
const Y0 = 36.75;
const p = (x: number, y: number): GeoPoint => at(X0 + x * U, Y0 + y * U);
const box = (code: string, x1: number, y1: number, x2: number, y2: number): GridShape =>
  grid(code, [[rect(X0 + x1 * U, Y0 + y1 * U, X0 + x2 * U, Y0 + y2 * U)]]);
const poly = (code: string, ...xy: [number, number][]): GridShape =>
  grid(code, [[ring(...xy.map(([x, y]): [number, number] => [X0 + x * U, Y0 + y * U]))]]);

const inside = (gridCode: string): RouteResult => ({ kind: 'grid', gridCode, how: 'inside' });

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Routes with the grids given in several orders, and checks the answer never depends on it. */
function routeAll(grids: readonly GridShape[], point: GeoPoint): RouteResult {
  const answers = [grids, [...grids].reverse(), shuffled(grids, 7)].map((order) => route(buildGridIndex(order), point));
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  return answers[0] as RouteResult;
}

describe('route: inside a grid', () => {
  const sideBySide = [box('G-02', 0, 0, 1, 1), box('G-01', 1, 0, 2, 1)];
  const block = [box('B-C', 0, 0, 1, 1), box('B-A', 1, 0, 2, 1), box('B-D', 0, 1, 1, 2), box('B-B', 1, 1, 2, 2)];
  const diagonal = [poly('T-2', [0, 0], [3, 1], [0, 1]), poly('T-1', [0, 0], [3, 0], [3, 1])];
  const overlap = [box('O-2', 0, 0, 2, 2), box('O-1', 1, 1, 3, 3)];
  const holeFilled = [
    grid('H-9', [[rect(X0, Y0, X0 + 4 * U, Y0 + 4 * U), rect(X0 + U, Y0 + U, X0 + 3 * U, Y0 + 3 * U)]]),
    box('H-5', 1, 1, 3, 3),
  ];
  const multi = [grid('M-1', [[rect(X0, Y0, X0 + U, Y0 + U)], [rect(X0 + 3 * U, Y0, X0 + 4 * U, Y0 + U)]]), box('M-2', 1.5, 0, 2.5, 1)];
  const numeric = [box('G9', 0, 0, 1, 1), box('G10', 1, 0, 2, 1)];

  it.each([
    ['left cell', sideBySide, p(0.5, 0.5), 'G-02'],
    ['right cell', sideBySide, p(1.5, 0.5), 'G-01'],
    ['on the shared vertical edge → lowest code', sideBySide, p(1, 0.5), 'G-01'],
    ['on a shared end vertex → lowest code', sideBySide, p(1, 1), 'G-01'],
    ['2×2 block: on the vertex all four share → lowest code', block, p(1, 1), 'B-A'],
    ['2×2 block: on the horizontal edge B-C / B-D share', block, p(0.5, 1), 'B-C'],
    ['2×2 block: on the vertical edge B-D / B-B share', block, p(1, 1.5), 'B-B'],
    ['2×2 block: inside B-D', block, p(0.5, 1.5), 'B-D'],
    ['diagonal edge: on it → lowest code', diagonal, p(1.5, 0.5), 'T-1'],
    ['diagonal edge: just above it', diagonal, at(X0 + 1.5 * U, Y0 + 0.5 * U + 2 ** -44), 'T-2'],
    ['diagonal edge: just below it', diagonal, at(X0 + 1.5 * U, Y0 + 0.5 * U - 2 ** -44), 'T-1'],
    ['overlap: in both → lowest code', overlap, p(1.5, 1.5), 'O-1'],
    ['overlap: only in O-2', overlap, p(0.5, 0.5), 'O-2'],
    ['overlap: only in O-1', overlap, p(2.5, 2.5), 'O-1'],
    ['hole: in the hole → the grid filling it', holeFilled, p(2, 2), 'H-5'],
    ['hole: around the hole → the holed grid', holeFilled, p(0.5, 3.5), 'H-9'],
    ['hole: on the hole edge → both hold it → lowest code', holeFilled, p(1, 2), 'H-5'],
    ['MultiPolygon: first part', multi, p(0.5, 0.5), 'M-1'],
    ['MultiPolygon: second part', multi, p(3.5, 0.5), 'M-1'],
    ['MultiPolygon: the grid between the parts', multi, p(2, 0.5), 'M-2'],
    ['codes compare as plain strings: "G10" < "G9"', numeric, p(1, 0.5), 'G10'],
  ])('%s', (_name, grids, point, code) => {
    expect(routeAll(grids, point)).toEqual(inside(code));
  });

  it('puts every point along a sloping shared edge in one grid or on the edge, never in neither', () => {
    // Surveyed-looking corners (not exact in binary); the two grids walk the edge in opposite directions.
    const a: [number, number] = [118.0512345, 36.8123456];
    const b: [number, number] = [118.0598765, 36.8187654];
    const upper = grid('S-2', [[ring(a, b, [a[0], b[1]])]]);
    const lower = grid('S-1', [[ring(a, [b[0], a[1]], b)]]);
    const index = buildGridIndex([upper, lower]);
    const random = seededRandom(11);
    const sides = { above: 0, on: 0, below: 0 };
    const mismatches: unknown[] = [];
    for (let k = 0; k < 5000; k += 1) {
      // Rounded to doubles, these land on, just above or just below the exact edge.
      const t = random();
      const point = at(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]));
      const holders = [upper, lower].filter((g) => pointInMultiPolygon(point, g.polygons)).map((g) => g.code);
      const turn = Math.sign(orientation(a[0], a[1], b[0], b[1], point.longitude, point.latitude));
      const expectedHolders = turn === 0 ? ['S-2', 'S-1'] : turn > 0 ? ['S-2'] : ['S-1'];
      const actual = route(index, point);
      if (
        JSON.stringify(holders) !== JSON.stringify(expectedHolders) ||
        JSON.stringify(actual) !== JSON.stringify(inside(turn > 0 ? 'S-2' : 'S-1'))
      ) {
        mismatches.push({ point, holders, turn, actual });
      }
      sides[turn > 0 ? 'above' : turn < 0 ? 'below' : 'on'] += 1;
    }
    expect(mismatches).toEqual([]);
    // Rounding scatters the points to both sides of the edge: each side is exercised.
    expect(sides.above).toBeGreaterThan(500);
    expect(sides.below).toBeGreaterThan(500);
  });
  it('stays exact where plain floating point is known to fail (points a few ulps from a shared edge)', () => {
    // The shared edge runs (0, 0)–(24, 24); K-1 walks it from one end, K-2 from the other. Points
    // (0.5 + i·2⁻⁵³, 0.5 + j·2⁻⁵³) lie above it when j > i, on it when j = i, below when j < i.
    // Not places in China: this is the textbook trap for the side-of-edge test, nothing more.
    const below = grid('K-1', [[ring([0, 0], [24, 0], [24, 24])]]);
    const above = grid('K-2', [[ring([0, 0], [24, 24], [0, 24])]]);
    const index = buildGridIndex([below, above]);
    const ulp = 2 ** -53;
    const mismatches: unknown[] = [];
    for (let i = 0; i < 48; i += 1) {
      for (let j = 0; j < 48; j += 1) {
        const actual = route(index, at(0.5 + i * ulp, 0.5 + j * ulp));
        const expected = inside(j > i ? 'K-2' : 'K-1');
        if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ i, j, actual });
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('route: outside every grid', () => {
  const centre = at(118.05, 36.81);
  const sw = offset(centre, -150, -150);
  const ne = offset(centre, 150, 150);
  const lone = grid('L-1', [[rect(sw.longitude, sw.latitude, ne.longitude, ne.latitude)]]);
  const east = (meters: number) => offset(centre, 150 + meters, 0);

  it.each([
    ['10 m away', 10],
    ['150 m away', 150],
    ['199 m away', 199],
  ])('%s → the nearest grid', (_name, meters) => {
    const result = routeAll([lone], east(meters));
    expect(result).toMatchObject({ kind: 'grid', gridCode: 'L-1', how: 'nearest' });
    expect(result.kind === 'grid' && result.how === 'nearest' ? result.distanceMeters : NaN).toBeCloseTo(meters, 3);
  });

  it.each([
    ['201 m away', 201],
    ['1 km away', 1000],
  ])('%s → triage, naming the nearest grid as a hint for the queue', (_name, meters) => {
    const result = routeAll([lone], east(meters));
    expect(result).toMatchObject({ kind: 'triage', nearest: { gridCode: 'L-1' } });
    expect(result.kind === 'triage' ? result.nearest?.distanceMeters : NaN).toBeCloseTo(meters, 3);
  });

  it('far from everything → triage without a hint', () => {
    expect(routeAll([lone], east(2500))).toEqual({ kind: 'triage' });
  });

  it(`counts the limit (${NEAREST_GRID_MAX_METERS} m) itself as near`, () => {
    expect(route(buildGridIndex([lone]), east(NEAREST_GRID_MAX_METERS - 1e-6))).toMatchObject({ kind: 'grid', how: 'nearest' });
  });

  it('picks the closer grid, not the lower code', () => {
    const grids = [box('N-1', 0, 0, 1, 1), box('N-2', 2, 0, 3, 1)];
    const between = offset(p(2, 0.5), -50, 0);
    expect(routeAll(grids, between)).toMatchObject({ kind: 'grid', gridCode: 'N-2', how: 'nearest' });
  });

  it.each([
    ['west grid has the lower code', 'E-1', 'E-2'],
    ['east grid has the lower code', 'E-2', 'E-1'],
  ])('an exact tie in distance → lowest code (%s)', (_name, westCode, eastCode) => {
    // Edges at ±1/4 unit around the point: the two distances are computed from identical numbers.
    const grids = [box(westCode, -1, 0, -0.25, 1), box(eastCode, 0.25, 0, 1, 1)];
    expect(routeAll(grids, p(0, 0.5))).toMatchObject({ kind: 'grid', gridCode: 'E-1', how: 'nearest' });
  });

  it('a point in an unfilled hole is outside that grid; near its edge it comes back as nearest', () => {
    // An 8 × 8 unit grid with a 6 × 6 hole (about 2 km across).
    const holed = grid('R-1', [[rect(X0, Y0, X0 + 8 * U, Y0 + 8 * U), rect(X0 + U, Y0 + U, X0 + 7 * U, Y0 + 7 * U)]]);
    expect(routeAll([holed], p(4, 4))).toMatchObject({ kind: 'triage', nearest: { gridCode: 'R-1' } });
    expect(routeAll([holed], offset(p(1, 4), 100, 0))).toMatchObject({ kind: 'grid', gridCode: 'R-1', how: 'nearest' });
  });

  it('a point between MultiPolygon parts goes to the nearest part’s grid', () => {
    const grids = [grid('M-1', [[rect(X0, Y0, X0 + U, Y0 + U)], [rect(X0 + 3 * U, Y0, X0 + 4 * U, Y0 + U)]]), box('M-2', 1.5, 0, 2.5, 1)];
    expect(routeAll(grids, p(1.2, 0.5))).toMatchObject({ kind: 'grid', gridCode: 'M-1', how: 'nearest' });
    expect(routeAll(grids, p(2.7, 0.5))).toMatchObject({ kind: 'grid', gridCode: 'M-2', how: 'nearest' });
  });
});

describe('route: degenerate input', () => {
  it('an index without grids sends everything to triage', () => {
    expect(route(buildGridIndex([]), at(118.05, 36.81))).toEqual({ kind: 'triage' });
  });

  it('skips grids without coordinates', () => {
    const index = buildGridIndex([grid('EMPTY', []), box('G-1', 0, 0, 1, 1)]);
    expect(index.codes.size).toBe(1);
    expect(index.codes.get(0)).toBe('G-1');
    expect(route(index, p(0.5, 0.5))).toEqual(inside('G-1'));
  });

  it.each([
    ['NaN latitude', at(118.05, Number.NaN)],
    ['infinite longitude', at(Number.POSITIVE_INFINITY, 36.81)],
    ['a pole', at(118.05, 90)],
  ])('%s → triage', (_name, point) => {
    expect(route(buildGridIndex([box('G-1', 0, 0, 1, 1)]), point)).toEqual({ kind: 'triage' });
  });

  it('duplicate codes still give one answer', () => {
    expect(route(buildGridIndex([box('D', 0, 0, 1, 1), box('D', 0.5, 0, 1.5, 1)]), p(0.75, 0.5))).toEqual(inside('D'));
  });
});

describe('compareGridCodes', () => {
  it('orders by UTF-16 code units, with no locale or numeric collation', () => {
    expect(['G9', 'g1', 'G10', 'G1', '网格1', 'G01'].sort(compareGridCodes)).toEqual(['G01', 'G1', 'G10', 'G9', 'g1', '网格1']);
  });
});
