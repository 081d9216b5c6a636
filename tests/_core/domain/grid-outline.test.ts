// A grid's outline for a phone map (domain/grid-outline.ts): outer rings only, largest first,
// each simplified to at most a few dozen points that stay close to the surveyed line.
import { gridOutline, OUTLINE_MAX_POINTS, simplifyRing } from '../../../cloudfunctions/_core/domain/grid-outline';
import type { Position } from '../../../cloudfunctions/_core/domain/routing/types';

/** A closed ring of n points on a circle (radius r degrees) around (lng, lat), wobbling a little. */
function circle(n: number, lng = 118.04, lat = 36.81, r = 0.002): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i += 1) {
    const a = (2 * Math.PI * i) / n;
    const wobble = 1 + 0.02 * Math.sin(7 * a);
    ring.push([lng + r * wobble * Math.cos(a), lat + r * wobble * Math.sin(a)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

/** Distance (degrees) from p to the closed polyline `ring`. */
function distanceToRing(p: Position, ring: readonly Position[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % ring.length] as Position;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
    best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
  }
  return best;
}

describe('simplifyRing', () => {
  test('a small ring stays as it is, without the closing repeat', () => {
    const square: Position[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyRing(square)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
  });

  test.each([100, 1000, 5000])('a ring of %i points keeps at most the maximum, close to the original', (n) => {
    const ring = circle(n);
    const simple = simplifyRing(ring);
    expect(simple.length).toBeLessThanOrEqual(OUTLINE_MAX_POINTS);
    expect(simple.length).toBeGreaterThanOrEqual(OUTLINE_MAX_POINTS / 3);
    // Every original point lies within ~15 m (0.00015°) of the simplified outline.
    const worst = Math.max(...ring.map((p) => distanceToRing(p, simple)));
    expect(worst).toBeLessThan(0.00015);
    // Every kept point is an original one.
    for (const p of simple) expect(ring).toContainEqual(p);
  });
});

describe('gridOutline', () => {
  test('outer rings only (holes dropped), largest first, as map points', () => {
    const big = circle(200, 118.04, 36.81, 0.003);
    const hole = circle(50, 118.04, 36.81, 0.001);
    const small = circle(20, 118.05, 36.82, 0.0005);
    const outline = gridOutline([[small], [big, hole]]);
    expect(outline).toHaveLength(2);
    expect(outline[0]?.length).toBeLessThanOrEqual(OUTLINE_MAX_POINTS);
    expect(outline[1]).toHaveLength(20);
    expect(outline[1]?.[0]).toEqual({ latitude: (small[0] as Position)[1], longitude: (small[0] as Position)[0] });
  });

  test('at most four rings', () => {
    const islands = Array.from({ length: 7 }, (_, i) => [circle(10, 118 + i * 0.01, 36.8, 0.001 * (i + 1))]);
    const outline = gridOutline(islands);
    expect(outline).toHaveLength(4);
    // The four largest: radii 7, 6, 5, 4 (× 0.001°).
    expect(
      outline.map((ring) =>
        Math.round(((Math.max(...ring.map((p) => p.longitude)) - Math.min(...ring.map((p) => p.longitude))) / 2) * 1000),
      ),
    ).toEqual([7, 6, 5, 4]);
  });
});
