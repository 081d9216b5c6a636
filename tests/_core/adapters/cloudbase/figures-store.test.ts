// A busy district's day of figures weighs a few hundred kilobytes (its grids and staff, each with
// minute histograms); a year of them is far over the ~1 MB one query may answer. The figures
// store reads them in pages sized to fit, each day once, in day order, and equal to what was written.
import { CloudFiguresStore, MONTH_PART_BYTES, ROLLUP_PAGE_BYTES } from '../../../../cloudfunctions/_core/adapters/cloudbase/figures-store';
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { emptyBody, emptyTally, mergeBodies, type FigureBody } from '../../../../cloudfunctions/_core/domain/figures';
import { MAX_ANSWER_BYTES } from '../../../../cloudfunctions/_local/cloud/protocol';
import { useTestApp } from '../../../support/app';

const app = useTestApp();
beforeEach(() => app.reset());

const NOW = new Date('2026-11-30T16:00:00Z');

/** A day's figures with `grids` grids, each with a spread of minute histograms (about 300 bytes a grid). */
function bodyWith(grids: number, day: number): FigureBody {
  const body = emptyBody();
  for (let g = 0; g < grids; g++) {
    const tally = emptyTally();
    tally.received = 1 + ((g + day) % 7);
    for (let k = 0; k < 6; k++) {
      tally.acceptMinutes[String(10 + g + k * 37)] = 1 + k;
      tally.resolveMinutes[String(100 + g * 3 + k * 91)] = 1;
    }
    body.byGrid[`3703${String(g).padStart(8, '0')}`] = tally;
  }
  body.total.received = day;
  return body;
}

const dayKey = (i: number): string => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);

function watchRollupReads(): { answers: number[]; refused: () => number; stop: () => void } {
  const answers: number[] = [];
  let refused = 0;
  const stop = app.server.cloud.onRequest((r) => {
    if (r.action !== 'database.getDocument' || r.body.collectionName !== 'rollups') return;
    const list = (r.response.data as { list?: unknown[] } | undefined)?.list;
    if (Array.isArray(list))
      answers.push(list.reduce<number>((n, d) => n + Buffer.byteLength(typeof d === 'string' ? d : JSON.stringify(d), 'utf8'), 0));
    else refused += 1;
  });
  return { answers, refused: () => refused, stop };
}

test('a year of heavy days: every day once, in order, equal to what was written, no answer over the limit', async () => {
  const store = new CloudFiguresStore(database());
  // Six heavy days of a district with 1,200 grids among light days the pages grow over.
  const written = new Map<string, FigureBody>();
  for (let i = 0; i < 60; i++) {
    const body = bodyWith(i % 9 === 8 ? 1200 : 5, i);
    written.set(dayKey(i), body);
    await store.write('district', 'd-1', dayKey(i), body, null, NOW);
  }
  // Another place's days never show.
  await store.write('district', 'd-2', dayKey(3), bodyWith(5, 3), null, NOW);

  const watch = watchRollupReads();
  const days = await store.read('district', 'd-1', '2026-01-01', '2026-12-31');
  watch.stop();

  expect(days.map((d) => d.day)).toEqual([...written.keys()]);
  for (const d of days) expect(d.body).toEqual(written.get(d.day));
  expect(Math.max(...watch.answers)).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
  expect(watch.answers.length).toBeLessThan(60);
  // The heavy days' pages stay near the page budget.
  expect(Math.max(...watch.answers)).toBeLessThan(ROLLUP_PAGE_BYTES * 2);
}, 60_000);

test('days that grow heavier than the page was sized for: the refused page is read again, smaller', async () => {
  const store = new CloudFiguresStore(database());
  // Light days size the pages large; then a run of heavy days arrives within one page.
  const written: string[] = [];
  for (let i = 0; i < 25; i++) {
    await store.write('street', 's-1', dayKey(i), bodyWith(i < 21 ? 2 : 4000, i), null, NOW);
    written.push(dayKey(i));
  }
  const watch = watchRollupReads();
  const days = await store.read('street', 's-1', '2026-01-01', '2026-12-31');
  watch.stop();
  expect(days.map((d) => d.day)).toEqual(written);
  expect(days.every((d, i) => d.body.total.received === i)).toBe(true);
  expect(watch.refused()).toBeGreaterThan(0);
  expect(Math.max(...watch.answers)).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
}, 60_000);

test('a period reads only its own days', async () => {
  const store = new CloudFiguresStore(database());
  for (let i = 0; i < 10; i++) await store.write('cell', 'g-1', dayKey(i), bodyWith(3, i), null, NOW);
  const days = await store.read('cell', 'g-1', dayKey(2), dayKey(5));
  expect(days.map((d) => d.day)).toEqual([dayKey(2), dayKey(3), dayKey(4), dayKey(5)]);
});

const rollups = async (): Promise<Array<Record<string, unknown>>> =>
  ((await app.snapshot()) as Record<string, Array<Record<string, unknown>> | undefined>).rollups ?? [];

test('a month heavier than one answer is stored in parts, read back whole; a lighter rewrite leaves no stale part', async () => {
  const store = new CloudFiguresStore(database());
  // A month of a city district: 7,000 grids and as many handlers (~1.6 MB packed), far over what one query may answer.
  const heavy = bodyWith(7000, 7);
  heavy.byStaff = { ...heavy.byGrid };
  heavy.staffTags = { 'worker-1': { role: 'gridWorker', name: '张网格', at: '2026-03-02T01:00:00.000Z' } };
  const days = Object.fromEntries([0, 1, 2].map((i) => [dayKey(59 + i), bodyWith(1, i).total]));
  await store.writeMonth('district', 'd-1', '2026-03', { month: '2026-03', body: heavy, days }, NOW);
  await store.writeMonth('district', 'd-1', '2026-04', { month: '2026-04', body: bodyWith(2, 1), days: {} }, NOW);
  // Other places' months and the place's days never show.
  await store.writeMonth('district', 'd-10', '2026-03', { month: '2026-03', body: bodyWith(2, 2), days: {} }, NOW);
  await store.write('district', 'd-1', '2026-03-05', bodyWith(2, 3), null, NOW);

  const watch = watchRollupReads();
  const months = await store.readMonths('district', 'd-1', '2026-01', '2026-12');
  watch.stop();
  expect(months.map((m) => m.month)).toEqual(['2026-03', '2026-04']);
  expect(months[0]?.body).toEqual(mergeBodies([heavy]));
  expect(months[0]?.days).toEqual(days);
  expect(months[1]?.body).toEqual(mergeBodies([bodyWith(2, 1)]));
  const parts = (await rollups()).filter((d) => String(d._id).startsWith('month|district|d-1|2026-03|'));
  expect(parts.length).toBeGreaterThan(4);
  for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part), 'utf8')).toBeLessThan(MONTH_PART_BYTES * 1.1);
  expect(Math.max(...watch.answers)).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
  expect(await store.readMonths('district', 'd-1', '2026-04', '2026-04')).toEqual([months[1]]);

  // The month grows lighter: one part, nothing left of the heavy one.
  await store.writeMonth('district', 'd-1', '2026-03', { month: '2026-03', body: bodyWith(3, 4), days: {} }, NOW);
  expect((await rollups()).filter((d) => String(d._id).startsWith('month|district|d-1|2026-03|')).length).toBe(1);
  expect((await store.readMonths('district', 'd-1', '2026-03', '2026-03')).map((m) => m.body)).toEqual([mergeBodies([bodyWith(3, 4)])]);
}, 60_000);
