// The side-of-edge predicate must be exact, or two grids sharing an edge can disagree about a
// point next to it (and a point could fall into neither or both).
import { orientation } from '../../../../cloudfunctions/_core/domain/routing';

describe('orientation', () => {
  it.each([
    ['left of a→b', [0, 0, 1, 0, 0.5, 1], 1],
    ['right of a→b', [0, 0, 1, 0, 0.5, -1], -1],
    ['on the line', [0, 0, 2, 2, 1, 1], 0],
    ['beyond the segment, still collinear', [118, 36, 118.5, 36.5, 119.25, 37.25], 0],
    ['identical points', [118.05, 36.81, 118.05, 36.81, 118.05, 36.81], 0],
  ])('%s', (_name, [ax, ay, bx, by, px, py], sign) => {
    expect(Math.sign(orientation(ax as number, ay as number, bx as number, by as number, px as number, py as number))).toBe(sign);
  });

  it('is exact next to a line where plain floating point gets the sign wrong', () => {
    // p = (0.5 + i·2⁻⁵³, 0.5 + j·2⁻⁵³) against the line through (12, 12) and (24, 24): the true
    // sign is sign(j − i); the naive determinant is wrong on a large share of this tiny patch.
    const ulp = 2 ** -53;
    let naiveWrong = 0;
    for (let i = 0; i < 64; i += 1) {
      for (let j = 0; j < 64; j += 1) {
        const px = 0.5 + i * ulp;
        const py = 0.5 + j * ulp;
        const expected = Math.sign(j - i);
        expect(Math.sign(orientation(12, 12, 24, 24, px, py))).toBe(expected);
        if (Math.sign((24 - 12) * (py - 12) - (24 - 12) * (px - 12)) !== expected) naiveWrong += 1;
      }
    }
    expect(naiveWrong).toBeGreaterThan(0);
  });

  it('reverses sign exactly when the edge is walked the other way', () => {
    const ax = 118.0512345;
    const ay = 36.8123456;
    const bx = 118.0598765;
    const by = 36.8187654;
    for (let k = 0; k <= 100; k += 1) {
      const t = k / 100;
      const px = ax + t * (bx - ax);
      const py = ay + t * (by - ay);
      expect(Math.sign(orientation(ax, ay, bx, by, px, py)) + Math.sign(orientation(bx, by, ax, ay, px, py))).toBe(0);
    }
  });
});
