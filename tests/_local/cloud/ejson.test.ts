// The local cloud's EJSON encoder writes exactly what JSON.stringify with a replacer (the obvious
// way, and what it did before) writes, and reads back to the same values.
import { decodeEJSON, encodeEJSON } from '../../../cloudfunctions/_local/cloud/ejson';

function reference(value: unknown): string | undefined {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown): unknown {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : { $date: { $numberLong: String(raw.getTime()) } };
    if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
    if (typeof v === 'number' && !Number.isFinite(v)) return { $numberDouble: String(v) };
    return v;
  });
}

const ticketLike = {
  _id: 'd336eda8c67324bae87f58968bc9134f',
  no: '20261202-483917',
  description: '楼道里堆放杂物，"影响"通行\\n请尽快处理。\u2028\u0001',
  location: { latitude: 36.8136, longitude: 118.0405, address: null },
  createdAt: new Date('2026-12-02T07:06:25.789Z'),
  resolvedAt: null,
  version: 3,
  overdue: false,
  duty: ['grid:ZD-CZ-HG-01', 'community:城中'],
  timeline: [
    { at: new Date(0), kind: 'submit', photos: [], note: undefined, hash: 'a'.repeat(64) },
    { at: new Date(Date.UTC(2026, 11, 2)), kind: 'accept', actorName: '张燕', extra: () => 1 },
  ],
  '10': 'an integer-like key',
  nested: {
    deep: [
      [1, -0, 2.5e-7, 1e21],
      [undefined, null, new Date(NaN)],
    ],
    empty: {},
    list: [],
  },
  odd: { inf: Infinity, ninf: -Infinity, nan: NaN, re: /^a.b$/gi },
};

test('the same text as JSON.stringify with a replacer, for a ticket-like document and its parts', () => {
  expect(encodeEJSON(ticketLike)).toBe(reference(ticketLike));
  for (const part of Object.values(ticketLike)) expect(encodeEJSON(part)).toBe(reference(part));
  for (const scalar of ['', 'x"y', 0, -1.5, true, false, null, new Date(1), [], {}]) expect(encodeEJSON(scalar)).toBe(reference(scalar));
});

test("the cloud's own decoder reads it back to the same values", () => {
  const { nested: _n, odd: _o, timeline, ...plain } = ticketLike;
  const back = decodeEJSON(encodeEJSON({ ...plain, timeline }), () => new Date(0));
  expect(back).toEqual({
    ...plain,
    // JSON drops undefined and functions from objects.
    timeline: [
      { at: new Date(0), kind: 'submit', photos: [], hash: 'a'.repeat(64) },
      { at: new Date(Date.UTC(2026, 11, 2)), kind: 'accept', actorName: '张燕' },
    ],
  });
});
