// How a job walks pages within its time budget: the first page always runs; a further page only
// when the slowest page so far would still end within the budget; every item of a started page
// is worked on. Pages and time here are a counter, not a database.
import { forEachPaged } from '../../../../cloudfunctions/_core/app/jobs/pool';
import type { Page } from '../../../../cloudfunctions/_core/ports';

function pages(total: number, size: number, msPerPage: (page: number) => number, clock: { t: number }) {
  let served = 0;
  return async (after: string | null): Promise<Page<number>> => {
    const from = after === null ? 0 : Number(after);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i);
    clock.t += msPerPage(served);
    served += 1;
    return { items, nextCursor: from + size < total ? String(from + size) : null };
  };
}

test('stops before a page that would end past the budget, and the run ends within it', async () => {
  const clock = { t: 0 };
  const seen: number[] = [];
  const processed = await forEachPaged(
    pages(1000, 100, () => 9_000, clock),
    async (n) => (seen.push(n), true),
    50_000,
    () => clock.t,
  );
  // 9 s a page: five pages end at 45 s; a sixth would end at 54 s.
  expect(processed).toBe(500);
  expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => i));
  expect(clock.t).toBeLessThanOrEqual(50_000);
});

test('a slow page late in the run is judged by the slowest so far', async () => {
  const clock = { t: 0 };
  const durations = [1_000, 1_000, 20_000, 1_000, 1_000, 1_000];
  const processed = await forEachPaged(
    pages(2000, 100, (k) => durations[k] ?? 1_000, clock),
    async () => true,
    50_000,
    () => clock.t,
  );
  // Once a 20 s page was seen, a page starts only while elapsed + 20 s ≤ 50 s: pages 4–12 start
  // at 22…30 s; the run ends at 31 s with 1,200 items done.
  expect(processed).toBe(1200);
  expect(clock.t).toBe(31_000);
  expect(clock.t).toBeLessThanOrEqual(50_000);
});

test('the first page runs even when it alone is longer than the budget; the rest waits', async () => {
  const clock = { t: 0 };
  const processed = await forEachPaged(
    pages(300, 100, () => 70_000, clock),
    async () => true,
    50_000,
    () => clock.t,
  );
  expect(processed).toBe(100);
});

test('an empty first page ends the run', async () => {
  const clock = { t: 0 };
  expect(
    await forEachPaged(
      pages(0, 100, () => 10, clock),
      async () => true,
      50_000,
      () => clock.t,
    ),
  ).toBe(0);
});
