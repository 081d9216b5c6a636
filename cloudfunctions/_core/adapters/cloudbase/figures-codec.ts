// How a rollup stores its tallies: each Tally as one string — its counters in COUNTER_NAMES order,
// then its two minute histograms as sorted `minutes:count` pairs:
//
//   "12,10,0,5,1,0,4,3,2,1,0,4|3:2,15:1|60:3"
//
// A district's month holds a tally per grid and per handler: as nested objects that is hundreds of
// thousands of values the SDK walks one by one on every read (its EJSON parse and field
// formatting), where one string per tally is a single value. Rollups stored before this format
// (a tally as an object) still read.
import { COUNTER_NAMES, emptyTally, type FigureBody, type Histogram, type Tally } from '../../domain/figures';

const BREAKDOWNS = ['byCategory', 'byGrid', 'bySource', 'byDepartment', 'byStaff'] as const;

function packHistogram(histogram: Histogram): string {
  const pairs: Array<[number, number]> = [];
  for (const key in histogram) {
    const count = histogram[key] ?? 0;
    if (count !== 0) pairs.push([Number(key), count]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.map(([m, n]) => `${m}:${n}`).join(',');
}

export function packTally(tally: Tally): string {
  const counters = COUNTER_NAMES.map((name) => tally[name]).join(',');
  return `${counters}|${packHistogram(tally.acceptMinutes)}|${packHistogram(tally.resolveMinutes)}`;
}

function unpackHistogram(text: string): Histogram {
  const out: Histogram = {};
  if (text === '') return out;
  for (const pair of text.split(',')) {
    const colon = pair.indexOf(':');
    const count = Number(pair.slice(colon + 1));
    if (colon > 0 && Number.isFinite(count)) out[pair.slice(0, colon)] = count;
  }
  return out;
}

/** A stored tally: the packed string, or an object as rollups stored it before. */
export function unpackTally(raw: unknown): Tally {
  if (typeof raw === 'string') {
    const [counters = '', accept = '', resolve = ''] = raw.split('|');
    const tally = emptyTally();
    const values = counters.split(',');
    COUNTER_NAMES.forEach((name, i) => {
      const value = Number(values[i]);
      tally[name] = Number.isFinite(value) ? value : 0;
    });
    tally.acceptMinutes = unpackHistogram(accept);
    tally.resolveMinutes = unpackHistogram(resolve);
    return tally;
  }
  if (typeof raw === 'object' && raw !== null) return { ...emptyTally(), ...(raw as Partial<Tally>) };
  return emptyTally();
}

const packMap = (map: Record<string, Tally>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const key in map) {
    const tally = map[key];
    if (tally) out[key] = packTally(tally);
  }
  return out;
};

const unpackMap = (raw: unknown): Record<string, Tally> => {
  const out: Record<string, Tally> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) out[key] = unpackTally(value);
  return out;
};

/** A body as a rollup stores it: every tally packed, the staff tags as they are. */
export function packBody(body: FigureBody): Record<string, unknown> {
  const out: Record<string, unknown> = { total: packTally(body.total), staffTags: { ...body.staffTags } };
  for (const key of BREAKDOWNS) out[key] = packMap(body[key]);
  return out;
}

export function unpackBody(raw: unknown): FigureBody {
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const tags = stored.staffTags;
  return {
    total: unpackTally(stored.total),
    byCategory: unpackMap(stored.byCategory),
    byGrid: unpackMap(stored.byGrid),
    bySource: unpackMap(stored.bySource),
    byDepartment: unpackMap(stored.byDepartment),
    byStaff: unpackMap(stored.byStaff),
    staffTags: typeof tags === 'object' && tags !== null ? { ...(tags as FigureBody['staffTags']) } : {},
  };
}

/** A month's day totals as stored (packed), and back. */
export const packDays = (days: Record<string, Tally>): Record<string, string> => packMap(days);
export const unpackDays = (raw: unknown): Record<string, Tally> => unpackMap(raw);
