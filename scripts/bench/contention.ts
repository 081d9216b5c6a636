// The contention row (issue 7): 20 clients submitting into one grid at once, each sending its next
// report as soon as the last was answered, for 30 s, against the local server under TCB's
// transaction rules (a write to a document another transaction holds fails at the call; the
// stores retry with jittered backoff). What used to collide on every submit — the day's ticket
// counter, the figures rows — is gone from the write path; this row shows what is left.
import { performance } from 'node:perf_hooks';
import { retryStats } from '../../cloudfunctions/_core/adapters/cloudbase/transaction';
import { syntheticCity } from '../synthetic/city';
import { loadFromChild } from './load';
import { num } from './measure';
import type { BenchRow } from './types';
import { bindStaff, importGrids, startLoadServer } from './world';

const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_CONTENTION_SECONDS ?? 30);
/** Function instances writing at once (npm start's default is one per core). */
const CONTENDING_INSTANCES = 4;

export const contention: BenchRow = {
  id: 'contention',
  what: '20 clients submitting into one grid for 30 s (TCB: a conflicting write fails at the call)',
  baseline: '—',
  target: '0 errors, no INTERNAL; every ticket its own number',
  async run() {
    const city = syntheticCity({ grids: 100, seed: 5 });
    // More writers in flight than cores, as CloudBase scales out under a burst: the conflicts are the point.
    const server = await startLoadServer(CONTENDING_INSTANCES);
    try {
      const now = new Date('2026-11-23T01:00:00Z');
      server.clock.set(now);
      await importGrids(server, city.grids, now);
      await bindStaff(server, city.grids, now);
      const grid = city.grids[0];
      if (!grid) throw new Error('no grid');
      const [lng, lat] = [(grid.bbox[0] + grid.bbox[2]) / 2, (grid.bbox[1] + grid.bbox[3]) / 2];
      retryStats.transactions = 0;
      retryStats.conflicts = 0;
      retryStats.maxConflicts = 0;
      const before = await server.cloud.transactionStats();
      const t0 = performance.now();
      const [result] = await loadFromChild({
        url: server.url,
        seconds: SECONDS,
        streams: [
          {
            name: 'submit',
            clients: CLIENTS,
            pick: 'submit',
            data: { points: [{ latitude: lat, longitude: lng }], categories: ['sanitation'], residentPrefix: 'bench-one-grid' },
          },
        ],
      });
      const wall = (performance.now() - t0) / 1000;
      if (!result) throw new Error('no load result');
      const after = await server.cloud.transactionStats();
      const tickets = ((await server.cloud.snapshot()).tickets ?? []) as Array<{ no?: unknown; gridCode?: unknown }>;
      const numbers = new Set(tickets.map((t) => t.no));
      const inGrid = tickets.filter((t) => t.gridCode === grid.code).length;
      const errors = result.errors + result.non2xx + result.notOk;
      const perRequest = retryStats.transactions > 0 ? retryStats.conflicts / retryStats.transactions : 0;
      return {
        figure: `${num(result.requests / result.seconds)} submits/s; p99 ${num(result.p99)} ms (p50 ${num(result.p50)}); conflict retries per request mean ${num(perRequest)}, max ${retryStats.maxConflicts}`,
        versus: `${result.requests} submits by ${CLIENTS} clients in ${num(result.seconds)} s, ${errors} errors`,
        meets: errors === 0 && numbers.size === tickets.length && inGrid === result.requests,
        notes: [
          `${inGrid} tickets in grid ${grid.code}, ${numbers.size} distinct numbers; local cloud: ${after.conflicts - before.conflicts} write conflicts, ${after.waits - before.waits} plain writes that waited, ${after.committed - before.committed} commits (wall ${num(wall)} s)`,
          ...(result.failures.length > 0 ? [`e.g. ${result.failures.slice(0, 2).join(' | ')}`] : []),
        ],
      };
    } finally {
      await server.close();
    }
  },
};
