// The geometry both synthetic lattices share (routing-fixtures.ts for the tests and the demo,
// city.ts for the bench): positions from metres around a centre, edges between lattice corners
// with bent vertices made once and shared by the two cells that meet there (reversed for one of
// them), and a cell's outer ring from its four corners and edges.
import { METERS_PER_DEGREE, metersPerDegreeLongitude, type GeoPoint, type Position } from '../../cloudfunctions/_core/domain/routing';

const round7 = (value: number): number => Math.round(value * 1e7) / 1e7;

/** Metres east and north of the centre → a GCJ-02 position rounded to 7 decimals. */
export function positionsAround(centre: GeoPoint): (x: number, y: number) => Position {
  const kx = metersPerDegreeLongitude(centre.latitude);
  return (x, y) => [round7(centre.longitude + x / kx), round7(centre.latitude + y / METERS_PER_DEGREE)];
}

export interface EdgeOptions {
  /** Corner (i, j) of the lattice, in metres. */
  readonly cornerAt: (i: number, j: number) => [number, number];
  readonly toPosition: (x: number, y: number) => Position;
  /** How many vertices a new edge gets (called once per edge, before its bends). */
  readonly vertices: () => number;
  /** How far (metres) each vertex of a new edge is bent off the straight line. */
  readonly bend: () => number;
}

/** Positions strictly between corners (i1, j1) → (i2, j2), in that direction; each edge is made once. */
export function edgeMaker(options: EdgeOptions): (i1: number, j1: number, i2: number, j2: number) => Position[] {
  const { cornerAt, toPosition } = options;
  const edges = new Map<string, Position[]>();
  return (i1, j1, i2, j2) => {
    const forward = i1 < i2 || j1 < j2;
    const key = forward ? `${i1},${j1},${i2},${j2}` : `${i2},${j2},${i1},${j1}`;
    let points = edges.get(key);
    if (points === undefined) {
      const [ax, ay] = forward ? cornerAt(i1, j1) : cornerAt(i2, j2);
      const [bx, by] = forward ? cornerAt(i2, j2) : cornerAt(i1, j1);
      const length = Math.hypot(bx - ax, by - ay);
      const count = options.vertices();
      points = [];
      for (let m = 1; m <= count; m += 1) {
        const t = m / (count + 1);
        const bend = options.bend();
        points.push(toPosition(ax + t * (bx - ax) - (bend * (by - ay)) / length, ay + t * (by - ay) + (bend * (bx - ax)) / length));
      }
      edges.set(key, points);
    }
    return forward ? points : [...points].reverse();
  };
}

/** The closed outer ring of cell (column, row): counter-clockwise from its south-west corner, as RFC 7946 asks. */
export function cellRing(
  column: number,
  row: number,
  cornerAt: (i: number, j: number) => [number, number],
  toPosition: (x: number, y: number) => Position,
  between: (i1: number, j1: number, i2: number, j2: number) => Position[],
): Position[] {
  const cycle: [number, number][] = [
    [column, row],
    [column + 1, row],
    [column + 1, row + 1],
    [column, row + 1],
  ];
  const ring: Position[] = [];
  cycle.forEach(([i, j], k) => {
    const [ni, nj] = cycle[(k + 1) % cycle.length] as [number, number];
    const [x, y] = cornerAt(i, j);
    ring.push(toPosition(x, y), ...between(i, j, ni, nj));
  });
  ring.push(ring[0] as Position);
  return ring;
}
