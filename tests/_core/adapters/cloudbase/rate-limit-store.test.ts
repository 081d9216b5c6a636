// The rate limiter over the local cloud: a hit with room is one conditional update (no
// transaction), parallel hits never overfill a window, a token counts once, and a window stored
// in another shape (a document from before, a changed max) is settled in a transaction.
import { COLLECTION } from '../../../../cloudfunctions/_core/adapters/cloudbase/collections';
import { CloudRateLimiter } from '../../../../cloudfunctions/_core/adapters/cloudbase/rate-limit-store';
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { useTestApp } from '../../../support/app';

const app = useTestApp();
beforeEach(() => app.reset());

const HOUR = 3_600_000;
const T = new Date('2026-11-24T02:00:00Z');
const at = (ms: number): Date => new Date(T.getTime() + ms);

function actions(): { list: string[]; stop: () => void } {
  const list: string[] = [];
  const stop = app.server.cloud.onRequest((r) => {
    if (r.body.collectionName === COLLECTION.rateLimits || r.action.includes('Transaction')) list.push(r.action);
  });
  return { list, stop };
}

test('a hit with room is a conditional update beside an insert, no transaction; a full window goes through one', async () => {
  const limits = new CloudRateLimiter(database());
  for (const [token, ms] of [
    ['t1', 0],
    ['t2', 1],
  ] as const) {
    const seen = actions();
    expect(await limits.admit('k', token, 3, HOUR, at(ms))).toBe('admitted');
    seen.stop();
    expect(seen.list.sort()).toEqual(['database.insertDocument', 'database.modifyDocument']);
  }

  expect(await limits.admit('k', 't3', 3, HOUR, at(2))).toBe('admitted');
  const seen = actions();
  expect(await limits.admit('k', 't4', 3, HOUR, at(3))).toBe('full');
  seen.stop();
  expect(seen.list).toContain('database.startTransaction');
  expect(await limits.admit('k', 't2', 3, HOUR, at(4))).toBe('again');
  expect(await limits.admit('k', 't4', 3, HOUR, at(HOUR))).toBe('admitted');
});

test('20 parallel hits on a window of 5 admit exactly 5', async () => {
  const limits = new CloudRateLimiter(database());
  await limits.admit('p', 'seed', 5, HOUR, T);
  const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => limits.admit('p', `t${i}`, 5, HOUR, at(1 + i))));
  expect(verdicts.filter((v) => v === 'admitted')).toHaveLength(4);
  expect(verdicts.filter((v) => v === 'full')).toHaveLength(16);
});

test('the same token sent in parallel counts once', async () => {
  const limits = new CloudRateLimiter(database());
  await limits.admit('s', 'seed', 5, HOUR, T);
  const verdicts = await Promise.all(Array.from({ length: 6 }, () => limits.admit('s', 'same', 5, HOUR, at(1))));
  expect(verdicts.filter((v) => v === 'admitted')).toHaveLength(1);
  expect(verdicts.filter((v) => v === 'again')).toHaveLength(5);
});

test('a window stored in an older shape (dates, no tokens) is read as it stands and rewritten', async () => {
  await app.server.cloud.importDocuments(COLLECTION.rateLimits, [{ _id: 'old', hits: [at(-10), at(-20)] }]);
  const limits = new CloudRateLimiter(database());
  expect(await limits.admit('old', 'x', 3, HOUR, T)).toBe('admitted');
  expect(await limits.admit('old', 'y', 3, HOUR, at(1))).toBe('full');
  const doc = (await database().collection(COLLECTION.rateLimits).where({ _id: 'old' }).get()) as { data: Array<Record<string, unknown>> };
  expect(doc.data[0]).toMatchObject({ hits: [T.getTime(), T.getTime() - 10, T.getTime() - 20], tokens: ['x', '', ''] });
});

test('a clock set back (a hit kept in the future) is settled in a transaction, not pushed out of order', async () => {
  const limits = new CloudRateLimiter(database());
  await limits.admit('b', 'later', 3, HOUR, at(HOUR));
  expect(await limits.admit('b', 'now', 3, HOUR, T)).toBe('admitted');
  const doc = (await database().collection(COLLECTION.rateLimits).where({ _id: 'b' }).get()) as { data: Array<Record<string, unknown>> };
  expect(doc.data[0]).toMatchObject({ hits: [at(HOUR).getTime(), T.getTime(), 0], tokens: ['later', 'now', ''] });
});

test('hit() admits as many as the window holds', async () => {
  const limits = new CloudRateLimiter(database());
  const hits = [];
  for (let i = 0; i < 4; i += 1) hits.push(await limits.hit('h', 3, HOUR, at(i)));
  expect(hits).toEqual([true, true, true, false]);
});
