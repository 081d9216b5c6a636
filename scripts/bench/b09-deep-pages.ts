// B9: a deep page costs what the first does. 100,000 tickets over the bench city; queue.list of
// the district's waiting tickets (status 'submitted', soonest deadline first) and report.mine of a
// reporter with 12,500 reports, page 500 (rows 9,981–10,000, reached by the cursor of page 499)
// against page 1, through handleApi, the real stores and the local cloud answering from its
// indexes. Timed in CPU time of this process, which runs both the functions and the local cloud.
import { performance } from 'node:perf_hooks';
import { handleApi } from '../../cloudfunctions/_core/app/handle-api';
import { benchCity } from './city';
import { compareCpuAsync, num, ratio } from './measure';
import type { BenchRow } from './types';
import { bindStaff, seedMonthBefore, startBenchServer } from './world';

const TARGET = 1.5;
const TICKETS = Number(process.env.BENCH_B9_TICKETS ?? 100_000);
const DEEP_PAGE = Number(process.env.BENCH_B9_PAGE ?? 500);
const HEAVY = 'bench-heavy-reporter';

export const b09: BenchRow = {
  id: 'B9',
  what: '`queue.list` / `report.mine` page 500 vs page 1 over 100k tickets',
  baseline: 'page 1',
  target: `≤ ${TARGET}×`,
  async run() {
    const { city } = benchCity();
    const server = await startBenchServer();
    try {
      const now = new Date('2026-11-23T01:00:00Z');
      server.clock.set(now);
      const t0 = performance.now();
      await bindStaff(server, city.grids, now);
      await seedMonthBefore(server, city.grids, now, {
        count: TICKETS,
        seed: 9,
        reporter: (i) => (i % 8 === 0 ? HEAVY : `bench-r-${i % 20_000}`),
      });
      const seeded = (performance.now() - t0) / 1000;
      const district = city.grids[0]?.district ?? '';
      const admin = `bench-da-${district}`;
      const call = async (openid: string, action: 'queue.list' | 'report.mine', params: Record<string, unknown>) => {
        const answer = await handleApi({ action, params }, { openid }, server.deps, () => undefined);
        if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`);
        return answer.data as { items: unknown[]; nextCursor: string | null };
      };
      // Reach page DEEP_PAGE by its cursor, as a client scrolling that far would.
      const cursorOf = async (openid: string, action: 'queue.list' | 'report.mine', base: Record<string, unknown>): Promise<string> => {
        let cursor: string | null = null;
        for (let page = 1; page < DEEP_PAGE; page++) {
          const data: { items: unknown[]; nextCursor: string | null } = await call(openid, action, cursor ? { ...base, cursor } : base);
          if (data.nextCursor === null) throw new Error(`${action} ends at page ${page}`);
          cursor = data.nextCursor;
        }
        if (cursor === null) throw new Error('no cursor');
        return cursor;
      };
      const queueBase = { status: 'submitted' };
      const t1 = performance.now();
      const queueCursor = await cursorOf(admin, 'queue.list', queueBase);
      const mineCursor = await cursorOf(HEAVY, 'report.mine', {});
      const walked = (performance.now() - t1) / 1000;
      let rows = 0;
      const stop = server.cloud.onRequest((r) => {
        const list = (r.response.data as { list?: unknown[] } | undefined)?.list;
        if (r.action === 'database.getDocument' && r.body.collectionName === 'tickets' && Array.isArray(list)) rows += list.length;
      });
      const rowsOf = async (fn: () => Promise<unknown>): Promise<number> => {
        rows = 0;
        await fn();
        return rows;
      };
      const queue1 = () => call(admin, 'queue.list', queueBase);
      const queueDeep = () => call(admin, 'queue.list', { ...queueBase, cursor: queueCursor });
      const mine1 = () => call(HEAVY, 'report.mine', {});
      const mineDeep = () => call(HEAVY, 'report.mine', { cursor: mineCursor });
      const queueRows = [await rowsOf(queue1), await rowsOf(queueDeep)];
      const mineRows = [await rowsOf(mine1), await rowsOf(mineDeep)];
      stop();
      const queue = await compareCpuAsync(21, queue1, queueDeep);
      const mine = await compareCpuAsync(21, mine1, mineDeep);
      // The same pages with the local cloud reading every document (what it did before indexes).
      server.cloud.useQueryIndexes(false);
      const scan = await compareCpuAsync(3, queue1, queueDeep);
      server.cloud.useQueryIndexes(true);
      const worst = Math.max(queue.ratio, mine.ratio);
      return {
        figure: `queue.list page ${DEEP_PAGE} ${num(queue.b)} ms vs page 1 ${num(queue.a)} ms (${ratio(queue.ratio)}); report.mine page ${DEEP_PAGE} ${num(mine.b)} ms vs ${num(mine.a)} ms (${ratio(mine.ratio)})`,
        versus: `page 1: worst ${ratio(worst)}`,
        meets: worst <= TARGET,
        notes: [
          `${TICKETS.toLocaleString('en-US')} tickets over ${city.grids.length.toLocaleString('en-US')} grids; the district's waiting tickets and a reporter with ${Math.ceil(TICKETS / 8).toLocaleString('en-US')} reports; CPU ms a call (functions and local cloud), median of 21`,
          `rows the local cloud returned: queue.list ${queueRows.join(' / ')}, report.mine ${mineRows.join(' / ')} (page 1 / page ${DEEP_PAGE})`,
          `with the local cloud reading every document instead (before): queue.list page 1 ${num(scan.a)} ms, page ${DEEP_PAGE} ${num(scan.b)} ms`,
          `seeding ${num(seeded)} s; paging to page ${DEEP_PAGE} of both lists ${num(walked)} s`,
        ],
      };
    } finally {
      await server.close();
    }
  },
};
