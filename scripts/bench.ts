// `npm run bench`: performance figures as ratios against a baseline measured in the same run,
// so they mean the same on a slow CI box and a fast laptop. Nothing here is a pass/fail timer.
//
// routing: the spatial index (flatbush + exact point-in-polygon) against a full scan of every
// grid, over the demo community and over city-scale lattices.
import { performance } from 'node:perf_hooks';
import {
  buildGridIndex,
  distanceToBoundaryMeters,
  pointInMultiPolygon,
  route,
  type GeoPoint,
  type GridShape,
  type RouteResult,
} from '../cloudfunctions/_core/domain/routing';
import { parseGridImport } from '../cloudfunctions/_core/domain/routing';
import { demoGeoJson } from '../cloudfunctions/_local/demo/grids';
import { seededRandom, zhangdianLattice } from '../tests/_core/domain/routing/fixtures';
import { handleApi } from '../cloudfunctions/_core/app/handle-api';
import { handleJobs } from '../cloudfunctions/_core/app/jobs/handle-jobs';
import { database } from '../cloudfunctions/_core/adapters/cloudbase/sdk';
import { COLLECTION } from '../cloudfunctions/_core/adapters/cloudbase/collections';
import { toDoc } from '../cloudfunctions/_core/adapters/cloudbase/ticket-store';
import { startLocalServer } from '../cloudfunctions/_local/server';
import { demoPointIn } from '../cloudfunctions/_local/demo/grids';
import type { Ticket } from '../cloudfunctions/_core/domain/types';

/** The baseline: what routing would be without an index — test every grid, then measure every grid. */
function scanRoute(grids: readonly GridShape[], point: GeoPoint): RouteResult {
  let best: GridShape | null = null;
  for (const g of grids) {
    if (pointInMultiPolygon(point, g.polygons) && (best === null || g.code < best.code)) best = g;
  }
  if (best) return { kind: 'grid', gridCode: best.code, how: 'inside' };
  let nearest: { code: string; d: number } | null = null;
  for (const g of grids) {
    const d = distanceToBoundaryMeters(point, g.polygons);
    if (d <= 200 && (nearest === null || d < nearest.d || (d === nearest.d && g.code < nearest.code))) nearest = { code: g.code, d };
  }
  return nearest ? { kind: 'grid', gridCode: nearest.code, how: 'nearest', distanceMeters: nearest.d } : { kind: 'triage' };
}

