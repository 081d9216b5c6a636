// Containment with holes and MultiPolygons; a point on an edge or a vertex counts as inside.
import {
  locatePoint,
  pointInMultiPolygon,
  pointInPolygon,
  type MultiPolygonCoordinates,
  type PointLocation,
} from '../../../../cloudfunctions/_core/domain/routing';
import { at, rect, ring } from './shapes';

// Coordinates in units of 1/64° from (118, 36): every value below is exact in binary.
const U = 1 / 64;
const p = (x: number, y: number) => at(118 + x * U, 36 + y * U);
const box = (x1: number, y1: number, x2: number, y2: number) => rect(118 + x1 * U, 36 + y1 * U, 118 + x2 * U, 36 + y2 * U);
const poly = (...xy: [number, number][]) => ring(...xy.map(([x, y]): [number, number] => [118 + x * U, 36 + y * U]));

const square: MultiPolygonCoordinates = [[box(0, 0, 4, 4)]];
const withHole: MultiPolygonCoordinates = [[box(0, 0, 4, 4), box(1, 1, 3, 3)]];
const twoParts: MultiPolygonCoordinates = [[box(0, 0, 1, 1)], [box(3, 0, 4, 1)]];
// A comb: peaks at y = 2, valleys at y = 1, so horizontal rays run through vertices.
const comb: MultiPolygonCoordinates = [[poly([0, 0], [4, 0], [4, 2], [3, 1], [2, 2], [1, 1], [0, 2])]];
const diamond: MultiPolygonCoordinates = [[poly([0, -1], [1, 0], [0, 1], [-1, 0])]];

const cases: [string, MultiPolygonCoordinates, ReturnType<typeof p>, PointLocation][] = [
  ['square: centre', square, p(2, 2), 'inside'],
  ['square: on the bottom (horizontal) edge', square, p(2, 0), 'boundary'],
  ['square: on the top (horizontal) edge', square, p(2, 4), 'boundary'],
  ['square: on the left (vertical) edge', square, p(0, 3), 'boundary'],
  ['square: on a corner', square, p(4, 4), 'boundary'],
  ['square: on the south-west corner', square, p(0, 0), 'boundary'],
  ['square: just inside the left edge', square, at(118 + 2 ** -40, 36.03), 'inside'],
  ['square: just outside the left edge', square, at(118 - 2 ** -40, 36.03), 'outside'],
  ['square: in line with the bottom edge, west of it', square, p(-1, 0), 'outside'],
  ['square: in line with the top edge, east of it', square, p(5, 4), 'outside'],
  ['square: in line with the top edge, west of it', square, p(-1, 4), 'outside'],
  ['hole: in the hole', withHole, p(2, 2), 'outside'],
  ['hole: on the hole edge', withHole, p(1, 2), 'boundary'],
  ['hole: on a hole corner', withHole, p(3, 3), 'boundary'],
  ['hole: between outer edge and hole', withHole, p(0.5, 2), 'inside'],
  ['hole: ray through the hole, point east of it', withHole, p(3.5, 2), 'inside'],
  ['two parts: in the first', twoParts, p(0.5, 0.5), 'inside'],
  ['two parts: in the second', twoParts, p(3.5, 0.5), 'inside'],
  ['two parts: between them', twoParts, p(2, 0.5), 'outside'],
  ['two parts: on the second part edge', twoParts, p(3, 0.5), 'boundary'],
  ['comb: ray through two valleys', comb, p(0.5, 1), 'inside'],
  ['comb: on a valley vertex', comb, p(1, 1), 'boundary'],
  ['comb: on a peak', comb, p(2, 2), 'boundary'],
  ['comb: under a peak', comb, p(2, 1.5), 'inside'],
  ['comb: in a notch', comb, p(1.5, 1.75), 'outside'],
  ['comb: on a sloping edge', comb, p(1.5, 1.5), 'boundary'],
  ['comb: level with the peaks, east of them', comb, p(5, 2), 'outside'],
  ['diamond: centre, ray through the east vertex', diamond, p(0, 0), 'inside'],
  ['diamond: west of it, ray through both side vertices', diamond, p(-2, 0), 'outside'],
  ['diamond: east of it, level with the vertices', diamond, p(2, 0), 'outside'],
];

describe('locatePoint', () => {
  it.each(cases)('%s', (_name, shape, point, expected) => {
    expect(locatePoint(point, shape)).toBe(expected);
    expect(pointInMultiPolygon(point, shape)).toBe(expected !== 'outside');
  });

  it('does not depend on ring direction or on the closing position', () => {
    const clockwise = [...(square[0]?.[0] ?? [])].reverse();
    const open = (square[0]?.[0] ?? []).slice(0, -1);
    for (const [, , point, expected] of cases.filter(([name]) => name.startsWith('square'))) {
      expect(locatePoint(point, [[clockwise]])).toBe(expected);
      expect(locatePoint(point, [[open]])).toBe(expected);
    }
  });

  it('treats a polygon as a one-part MultiPolygon', () => {
    expect(pointInPolygon(p(2, 2), [box(0, 0, 4, 4), box(1, 1, 3, 3)])).toBe(false);
    expect(pointInPolygon(p(0.5, 0.5), [box(0, 0, 4, 4), box(1, 1, 3, 3)])).toBe(true);
  });

  it('never places a non-finite point inside', () => {
    expect(pointInMultiPolygon(at(Number.NaN, 36), square)).toBe(false);
    expect(pointInMultiPolygon(at(118.01, Number.POSITIVE_INFINITY), square)).toBe(false);
  });
});
