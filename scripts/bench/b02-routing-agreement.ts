// B2: the index must answer exactly what the naive scan answers (grid, how, distance, triage hint),
// on the population points and on points placed on shared vertices and edges (exactly, and a few
// ulps off), on box edges, and in holes. The same check is a jest test at 800 grids.
import { loadGridSnapshot, packGridSnapshot, route, type GeoPoint, type RouteResult } from '../../cloudfunctions/_core/domain/routing';
import { borderPoints } from '../../tests/_core/domain/routing/city';
import { naiveRoute } from '../../tests/_core/domain/routing/naive';
import { benchCity } from './city';
import { num } from './measure';
import type { BenchRow } from './types';

const same = (a: RouteResult, b: RouteResult): boolean => JSON.stringify(a) === JSON.stringify(b);

export const b02: BenchRow = {
  id: 'B2',
  what: 'routing agreement incl. points on shared edges, vertices, in holes',
  baseline: 'the naive scan with the border rule',
  target: '100 % identical',
  async run() {
    const { city, index, naive, points } = benchCity();
    const loaded = loadGridSnapshot(packGridSnapshot(city.grids)).index;
    const border = borderPoints(city, 40_000, 5);
    const vertices = new Set<string>();
    for (const g of city.grids)
      for (const polygon of g.polygons) for (const ring of polygon) for (const [x, y] of ring) vertices.add(`${x},${y}`);
    const tally = { inside: 0, nearest: 0, triage: 0 };
    let mismatches = 0;
    let firstMismatch: unknown = null;
    const check = (p: GeoPoint): void => {
      // boxFirst skips grids whose box cannot matter: no answer changes, the run stays short.
      const expected = naiveRoute(naive, p, { boxFirst: true });
      const actual = route(index, p);
      if (!same(actual, expected) || !same(route(loaded, p), expected)) {
        mismatches += 1;
        firstMismatch ??= { p, expected, actual };
      }
      tally[actual.kind === 'grid' ? actual.how : 'triage'] += 1;
    };
    for (const p of points) check(p);
    for (const p of border) check(p);
    const checked = points.length + border.length;
    const onVertex = border.filter((p) => vertices.has(`${p.longitude},${p.latitude}`)).length;
    const holes = city.holes.reduce((n, h) => ({ ...n, [h.kind]: (n[h.kind] ?? 0) + 1 }), {} as Record<string, number>);
    return {
      figure: `${num(checked - mismatches)} of ${num(checked)} answers identical (${num((100 * (checked - mismatches)) / checked)} %)`,
      versus: `${mismatches} differ`,
      meets: mismatches === 0,
      notes: [
        `${num(points.length)} population points + ${num(border.length)} border points (${num(onVertex)} on vertices; the rest on edges, a few ulps off them, on box edges, in holes)`,
        `answers: ${num(tally.inside)} inside, ${num(tally.nearest)} nearest, ${num(tally.triage)} triage; holes: ${Object.entries(holes)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}; ${num(city.grids.filter((g) => g.polygons.length > 1).length)} MultiPolygons`,
        'the index built from the grids and the one loaded from its snapshot both checked',
        ...(firstMismatch === null ? [] : [`first difference: ${JSON.stringify(firstMismatch)}`]),
      ],
    };
  },
};
