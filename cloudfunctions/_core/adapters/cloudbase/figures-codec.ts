// How a rollup stores its tallies: each Tally as one string — its counters in COUNTER_NAMES order,
// then its two minute histograms as sorted `minutes:count` pairs:
//
//   "12,10,0,5,1,0,4,3,2,1,0,4|3:2,15:1|60:3"
//
// A district's month holds a tally per grid and per handler: as nested objects that is hundreds of
// thousands of values the SDK walks one by one on every read (its EJSON parse and field
// formatting), where one string per tally is a single value. Rollups stored before this format
// (a tally as an object) still read.
import { addTag, addTally, COUNTER_NAMES, emptyBody, emptyTally, type FigureBody, type Histogram, type Tally } from '../../domain/figures';

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

const COMMA = 44;
const COLON = 58;
const DIGIT_0 = 48;

/** Adds the `minutes:count` pairs of text[from, to) into the histogram (read digit by digit: no substrings). */
function addPairs(into: Histogram, text: string, from: number, to: number): void {
  let minutes = 0;
  let count = 0;
  let inCount = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : COMMA;
    if (c === COMMA) {
      if (inCount) into[minutes] = (into[minutes] ?? 0) + count;
      minutes = 0;
      count = 0;
      inCount = false;
    } else if (c === COLON) inCount = true;
    else if (inCount) count = count * 10 + (c - DIGIT_0);
    else minutes = minutes * 10 + (c - DIGIT_0);
  }
}

/** Adds a packed tally into `into` (the counters, then both histograms). */
function addPacked(into: Tally, text: string): void {
  const first = text.indexOf('|');
  const second = first < 0 ? -1 : text.indexOf('|', first + 1);
  let name = 0;
  let value = 0;
  const counters = first < 0 ? text.length : first;
  for (let i = 0; i <= counters; i++) {
    const c = i < counters ? text.charCodeAt(i) : COMMA;
    if (c === COMMA) {
      const key = COUNTER_NAMES[name];
      if (key !== undefined) into[key] += value;
      name += 1;
      value = 0;
    } else value = value * 10 + (c - DIGIT_0);
  }
  if (first < 0 || second < 0) return;
  addPairs(into.acceptMinutes, text, first + 1, second);
  addPairs(into.resolveMinutes, text, second + 1, text.length);
}

/** A stored tally: the packed string, or an object as rollups stored it before. */
export function unpackTally(raw: unknown): Tally {
  if (typeof raw === 'string') {
    const tally = emptyTally();
    addPacked(tally, raw);
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
  const body = emptyBody();
  addStoredBody(body, raw);
  return body;
}

const addStoredTally = (into: Tally, raw: unknown): void => {
  if (typeof raw === 'string') addPacked(into, raw);
  else if (typeof raw === 'object' && raw !== null) addTally(into, unpackTally(raw));
};

/**
 * Adds a stored body into `into` (mutating), straight from its packed tallies: a month read in
 * parts, or months into a period, without building each part's tallies first.
 */
export function addStoredBody(into: FigureBody, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  const stored = raw as Record<string, unknown>;
  addStoredTally(into.total, stored.total);
  for (const key of BREAKDOWNS) {
    const map = stored[key];
    if (typeof map !== 'object' || map === null) continue;
    const slots = into[key];
    for (const k in map as Record<string, unknown>) {
      const slot = slots[k] ?? (slots[k] = emptyTally());
      addStoredTally(slot, (map as Record<string, unknown>)[k]);
    }
  }
  const tags = stored.staffTags;
  if (typeof tags === 'object' && tags !== null) {
    for (const [openid, tag] of Object.entries(tags as FigureBody['staffTags'])) addTag(into.staffTags, openid, tag);
  }
}

/** A month's day totals as stored (packed), and back. */
export const packDays = (days: Record<string, Tally>): Record<string, string> => packMap(days);
export const unpackDays = (raw: unknown): Record<string, Tally> => unpackMap(raw);
