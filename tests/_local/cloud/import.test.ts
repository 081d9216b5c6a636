// Bulk import (importDocuments), the local cloud's restore path for large seeded data: a document
// lands exactly as an `add` through the real SDK would leave it, duplicates are refused with
// nothing written, and the indexes already built answer for the imported documents too.
import { failure, startHarness, type Harness } from './sdk';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ collections: ['a', 'b'], enforceIndexes: false });
  h.cloud.declareIndex('a', [
    ['g', 1],
    ['k', -1],
  ]);
  h.cloud.declareIndex('b', [
    ['g', 1],
    ['k', -1],
  ]);
});
afterAll(() => h.cloud.close());
beforeEach(() => h.cloud.reset());

const sample = (id: string): Record<string, unknown> => ({
  _id: id,
  g: ['x', 'y'],
  k: `k-${id}`,
  at: new Date('2026-11-23T01:02:03.004Z'),
  missing: undefined,
  list: [1, undefined, 'two', { deep: new Date(0), gone: undefined }],
  nested: { n: 1.5, s: '中文', none: null },
});

test('an imported document is stored exactly as one added through the SDK', async () => {
  await h.db.collection('a').add({ data: sample('same') });
  expect(await h.cloud.importDocuments('b', [sample('same')])).toBe(1);
  const stored = h.cloud.snapshot();
  expect(stored.b).toEqual(stored.a);
  expect(JSON.stringify(stored.b)).toBe(JSON.stringify(stored.a));
});

test('a duplicate _id (in the batch or stored) refuses the whole batch', async () => {
  await h.cloud.importDocuments('a', [sample('one')]);
  await expect(h.cloud.importDocuments('a', [sample('two'), sample('one')])).rejects.toThrow(/E11000/);
  await expect(h.cloud.importDocuments('a', [sample('three'), sample('three')])).rejects.toThrow(/E11000/);
  expect((h.cloud.snapshot().a ?? []).map((d) => d._id)).toEqual(['one']);
});

test('a collection nobody created is refused, as an add is', async () => {
  await expect(h.cloud.importDocuments('nope', [sample('x')])).rejects.toThrow(/Db or Table not exist/);
  expect((await failure(h.db.collection('nope').add({ data: sample('x') }))).errMsg ?? '').toBeTruthy();
});

test('an index built before the import answers for the imported documents', async () => {
  await h.db.collection('a').add({ data: [{ _id: 'a1', g: 'x', k: 'k1' }] });
  const first = await h.db.collection('a').where({ g: 'x' }).orderBy('k', 'desc').get();
  expect(first.data.map((d) => d._id)).toEqual(['a1']);
  await h.cloud.importDocuments('a', [
    { _id: 'a2', g: ['x', 'z'], k: 'k2' },
    { _id: 'a3', g: 'z', k: 'k3' },
  ]);
  const after = await h.db
    .collection('a')
    .where({ g: h._.in(['x']) })
    .orderBy('k', 'desc')
    .get();
  expect(after.data.map((d) => d._id)).toEqual(['a2', 'a1']);
  expect(h.cloud.queryStats().indexed).toBeGreaterThanOrEqual(2);
});
