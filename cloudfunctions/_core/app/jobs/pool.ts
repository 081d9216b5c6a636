// How the ticket jobs walk their work: page by page through a store query (never one huge
// get — TCB answers at most 1000 rows), a few tickets at a time within a page, and no new page
// that would not end within the time budget of a timer run, judged by the slowest page so far
// (what is left waits for the next trigger, which finds it by the same query: a handled ticket
// no longer matches it, so nothing is handled twice).
import { ContentionError, type Page } from '../../ports';

/** A ticket that kept losing to users acting on it waits for the next run; it never fails the job. */
export async function unlessContended(work: () => Promise<boolean>): Promise<boolean> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ContentionError) return false;
    throw error;
  }
}

const PARALLEL = 8;

export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Runs `work` on every item of every page; answers how many times `work` reported a change. The
 * first page always runs; a further page only when the slowest page so far would still end
 * within `budgetMs` of the start.
 */
export async function forEachPaged<T>(
  fetch: (after: string | null) => Promise<Page<T>>,
  work: (item: T) => Promise<boolean>,
  budgetMs: number,
  clock: () => number = () => Date.now(),
): Promise<number> {
  const started = clock();
  let processed = 0;
  let after: string | null = null;
  let slowest = 0;
  do {
    const pageStarted = clock();
    const page = await fetch(after);
    await eachLimited(page.items, PARALLEL, async (item) => {
      if (await work(item)) processed += 1;
    });
    after = page.nextCursor;
    slowest = Math.max(slowest, clock() - pageStarted);
  } while (after !== null && clock() - started + slowest <= budgetMs);
  return processed;
}
