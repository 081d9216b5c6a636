// B3: points outside every grid but within 200 m of one (beyond the city's edge, in lakes) go to
// the nearest grid. The index reads buckets in rings around the point and stops once nothing
// unread can be closer; the baseline measures the distance to every edge of every grid.
import {
  NEAREST_GRID_MAX_METERS,
  METERS_PER_DEGREE,
  metersPerDegreeLongitude,
  route,
  type GeoPoint,
} from '../../cloudfunctions/_core/domain/routing';
import { seededRandom } from '../../tests/_core/domain/routing/fixtures';
import { naiveNearest } from '../../tests/_core/domain/routing/naive';
import { benchCity, every } from './city';
import { meanMicros, num, ratio } from './measure';
import type { BenchRow } from './types';

const TARGET_RATIO = 100;

export const b03: BenchRow = {
  id: 'B3',
  what: `nearest-grid fallback within ${NEAREST_GRID_MAX_METERS} m`,
  baseline: 'naive distance to every edge',
  target: `≥ ${TARGET_RATIO}×`,
  async run() {
    const { city, index, naive } = benchCity();
    const random = seededRandom(303);
    const [minLng, minLat, maxLng, maxLat] = city.bbox;
    const dLat = 250 / METERS_PER_DEGREE;
    const dLng = 250 / metersPerDegreeLongitude((minLat + maxLat) / 2);
    const candidates: GeoPoint[] = [];
    for (let k = 0; k < 20_000; k += 1) {
      const side = k % 4;
      const along = random();
      const out = random();
      candidates.push({
        longitude: side === 0 ? minLng - out * dLng : side === 1 ? maxLng + out * dLng : minLng + along * (maxLng - minLng),
        latitude: side === 2 ? minLat - out * dLat : side === 3 ? maxLat + out * dLat : minLat + along * (maxLat - minLat),
      });
    }
    for (const hole of city.holes) if (hole.kind === 'lake') candidates.push(hole.centre);
    const near = candidates
      .filter((p) => {
        const r = route(index, p);
        return r.kind === 'grid' && r.how === 'nearest';
      })
      .slice(0, 5000);
    const indexed = meanMicros(near, (p) => route(index, p));
    // The naive scan takes tens of ms a point: time it on every 50th, and check its answers there.
    const sample = every(near, 50);
    const answers: ({ gridCode: string; distanceMeters: number } | null)[] = [];
    const scanned = meanMicros(sample, (p) => answers.push(naiveNearest(naive, p, NEAREST_GRID_MAX_METERS)), 1, false);
    let disagree = 0;
    sample.forEach((p, i) => {
      const r = route(index, p);
      const n = answers[i];
      if (r.kind !== 'grid' || r.how !== 'nearest' || n == null || r.gridCode !== n.gridCode || r.distanceMeters !== n.distanceMeters)
        disagree += 1;
    });
    const times = scanned / indexed;
    return {
      figure: `${num(indexed)} µs a lookup`,
      versus: `naive ${num(scanned)} µs → ${ratio(times)}`,
      meets: times >= TARGET_RATIO && disagree === 0,
      notes: [
        `${num(near.length)} points outside every grid within ${NEAREST_GRID_MAX_METERS} m of one (city edge, lakes); naive timed on ${num(sample.length)}, ${disagree} answers differ`,
      ],
    };
  },
};
