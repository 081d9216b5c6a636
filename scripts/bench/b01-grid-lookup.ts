// B1: routing a report point through the index (bucket lattice + exact point-in-polygon on packed
// arrays) against the naive scan — every grid in code order through @turf/boolean-point-in-polygon,
// then the distance to every edge for points outside all grids — on the same population points.
import { route } from '../../cloudfunctions/_core/domain/routing';
import { naiveRoute } from '../synthetic/naive-routing';
import { CITY_GRIDS, CITY_POINTS, benchCity, every } from './city';
import { meanMicros, num, perCallMicros, percentile, ratio } from './measure';
import type { BenchRow } from './types';

const TARGET_RATIO = 500;
const TARGET_P50_MICROS = 3;
/** The naive scan takes milliseconds a point: time it on every 100th point (1,000 of 100,000). */
const NAIVE_STEP = 100;

export const b01: BenchRow = {
  id: 'B1',
  what: `grid lookup, ${num(CITY_POINTS)} population-weighted points, ${num(CITY_GRIDS)} grids`,
  baseline: 'naive scan with @turf/boolean-point-in-polygon',
  target: `≥ ${TARGET_RATIO}× faster, p50 ≤ ${TARGET_P50_MICROS} µs`,
  async run() {
    const { index, naive, points } = benchCity();
    const indexed = meanMicros(points, (p) => route(index, p));
    const each = perCallMicros(points, (p) => route(index, p));
    const p50 = percentile(each, 0.5);
    const p99 = percentile(each, 0.99);
    const sample = every(points, NAIVE_STEP);
    const indexedOnSample = meanMicros(sample, (p) => route(index, p), 9);
    const scanned = meanMicros(sample, (p) => naiveRoute(naive, p), 1, false);
    // The ratio compares the same 1,000 points on both sides.
    const times = scanned / indexedOnSample;
    const inside = points.filter((p) => {
      const r = route(index, p);
      return r.kind === 'grid' && r.how === 'inside';
    }).length;
    return {
      figure: `${num(indexed)} µs a lookup (p50 ${num(p50)} µs, p99 ${num(p99)} µs)`,
      versus: `naive ${num(scanned)} µs vs index ${num(indexedOnSample)} µs on every ${NAIVE_STEP}th point → ${ratio(times)}`,
      meets: times >= TARGET_RATIO && p50 <= TARGET_P50_MICROS,
      notes: [
        `${num((100 * inside) / points.length)} % of the points inside a grid; the rest take the nearest-grid / triage path`,
        `mean and percentiles over all ${num(points.length)} points; the naive scan (milliseconds a point) on ${num(sample.length)} of them`,
      ],
    };
  },
};