function points(grids: readonly GridShape[], n: number, seed: number): GeoPoint[] {
  const random = seededRandom(seed);
  const [minLng, minLat, maxLng, maxLat] = grids.reduce(
    (b, g) => [Math.min(b[0], g.bbox[0]), Math.min(b[1], g.bbox[1]), Math.max(b[2], g.bbox[2]), Math.max(b[3], g.bbox[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  // 10 % margin around the area, so some points fall outside every grid (nearest / triage paths).
  const padLng = (maxLng - minLng) * 0.1;
  const padLat = (maxLat - minLat) * 0.1;
  return Array.from({ length: n }, () => ({
    longitude: minLng - padLng + random() * (maxLng - minLng + 2 * padLng),
    latitude: minLat - padLat + random() * (maxLat - minLat + 2 * padLat),
  }));
}

/** Median microseconds per call over `rounds` timed passes (after one warm-up pass). */
function perCallMicros(run: (p: GeoPoint) => unknown, pts: readonly GeoPoint[], rounds = 5): number {
  for (const p of pts) run(p);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const t0 = performance.now();
    for (const p of pts) run(p);
    samples.push(((performance.now() - t0) * 1000) / pts.length);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
}

function benchRouting(label: string, grids: GridShape[], n: number): void {
  const t0 = performance.now();
  const index = buildGridIndex(grids);
  const buildMs = performance.now() - t0;
  const pts = points(grids, n, 42);
  // The two must agree on every point, or the figure is meaningless.
  for (const p of pts.slice(0, 2000)) {
    const a = route(index, p);
    const b = scanRoute(grids, p);
    const same = a.kind === b.kind && (a.kind === 'triage' || (b.kind === 'grid' && a.gridCode === b.gridCode));
    if (!same) throw new Error(`index and scan disagree at ${p.latitude},${p.longitude}`);
  }
  const indexed = perCallMicros((p) => route(index, p), pts);
  const scanned = perCallMicros((p) => scanRoute(grids, p), pts.slice(0, Math.max(200, Math.floor(n / Math.max(1, grids.length / 50)))));
  console.log(
    `routing  ${label.padEnd(28)} index ${indexed.toFixed(2).padStart(7)} µs/lookup   scan ${scanned.toFixed(1).padStart(8)} µs/lookup   ` +
      `scan/index = ${(scanned / indexed).toFixed(1).padStart(7)}×   (index built in ${buildMs.toFixed(1)} ms)`,
  );
}

/** Median wall time of `runs` calls of an async function, in ms. */
async function medianMs(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
}

/**
 * The SLA sweep over 10,000 open tickets in the embedded local cloud (the real SDK over
 * loopback), against one ticket.escalate call — the same work done by hand — as the baseline.
 */
async function benchSweep(open: number): Promise<void> {
  const server = await startLocalServer({ port: 0, dataDir: null, seed: true, superAdmins: ['bench-admin'] });
  try {
    const call = async (openid: string, action: Api.ActionName, params: unknown): Promise<Api.Envelope<unknown>> => {
      const answer = await handleApi({ action, params }, { openid }, server.deps, () => undefined);
      if (!answer.ok) throw new Error(`${action}: ${answer.error.code}`);
      return answer;
    };
    server.clock.set(new Date('2026-11-23T01:00:00Z')); // Monday 09:00 Shanghai
    // A template ticket through the real path, then copies written in bulk (the bench measures the sweep, not submits).
    const sample = (await call('bench-resident', 'report.submit', {
      category: 'sanitation', kind: 'complaint', description: '垃圾没人清运', photos: [],
      location: demoPointIn(1), clientRequestId: 'bench-template-0001',
    })) as { ok: true; data: { ticketId: string } };
    const template = (await server.deps.tickets.get(sample.data.ticketId)) as Ticket;
    const db = database();
    const t0 = performance.now();
    for (let i = 0; i < open; i += 500) {
      const batch = Array.from({ length: Math.min(500, open - i) }, (_, j) => {
        const id = (i + j).toString(16).padStart(32, '0');
        return toDoc({ ...template, id, no: `20261123-${String(i + j).padStart(5, '0')}`, reporterOpenid: `bench-r-${(i + j) % 997}` });
      });
      await db.collection(COLLECTION.tickets).add({ data: batch });
    }
    const loadMs = performance.now() - t0;

    // Baseline: the same step done by hand on single tickets.
    const manual = await medianMs(21, (i) => call('demo-grid-1', 'ticket.escalate', { ticketId: (open - 1 - i).toString(16).padStart(32, '0'), reason: '需要社区协调' }));
    const list = await medianMs(21, () => call('demo-community', 'queue.list', {}));

    // Nothing overdue yet: the sweep is one indexed query.
    const quiet = await medianMs(5, () => handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, server.deps));
    // Two days on, every one of them is overdue: escalate, 督办, notify each.
    server.clock.set(new Date('2026-11-25T01:00:00Z'));
    const t1 = performance.now();
    let processed = 0;
    for (;;) {
      const answer = await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, server.deps);
      const n = answer.ok ? answer.data.processed : 0;
      processed += n;
      if (n === 0) break;
    }
    const sweepMs = performance.now() - t1;
    const again = await medianMs(3, () => handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, server.deps));
    const perTicket = sweepMs / Math.max(1, processed);
    console.log(`\nsweep    ${open} open tickets loaded in ${(loadMs / 1000).toFixed(1)} s (bulk insert)`);
    console.log(`sweep    nothing overdue         ${quiet.toFixed(1).padStart(8)} ms   = ${(quiet / list).toFixed(2)}× one queue.list (${list.toFixed(1)} ms)`);
    console.log(`sweep    all ${processed} overdue    ${(sweepMs / 1000).toFixed(1).padStart(6)} s total, ${perTicket.toFixed(2)} ms/ticket = ${(perTicket / manual).toFixed(2)}× one manual ticket.escalate (${manual.toFixed(1)} ms)`);
    console.log(`sweep    run again (idempotent)  ${again.toFixed(1).padStart(8)} ms   = ${(again / list).toFixed(2)}× one queue.list`);
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  console.log(`一键上报 bench — node ${process.version}, ${new Date().toISOString()}`);
  console.log('Figures are ratios against a baseline measured in this same run.\n');
  const demo = parseGridImport(demoGeoJson(), 'gcj02');
  if (!demo.ok) throw new Error('demo grids do not parse');
  benchRouting('demo community (6 grids)', demo.grids, 100_000);
  for (const count of [500, 5_000]) {
    benchRouting(`city lattice (${count} grids)`, zhangdianLattice({ count, seed: 7, jitter: 0.15, edgeVertices: 3 }).grids, 20_000);
  }
  await benchSweep(Number(process.env.BENCH_OPEN_TICKETS ?? 10_000));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
