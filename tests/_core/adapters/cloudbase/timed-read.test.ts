// TimedReads: many keyed reads an instance trusts for a while — the keys not held are read in one
// batch, callers at once share it, a failed read is not kept, drop() and age make it read again.
import { TimedReads } from '../../../../cloudfunctions/_core/adapters/cloudbase/timed-read';

function counting(values: Record<string, number>) {
  const batches: string[][] = [];
  const read = (missing: string[]): Promise<Map<string, number>> => {
    batches.push(missing);
    return Promise.resolve(new Map(missing.filter((k) => k in values).map((k) => [k, values[k] as number])));
  };
  return { batches, read };
}

test('the keys not held are read in one batch, shared by callers at once; absent keys answer the default', async () => {
  let now = 0;
  const reads = new TimedReads<number>(1000, () => now);
  const { batches, read } = counting({ a: 1, b: 2 });
  const [first, second] = await Promise.all([reads.get(['a', 'b', 'x'], read, -1), reads.get(['b', 'a'], read, -1)]);
  expect([...first]).toEqual([
    ['a', 1],
    ['b', 2],
    ['x', -1],
  ]);
  expect([...second]).toEqual([
    ['b', 2],
    ['a', 1],
  ]);
  expect(batches).toEqual([['a', 'b', 'x']]);
  now = 999;
  await reads.get(['a', 'c'], read, -1);
  expect(batches).toEqual([['a', 'b', 'x'], ['c']]);
  now = 1000;
  await reads.get(['a'], read, -1);
  reads.drop();
  await reads.get(['b'], read, -1);
  expect(batches.slice(2)).toEqual([['a'], ['b']]);
});

test('a failed read is not kept: the next caller reads again', async () => {
  const reads = new TimedReads<number>(1000, () => 0);
  await expect(reads.get(['a'], () => Promise.reject(new Error('down')), -1)).rejects.toThrow('down');
  const { batches, read } = counting({ a: 1 });
  expect((await reads.get(['a'], read, -1)).get('a')).toBe(1);
  expect(batches).toEqual([['a']]);
});

test('past the most keys it may hold, it drops them all and reads what was asked', async () => {
  const reads = new TimedReads<number>(1000, () => 0, 3);
  const { batches, read } = counting({ a: 1, b: 2, c: 3, d: 4 });
  await reads.get(['a', 'b', 'c'], read, -1);
  expect((await reads.get(['a', 'd'], read, -1)).get('a')).toBe(1);
  expect(batches).toEqual([
    ['a', 'b', 'c'],
    ['a', 'd'],
  ]);
});

test('values held from another read answer without a read, and age like read ones', async () => {
  let now = 0;
  const reads = new TimedReads<number>(1000, () => now);
  const { batches, read } = counting({ a: 1, b: 2 });
  reads.hold(new Map([['a', 10]]));
  expect([...(await reads.get(['a', 'b'], read, -1))]).toEqual([
    ['a', 10],
    ['b', 2],
  ]);
  expect(batches).toEqual([['b']]);
  now = 1000;
  expect((await reads.get(['a'], read, -1)).get('a')).toBe(1);
  expect(batches).toEqual([['b'], ['a']]);
});
