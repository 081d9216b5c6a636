// The stored form of rollup tallies (adapters/cloudbase/figures-codec.ts): one string per tally,
// read back equal; rollups stored before (tallies as objects) still read.
import {
  addStoredBody,
  packBody,
  packTally,
  unpackBody,
  unpackTally,
} from '../../../../cloudfunctions/_core/adapters/cloudbase/figures-codec';
import {
  COUNTER_NAMES,
  emptyBody,
  emptyTally,
  median,
  mergeBodies,
  type FigureBody,
  type Tally,
} from '../../../../cloudfunctions/_core/domain/figures';

function tallyOf(seed: number): Tally {
  const tally = emptyTally();
  COUNTER_NAMES.forEach((name, i) => (tally[name] = (seed * 7 + i * 3) % 11));
  for (let k = 0; k < seed % 5; k++) {
    tally.acceptMinutes[String(k * 13 + seed)] = k + 1;
    tally.resolveMinutes[String(1000 - k * 97)] = 2 * k + 1;
  }
  return tally;
}

test('a tally packs into one string of counters and sorted minute pairs, and reads back equal', () => {
  const tally = emptyTally();
  tally.received = 12;
  tally.accepted = 10;
  tally.acceptMinutes = { '15': 1, '3': 2 };
  tally.resolveMinutes = { '60': 3 };
  expect(packTally(tally)).toBe('12,10,0,0,0,0,0,0,0,0,0,0|3:2,15:1|60:3');
  expect(unpackTally(packTally(tally))).toEqual(tally);
  expect(unpackTally(packTally(emptyTally()))).toEqual(emptyTally());
  for (let seed = 0; seed < 40; seed++) {
    const t = tallyOf(seed);
    const back = unpackTally(packTally(t));
    expect(back).toEqual(t);
    expect(median(back.acceptMinutes)).toBe(median(t.acceptMinutes));
  }
});

test('a body packs every tally and keeps the staff tags; unpacked it equals the body', () => {
  const body = emptyBody();
  body.total = tallyOf(3);
  body.byGrid = { '370303001': tallyOf(4), '370303002': tallyOf(9) };
  body.byCategory = { sanitation: tallyOf(1) };
  body.bySource = { resident: tallyOf(2) };
  body.byDepartment = { 'cz-sanitation': tallyOf(6) };
  body.byStaff = { 'worker-1': tallyOf(8) };
  body.staffTags = { 'worker-1': { role: 'gridWorker', name: '张燕', at: '2026-03-02T01:00:00.000Z' } };
  const stored = packBody(body);
  expect(typeof stored.total).toBe('string');
  expect(Object.values(stored.byGrid as Record<string, unknown>).every((v) => typeof v === 'string')).toBe(true);
  expect(unpackBody(JSON.parse(JSON.stringify(stored)))).toEqual(body);
});

test('rollups stored before the packed form (tallies as objects) read the same', () => {
  const body = emptyBody();
  body.total = tallyOf(5);
  body.byGrid = { '370303001': tallyOf(7) };
  expect(unpackBody(JSON.parse(JSON.stringify(body)))).toEqual(body);
  // A missing body or breakdown reads as empty, not as an error.
  expect(unpackBody(undefined)).toEqual(emptyBody());
  expect(unpackBody({ total: packTally(tallyOf(2)) })).toEqual({ ...emptyBody(), total: tallyOf(2) });
});

test('stored bodies add up straight from their packed form, old and new forms mixed, as merging them does', () => {
  const bodies: FigureBody[] = [0, 1, 2, 3].map((n) => {
    const body = emptyBody();
    body.total = tallyOf(n + 1);
    body.byGrid = { '370303001': tallyOf(n + 2), [`37030300${n + 2}`]: tallyOf(n + 5) };
    body.byStaff = { 'worker-1': tallyOf(n + 3) };
    body.staffTags = { 'worker-1': { role: 'gridWorker', name: `张${n}`, at: `2026-03-0${n + 1}T01:00:00.000Z` } };
    return body;
  });
  const sum = emptyBody();
  bodies.forEach((body, i) => addStoredBody(sum, JSON.parse(JSON.stringify(i % 2 === 0 ? packBody(body) : body))));
  expect(sum).toEqual(mergeBodies(bodies));
  expect(sum.staffTags['worker-1']?.name).toBe('张3');
});
