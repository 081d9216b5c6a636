// The routing index a function instance uses (app/routing.ts, issue 12 B4): an import saves the
// packed snapshot in `gridSnapshots`; a cold instance loads it instead of reading every grid and
// building; without a usable snapshot it builds from the grids, routes the same, and saves one.
import { ADMIN, useTestApp } from '../../support/app';
import { routeReport, gridIndex } from '../../../cloudfunctions/_core/app/routing';
import { buildGridIndex, route } from '../../../cloudfunctions/_core/domain/routing';
import type { Deps, GridStore } from '../../../cloudfunctions/_core/ports';
import { syntheticCity, populationPoints } from '../domain/routing/city';
import { toFeatureCollection } from '../domain/routing/fixtures';

const app = useTestApp();
const city = syntheticCity({ grids: 120, seed: 21 });

/** The deps of a fresh instance (its own cache), counting what it reads. */
function coldInstance(): { deps: Deps; reads: { all: number; loadSnapshot: number; saveSnapshot: number } } {
  const store = app.server.deps.grids;
  const reads = { all: 0, loadSnapshot: 0, saveSnapshot: 0 };
  const grids: GridStore = {
    upsert: (g, now) => store.upsert(g, now),
    get: (code) => store.get(code),
    list: (filter, cursor, limit) => store.list(filter, cursor, limit),
    all: () => ((reads.all += 1), store.all()),
    version: () => store.version(),
    loadSnapshot: (version) => ((reads.loadSnapshot += 1), store.loadSnapshot(version)),
    saveSnapshot: (version, bytes) => ((reads.saveSnapshot += 1), store.saveSnapshot(version, bytes)),
  };
  return { deps: { ...app.server.deps, grids }, reads };
}

const snapshotRows = async (): Promise<Array<Record<string, unknown>>> =>
  ((await app.snapshot()) as Record<string, Array<Record<string, unknown>>>).gridSnapshots ?? [];

beforeAll(async () => {
  await app.ok(ADMIN, 'admin.grids.import', { geojson: toFeatureCollection(city.grids), crs: 'gcj02' });
});

describe('routing index of a function instance', () => {
  it('an import saves the snapshot of the current grids version', async () => {
    const version = await app.server.deps.grids.version();
    const rows = await snapshotRows();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.version === version)).toBe(true);
  });

  it('a cold instance loads the snapshot: no grid is read, and it routes as an index built from the grids', async () => {
    const { deps, reads } = coldInstance();
    const { snapshot } = await gridIndex(deps);
    expect(reads).toEqual({ all: 0, loadSnapshot: 1, saveSnapshot: 0 });
    const built = buildGridIndex(city.grids);
    for (const point of populationPoints(city, 2000, 4)) expect(route(snapshot.index, point)).toEqual(route(built, point));
    // A second call is served from the instance's cache.
    await gridIndex(deps);
    expect(reads.loadSnapshot).toBe(1);
  });

  it('routes a report to the grid and its places from the snapshot', async () => {
    const { deps } = coldInstance();
    const grid = city.grids[7];
    const hole = city.holes.find((h) => h.kind === 'enclave');
    if (grid === undefined || hole === undefined) throw new Error('the city has no such grid');
    const routed = await routeReport(deps, hole.centre);
    const enclave = city.grids.find((g) => g.code === hole.filledBy);
    expect(routed).toEqual({
      place: {
        gridCode: enclave?.code,
        gridName: enclave?.name,
        community: enclave?.community,
        street: enclave?.street,
        district: enclave?.district,
      },
      level: 'grid',
      note: null,
    });
  });

  it('without a snapshot it builds from the grids, routes the same, and saves one for the next instance', async () => {
    await app.server.deps.grids.saveSnapshot('some other version', new Uint8Array(16)); // drops the current one
    expect((await snapshotRows()).map((r) => r.version)).toEqual(['some other version']);
    const first = coldInstance();
    await gridIndex(first.deps);
    expect(first.reads).toEqual({ all: 1, loadSnapshot: 1, saveSnapshot: 1 });
    const second = coldInstance();
    await gridIndex(second.deps);
    expect(second.reads).toEqual({ all: 0, loadSnapshot: 1, saveSnapshot: 0 });
  });

  it('a damaged snapshot is rebuilt, not trusted', async () => {
    const version = await app.server.deps.grids.version();
    const bytes = (await app.server.deps.grids.loadSnapshot(version)) as Uint8Array;
    await app.server.deps.grids.saveSnapshot(version, bytes.subarray(0, bytes.length - 8));
    const { deps, reads } = coldInstance();
    const { snapshot } = await gridIndex(deps);
    expect(reads.all).toBe(1);
    expect(snapshot.index.codes.size).toBe(city.grids.length);
  });
});

describe('gridSnapshots storage', () => {
  it('stores a blob of several parts and reads back the same bytes; another version reads as none', async () => {
    const bytes = new Uint8Array(1_300_000);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 251;
    await app.server.deps.grids.saveSnapshot('v-large', bytes);
    const rows = await snapshotRows();
    expect(rows.map((r) => r.part).sort()).toEqual([0, 1, 2]);
    for (const r of rows) expect(String(r.base64).length).toBeLessThan(700 * 1024);
    const back = await app.server.deps.grids.loadSnapshot('v-large');
    // (Buffer.equals: jest's toEqual walks a typed array element by element, far too slowly here.)
    expect(Buffer.from(back as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    expect((back as Uint8Array).byteOffset % 8).toBe(0);
    expect(await app.server.deps.grids.loadSnapshot('v-other')).toBeNull();
  });

  it('a missing part reads as none', async () => {
    const bytes = new Uint8Array(600_000).fill(3);
    await app.server.deps.grids.saveSnapshot('v-gap', bytes);
    const rows = await snapshotRows();
    expect(rows).toHaveLength(2);
    const { database } = await import('../../../cloudfunctions/_core/adapters/cloudbase/sdk');
    const part1 = rows.find((r) => r.part === 1);
    await database().collection('gridSnapshots').doc(String(part1?._id)).remove();
    expect(await app.server.deps.grids.loadSnapshot('v-gap')).toBeNull();
  });
});
