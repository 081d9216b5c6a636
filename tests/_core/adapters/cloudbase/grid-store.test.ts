// Every report is routed, and routing checks the grids version: an instance reads it once per
// GRID_VERSION_CACHE_MS, not once per submit. Its own import shows at once; another instance's
// import shows within the cache time; `fresh` (the snapshot's save check) always reads.
import { CloudGridStore, GRID_VERSION_CACHE_MS } from '../../../../cloudfunctions/_core/adapters/cloudbase/grid-store';
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { routeReport } from '../../../../cloudfunctions/_core/app/routing';
import { demoGeoJson, demoPointIn } from '../../../../cloudfunctions/_local/demo/grids';
import { useTestApp } from '../../../support/app';
import { countReads } from '../../../support/count-reads';
import { grid, ring } from '../../domain/routing/shapes';

const app = useTestApp();
beforeEach(() => app.reset());

const at = new Date('2026-11-23T01:00:00Z');

/** A unit square grid (its shape does not matter here, only that it is stored). */
const square = (code: string, x: number) => grid(code, [[ring([x, 0], [x + 1, 0], [x + 1, 1], [x, 1])]]);

test('twenty versions asked at once, and again within the cache time, read the stored one once', async () => {
  let now = 5_000_000;
  const store = new CloudGridStore(database(), () => now);
  const counter = countReads(app, 'meta');
  const first = await Promise.all(Array.from({ length: 20 }, () => store.version()));
  now += GRID_VERSION_CACHE_MS - 1;
  expect(await store.version()).toBe('none');
  counter.stop();
  expect(new Set(first)).toEqual(new Set(['none']));
  expect(counter.reads()).toBe(1);
});

test("an import through this instance shows at once; another instance's within the cache time; fresh always reads", async () => {
  let now = 5_000_000;
  const here = new CloudGridStore(database(), () => now);
  const elsewhere = new CloudGridStore(database(), () => now);
  const first = square('T-01', 0);
  const second = square('T-02', 1);
  expect(await here.version()).toBe('none');
  expect(await elsewhere.version()).toBe('none');

  await here.upsert([first], at);
  const v1 = await here.version();
  expect(v1).not.toBe('none');
  expect(await elsewhere.version()).toBe('none'); // cached, as another instance's would be
  expect(await elsewhere.version({ fresh: true })).toBe(v1);

  await elsewhere.upsert([second], at);
  const v2 = await elsewhere.version();
  expect(v2).not.toBe(v1);
  now += GRID_VERSION_CACHE_MS - 1;
  expect(await here.version()).toBe(v1);
  now += 1;
  expect(await here.version()).toBe(v2);
});

test('routing after an import through the same deps lands in the new grids at once', async () => {
  const { deps } = app.server;
  const point = demoPointIn(3);
  expect((await routeReport(deps, point)).place.gridCode).toBeNull();
  await app.ok('test-admin', 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  expect((await routeReport(deps, point)).place.gridCode).toBe('ZD-CZ-HG-03');
});
