// admin.grids.import: a super admin loads grid polygons from GeoJSON in a declared CRS (converted
// to GCJ-02); a re-imported code replaces its grid, and routing follows the new shape at once.
// Anything wrong in the file refuses the whole import, in Chinese, and stores nothing.
import gcoord from 'gcoord';
import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, rows } from '../../../support/flows';
import { demoGeoJson, demoPointIn } from '../../../../cloudfunctions/_local/demo/grids';

const CHINESE = /[\u4e00-\u9fa5]/;
type Position = [number, number];

/** A closed square ring around a centre, `half` degrees each side. */
const square = (lng: number, lat: number, half = 0.001): Position[] => [
  [lng - half, lat - half],
  [lng + half, lat - half],
  [lng + half, lat + half],
  [lng - half, lat + half],
  [lng - half, lat - half],
];

interface GridSpec {
  code: string;
  name?: string;
  community?: string | null;
  street?: string | null;
  district?: string | null;
  households?: number | null;
  ring: Position[];
}
const feature = (g: GridSpec) => ({
  type: 'Feature',
  properties: {
    code: g.code,
    name: g.name ?? `${g.code} 网格`,
    community: g.community === undefined ? '新华社区' : g.community,
    street: g.street === undefined ? '新华街道' : g.street,
    district: g.district === undefined ? '新华区' : g.district,
    households: g.households === undefined ? 300 : g.households,
  },
  geometry: { type: 'Polygon', coordinates: [g.ring] },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

// Far (≈ 15 km) from the demo community, so nothing there is "nearest within 200 m" by accident.
const FAR: { longitude: number; latitude: number } = { longitude: 118.2, latitude: 36.7 };

const app = useTestApp();
/** A fresh store with the demo community, for tests that change grids. */
async function fresh(): Promise<void> {
  await app.reset();
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
}

const submitAt = async (point: { longitude: number; latitude: number }) =>
  (await app.ok('resident-a', 'report.submit', reportParams({ location: { ...point } }))).gridCode;
const routeNote = async (point: { longitude: number; latitude: number }) => {
  const { ticketId, gridCode } = await app.ok('resident-a', 'report.submit', reportParams({ location: { ...point } }));
  const view = await app.ok('resident-a', 'ticket.get', { ticketId });
  return { gridCode, note: view.timeline?.[0]?.note ?? null };
};
const listAll = async () => (await app.ok(ADMIN, 'admin.grids.list', {})).items;

describe('admin.grids.import', () => {
  beforeEach(fresh);

  test('answers { imported, replaced } counts', async () => {
    await app.reset();
    expect(await app.ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' })).toEqual({ imported: 6, replaced: 0 });
    expect(await app.ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' })).toEqual({ imported: 0, replaced: 6 });
    const mixed = collection(
      feature({ code: 'ZD-CZ-HG-01', community: '华光社区', street: '车站街道', district: '张店区', ring: square(118.0405, 36.8135) }),
      feature({ code: 'NEW-01', ring: square(FAR.longitude, FAR.latitude) }),
      feature({ code: 'NEW-02', ring: square(FAR.longitude + 0.002, FAR.latitude) }),
    );
    expect(await app.ok(ADMIN, 'admin.grids.import', { geojson: mixed, crs: 'gcj02' })).toEqual({ imported: 2, replaced: 1 });
    expect((await listAll()).map((g) => g.code)).toEqual([
      'NEW-01',
      'NEW-02',
      'ZD-CZ-HG-01',
      'ZD-CZ-HG-02',
      'ZD-CZ-HG-03',
      'ZD-CZ-HG-04',
      'ZD-CZ-HG-05',
      'ZD-CZ-HG-06',
    ]);
  });

  test('a MultiPolygon with a hole is accepted; households, names and places are kept', async () => {
    const outer = square(FAR.longitude, FAR.latitude, 0.002);
    const hole = square(FAR.longitude, FAR.latitude, 0.0005).reverse();
    const second = square(FAR.longitude + 0.01, FAR.latitude);
    const geojson = collection({
      type: 'Feature',
      properties: { code: 'MP-01', name: '多块网格', community: '多块社区', street: '多块街道', district: '多块区', households: 345 },
      geometry: { type: 'MultiPolygon', coordinates: [[outer, hole], [second]] },
    });
    expect(await app.ok(ADMIN, 'admin.grids.import', { geojson, crs: 'gcj02' })).toEqual({ imported: 1, replaced: 0 });
    const [grid] = (await app.ok(ADMIN, 'admin.grids.list', { community: '多块社区' })).items;
    expect(grid).toEqual({
      code: 'MP-01',
      name: '多块网格',
      community: '多块社区',
      street: '多块街道',
      district: '多块区',
      households: 345,
      bbox: [outer[0]?.[0], outer[0]?.[1], second[2]?.[0], outer[2]?.[1]],
    });
    // In the ring but not the hole, and in the second block: inside, no routing note.
    for (const point of [
      { longitude: FAR.longitude + 0.0015, latitude: FAR.latitude },
      { longitude: FAR.longitude + 0.01, latitude: FAR.latitude },
    ]) {
      const routed = await routeNote(point);
      expect(routed).toEqual({ gridCode: 'MP-01', note: null });
    }
    // The hole is outside the polygon: it reaches MP-01 only as the nearest grid within 200 m.
    const inHole = await routeNote({ longitude: FAR.longitude, latitude: FAR.latitude });
    expect(inHole.gridCode).toBe('MP-01');
    expect(inHole.note).toMatch(/就近分派/);
  });

  test('re-importing a code replaces its shape, and routing follows the new shape at once', async () => {
    const oldInside = demoPointIn(1);
    expect(await submitAt(oldInside)).toBe('ZD-CZ-HG-01');
    expect(await submitAt(FAR)).toBeNull();

    const moved = collection(
      feature({
        code: 'ZD-CZ-HG-01',
        name: '第一网格（迁址）',
        community: '华光社区',
        street: '车站街道',
        district: '张店区',
        ring: square(FAR.longitude, FAR.latitude),
      }),
    );
    expect(await app.ok(ADMIN, 'admin.grids.import', { geojson: moved, crs: 'gcj02' })).toEqual({ imported: 0, replaced: 1 });

    const grid = (await listAll()).find((g) => g.code === 'ZD-CZ-HG-01');
    expect(grid).toMatchObject({
      name: '第一网格（迁址）',
      bbox: [FAR.longitude - 0.001, FAR.latitude - 0.001, FAR.longitude + 0.001, FAR.latitude + 0.001],
    });
    expect(await submitAt(FAR)).toBe('ZD-CZ-HG-01');
    expect(await submitAt(oldInside)).not.toBe('ZD-CZ-HG-01');
    // The other five grids were not touched.
    expect(await submitAt(demoPointIn(2))).toBe('ZD-CZ-HG-02');
    expect((await listAll()).filter((g) => g.code.startsWith('ZD-CZ-HG-'))).toHaveLength(6);
  });

  test('a wgs84 import is converted to GCJ-02: points route by the converted polygon', async () => {
    const wgsCentre: Position = [118.1, 36.85];
    const [gcjLng, gcjLat] = gcoord.transform<Position>(wgsCentre, gcoord.WGS84, gcoord.GCJ02);
    // The shift here is ≈ 550 m east: the raw WGS-84 centre lies outside the converted square and
    // farther than 200 m from it.
    expect((gcjLng - wgsCentre[0]) * 89_000).toBeGreaterThan(400);
    const geojson = collection(feature({ code: 'WGS-01', ring: square(wgsCentre[0], wgsCentre[1]) }));
    expect(await app.ok(ADMIN, 'admin.grids.import', { geojson, crs: 'wgs84' })).toEqual({ imported: 1, replaced: 0 });

    const grid = (await listAll()).find((g) => g.code === 'WGS-01');
    const [minLng, minLat, maxLng, maxLat] = grid?.bbox ?? [0, 0, 0, 0];
    expect((minLng + maxLng) / 2).toBeCloseTo(gcjLng, 4);
    expect((minLat + maxLat) / 2).toBeCloseTo(gcjLat, 4);

    expect(await submitAt({ longitude: gcjLng, latitude: gcjLat })).toBe('WGS-01');
    expect(await submitAt({ longitude: wgsCentre[0], latitude: wgsCentre[1] })).not.toBe('WGS-01');
  });

  test('the same file as gcj02 is stored as given', async () => {
    const ring = square(118.1, 36.85);
    const geojson = collection(feature({ code: 'GCJ-01', ring }));
    await app.ok(ADMIN, 'admin.grids.import', { geojson, crs: 'gcj02' });
    const grid = (await listAll()).find((g) => g.code === 'GCJ-01');
    expect(grid?.bbox).toEqual([...(ring[0] ?? []), ...(ring[2] ?? [])]);
    expect(await submitAt({ longitude: 118.1, latitude: 36.85 })).toBe('GCJ-01');
  });

  test('creates the community, street and district: invites for them work afterwards', async () => {
    const geojson = collection(feature({ code: 'XH-01', ring: square(FAR.longitude, FAR.latitude) }));
    const before: Array<[Api.StaffRole, Api.Scope]> = [
      ['communityAdmin', { community: '新华社区' }],
      ['streetAdmin', { street: '新华街道' }],
      ['districtAdmin', { district: '新华区' }],
    ];
    for (const [role, scope] of before) {
      expect(await app.call(ADMIN, 'admin.invites.create', { role, scope })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    await app.ok(ADMIN, 'admin.grids.import', { geojson, crs: 'gcj02' });
    const places = (await rows(app, 'places')).map((p) => p._id);
    expect(places).toEqual(expect.arrayContaining(['community:新华社区', 'street:新华街道', 'district:新华区']));

    const district = await app.ok(ADMIN, 'admin.invites.create', { role: 'districtAdmin', scope: { district: '新华区' } });
    await app.ok('xh-district', 'staff.bind', { inviteCode: district.code, displayName: '区里' });
    // The new district's admin may now invite within it, down to the new grid.
    const community = await app.ok('xh-district', 'admin.invites.create', { role: 'communityAdmin', scope: { community: '新华社区' } });
    await app.ok('xh-community', 'staff.bind', { inviteCode: community.code, displayName: '社区' });
    expect(await app.ok('xh-community', 'staff.me', {})).toMatchObject({
      role: 'communityAdmin',
      scopeLabel: '新华区 · 新华街道 · 新华社区',
    });
    const worker = await app.ok('xh-community', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['XH-01'] } });
    await app.ok('xh-worker', 'staff.bind', { inviteCode: worker.code, displayName: '网格员' });
    // And the new grid's reports reach its worker.
    const report = await app.ok('resident-a', 'report.submit', reportParams({ location: { ...FAR } }));
    expect(report.gridCode).toBe('XH-01');
    expect((await app.ok('xh-worker', 'queue.list', {})).items.map((t) => t.id)).toContain(report.ticketId);
  });

  test('grids without community/street/district are accepted (blank means not given)', async () => {
    const geojson = collection(
      feature({
        code: 'BARE-01',
        community: '',
        street: null,
        district: null,
        households: null,
        ring: square(FAR.longitude, FAR.latitude),
      }),
    );
    expect(await app.ok(ADMIN, 'admin.grids.import', { geojson, crs: 'gcj02' })).toEqual({ imported: 1, replaced: 0 });
    expect((await listAll()).find((g) => g.code === 'BARE-01')).toMatchObject({
      community: null,
      street: null,
      district: null,
      households: null,
    });
  });
});

// Refusals change nothing, so these share one seeded store.
describe('admin.grids.import refusals', () => {
  beforeAll(fresh);

  describe('only a super admin may import', () => {
    test.each(['worker-1', 'community-1', 'street-1', 'district-1', 'resident-a'])('%s → FORBIDDEN, nothing stored', async (openid) => {
      const error = await expectRefused(app, 'FORBIDDEN', () =>
        app.call(openid, 'admin.grids.import', {
          geojson: collection(feature({ code: 'X-01', ring: square(FAR.longitude, FAR.latitude) })),
          crs: 'gcj02',
        }),
      );
      expect(error.message).toMatch(CHINESE);
    });

    test.each([
      ['a grid name', { name: '违禁测试网格' }],
      ['a community name', { community: '违禁测试社区' }],
      ['a district name', { district: '违禁测试区' }],
    ])('%s that fails content security → CONTENT_REJECTED, nothing stored', async (_what, names) => {
      await expectRefused(app, 'CONTENT_REJECTED', () =>
        app.call(ADMIN, 'admin.grids.import', {
          geojson: collection(feature({ code: 'X-02', ring: square(FAR.longitude, FAR.latitude), ...names })),
          crs: 'gcj02',
        }),
      );
    });

    test('no openid → UNAUTHENTICATED', async () => {
      const answer = await app.call(null, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    });
  });

  describe('invalid GeoJSON → INVALID_INPUT in Chinese, nothing stored', () => {
    const ok = (code: string) => feature({ code, ring: square(FAR.longitude, FAR.latitude) });
    const unclosed = square(FAR.longitude, FAR.latitude)
      .slice(0, 4)
      .concat([[FAR.longitude, FAR.latitude + 0.0005]]);
    const cases: Array<[string, unknown, RegExp]> = [
      ['not an object', '{"type":"FeatureCollection"}', /FeatureCollection/],
      ['null', null, /FeatureCollection/],
      ['missing', undefined, /FeatureCollection/],
      ['a single Feature', ok('F-01'), /FeatureCollection/],
      ['features not an array', { type: 'FeatureCollection', features: { 0: ok('F-01') } }, /features/],
      ['no features', collection(), /没有网格/],
      ['a feature without code', collection({ ...ok('F-01'), properties: { name: '无编号' } }), /编号 code/],
      ['a code that is not text', collection({ ...ok('F-01'), properties: { code: { $ne: null }, name: '对象编号' } }), /编号 code/],
      ['a feature without name', collection({ ...ok('F-01'), properties: { code: 'F-01' } }), /名称 name/],
      ['duplicate codes', collection(ok('D-01'), ok('D-01')), /重复/],
      ['a Point geometry', collection({ ...ok('F-01'), geometry: { type: 'Point', coordinates: [118.2, 36.7] } }), /Polygon/],
      ['no geometry', collection({ ...ok('F-01'), geometry: null }), /geometry/],
      ['an unclosed ring', collection(feature({ code: 'U-01', ring: unclosed })), /闭合/],
      ['a ring of three points', collection(feature({ code: 'T-01', ring: square(FAR.longitude, FAR.latitude).slice(0, 3) })), /4 个点/],
      [
        'a zero-area ring',
        collection(
          feature({
            code: 'Z-01',
            ring: [
              [118.2, 36.7],
              [118.201, 36.7],
              [118.202, 36.7],
              [118.2, 36.7],
            ],
          }),
        ),
        /面积为零/,
      ],
      ['swapped [lat, lng]', collection(feature({ code: 'S-01', ring: square(FAR.latitude, FAR.longitude) })), /写反/],
      ['outside China', collection(feature({ code: 'O-01', ring: square(2.35, 48.85) })), /中国范围/],
      [
        'a coordinate that is text',
        collection(
          feature({
            code: 'N-01',
            ring: [
              ['118.2', '36.7'],
              [118.201, 36.7],
              [118.201, 36.701],
              ['118.2', '36.7'],
            ] as unknown as Position[],
          }),
        ),
        /数字/,
      ],
      ['negative households', collection(feature({ code: 'H-01', households: -5, ring: square(FAR.longitude, FAR.latitude) })), /户数/],
      [
        'one bad feature among good ones',
        collection(ok('G-01'), feature({ code: 'G-02', ring: unclosed }), ok('G-03')),
        /第 2 个网格（G-02）/,
      ],
    ];
    test.each(cases)('%s', async (_name, geojson, expected) => {
      const error = await expectRefused(app, 'INVALID_INPUT', () =>
        app.raw(ADMIN, { action: 'admin.grids.import', params: { geojson, crs: 'gcj02' } }),
      );
      expect(error.message).toMatch(CHINESE);
      expect(error.message).toMatch(expected);
      for (const issue of (error.details ?? []) as Array<{ message: string }>) expect(issue.message).toMatch(CHINESE);
    });

    test.each<[string, unknown]>([
      ['an unknown crs', { geojson: demoGeoJson(), crs: 'bd09' }],
      ['no crs', { geojson: demoGeoJson() }],
      ['an operator object as crs', { geojson: demoGeoJson(), crs: { $ne: null } }],
      ['an unknown field', { geojson: demoGeoJson(), crs: 'gcj02', replaceAll: true }],
    ])('params: %s', async (_name, params) => {
      const error = await expectRefused(app, 'INVALID_INPUT', () => app.raw(ADMIN, { action: 'admin.grids.import', params }));
      expect(error.message).toMatch(CHINESE);
    });
  });
});

describe('admin.grids.import: codes are identifiers the whole API accepts', () => {
  beforeAll(fresh);

  test.each([['华光07'], ['HG 07'], ['A'.repeat(41)]])('code %s is refused at import, nothing stored', async (code) => {
    const geojson = collection(feature({ code, ring: square(FAR.longitude, FAR.latitude) }));
    await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'admin.grids.import', { geojson, crs: 'gcj02' }));
  });

  test('every code the import accepts can be given to a grid worker', async () => {
    const geojson = collection(feature({ code: 'HG.07_b-1', ring: square(FAR.longitude, FAR.latitude) }));
    await app.ok(ADMIN, 'admin.grids.import', { geojson, crs: 'gcj02' });
    expect(await submitAt(FAR)).toBe('HG.07_b-1');
    await app.ok(ADMIN, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['HG.07_b-1'] } });
  });
});
