// admin.grids.preview: what an import would change — added, changed (with what), unchanged, the
// community's grids the file leaves out (kept), overlaps — with the import's own refusals, and
// changing nothing. Applying the same file then does exactly what the preview said.
import { demoGeoJson } from '../../../../cloudfunctions/_local/demo/grids';
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, expectUnchanged } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-23T01:00:00.000Z');
  await seedCommunity(app);
});

type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon'; coordinates: number[][][] } };
const demo = (): Feature[] => demoGeoJson().features as Feature[];
const square = (code: string, lng: number, lat: number, size = 0.002): Feature => ({
  type: 'Feature',
  properties: { code, name: `新网格${code}`, community: '华光社区', street: '车站街道', district: '张店区' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  },
});
const collection = (features: Feature[]) => ({ type: 'FeatureCollection', features });

/** Grid 2 renamed, grid 3 with another household count, grid 1 as it is, grids 4–6 left out, two new grids far away that overlap each other. */
function edited(): ReturnType<typeof collection> {
  const [g1, g2, g3] = demo();
  return collection([
    g1!,
    { ...g2!, properties: { ...g2!.properties, name: '华光社区第二网格（改名）' } },
    { ...g3!, properties: { ...g3!.properties, households: 999 } },
    square('ZD-CZ-HG-07', 118.3, 36.6),
    square('ZD-CZ-HG-08', 118.301, 36.601),
  ]);
}

test('the preview says what will change, and changes nothing', async () => {
  let preview: Api.GridImportPreview | undefined;
  await expectUnchanged(app, async () => {
    preview = await app.ok(ADMIN, 'admin.grids.preview', { geojson: edited(), crs: 'gcj02' });
  });
  expect(preview?.total).toBe(5);
  expect(preview?.added.map((g) => g.code)).toEqual(['ZD-CZ-HG-07', 'ZD-CZ-HG-08']);
  expect(preview?.changed).toEqual([
    { code: 'ZD-CZ-HG-02', name: '华光社区第二网格（改名）', community: '华光社区', fields: ['名称'] },
    { code: 'ZD-CZ-HG-03', name: expect.any(String), community: '华光社区', fields: ['户数'] },
  ]);
  expect(preview?.unchanged).toBe(1);
  expect(preview?.notInFile.map((g) => g.code)).toEqual(['ZD-CZ-HG-04', 'ZD-CZ-HG-05', 'ZD-CZ-HG-06']);
  expect(preview?.warnings).toEqual(['网格 ZD-CZ-HG-07 与 ZD-CZ-HG-08 有重叠', '文件没有包含同社区已导入的 3 个网格，导入后它们保持不变']);
  expect(preview?.expected).toEqual({ imported: 2, replaced: 3 });
  expect(preview?.truncated).toBe(false);
});

test('applying the same file does what the preview said; previewing it again finds nothing to change', async () => {
  const file = edited();
  const preview = await app.ok(ADMIN, 'admin.grids.preview', { geojson: file, crs: 'gcj02' });
  const applied = await app.ok(ADMIN, 'admin.grids.import', { geojson: file, crs: 'gcj02' });
  expect(applied).toEqual(preview.expected);
  for (const g of preview.added) expect((await app.server.deps.grids.get(g.code))?.name).toBe(g.name);
  expect((await app.server.deps.grids.get('ZD-CZ-HG-02'))?.name).toBe('华光社区第二网格（改名）');
  expect((await app.server.deps.grids.get('ZD-CZ-HG-03'))?.households).toBe(999);
  for (const g of preview.notInFile) expect(await app.server.deps.grids.get(g.code)).not.toBeNull();
  const again = await app.ok(ADMIN, 'admin.grids.preview', { geojson: file, crs: 'gcj02' });
  expect([again.added, again.changed, again.unchanged]).toEqual([[], [], 5]);
  expect(again.expected).toEqual({ imported: 0, replaced: 5 });
});

test('the same outline in WGS-84 is a changed outline (converted to GCJ-02 first)', async () => {
  const preview = await app.ok(ADMIN, 'admin.grids.preview', { geojson: collection([demo()[5]!]), crs: 'wgs84' });
  expect(preview.changed).toEqual([{ code: 'ZD-CZ-HG-06', name: expect.any(String), community: '华光社区', fields: ['边界'] }]);
});

test('grids sharing a border do not overlap', async () => {
  const preview = await app.ok(ADMIN, 'admin.grids.preview', { geojson: collection(demo()), crs: 'gcj02' });
  expect(preview.warnings.filter((w) => w.includes('重叠'))).toEqual([]);
});

test("the import's refusals, with nothing changed", async () => {
  await expectRefused(app, 'FORBIDDEN', () => app.call('district-1', 'admin.grids.preview', { geojson: edited(), crs: 'gcj02' }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('a-resident', 'admin.grids.preview', { geojson: edited(), crs: 'gcj02' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'admin.grids.preview', { geojson: { type: 'Nope' }, crs: 'gcj02' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'admin.grids.preview', { geojson: edited(), crs: 'bd09' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'admin.grids.preview', { geojson: edited(), crs: 'gcj02', apply: true }));
  const otherStreet = square('ZD-XX-01', 118.4, 36.7);
  otherStreet.properties.street = '别的街道';
  await expectRefused(app, 'INVALID_INPUT', () =>
    app.call(ADMIN, 'admin.grids.preview', { geojson: collection([otherStreet]), crs: 'gcj02' }),
  );
});
