// Grid import: validation messages (short, Chinese, one per problem), normalisation to GCJ-02
// MultiPolygons, and the WGS-84 → GCJ-02 shift.
import gcoord from 'gcoord';
import {
  MAX_IMPORT_ISSUES,
  haversineMeters,
  parseGridImport,
  type Crs,
  type GridShape,
} from '../../../../cloudfunctions/_core/domain/routing';
import { toFeatureCollection, zhangdianLattice } from './fixtures';

type Json = unknown;
const square = (lng: number, lat: number, size = 0.003): number[][] => [
  [lng, lat],
  [lng + size, lat],
  [lng + size, lat + size],
  [lng, lat + size],
  [lng, lat],
];

function feature(properties: Record<string, Json>, geometry: Json = { type: 'Polygon', coordinates: [square(118.05, 36.81)] }) {
  return { type: 'Feature', properties, geometry };
}
function collection(...features: Json[]) {
  return { type: 'FeatureCollection', features };
}
const valid = (code: string, extra: Record<string, Json> = {}) => feature({ code, name: `网格${code}`, ...extra });

function accepted(geojson: Json, crs: Crs = 'gcj02'): GridShape[] {
  const result = parseGridImport(geojson, crs);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.grids;
}
function issuesOf(geojson: Json, crs: Crs = 'gcj02') {
  const result = parseGridImport(geojson, crs);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.issues;
}

describe('parseGridImport: accepted imports', () => {
  it('turns a Polygon into a one-part MultiPolygon with its bbox and properties', () => {
    const [grid] = accepted(
      collection(
        feature({ code: ' G1 ', name: ' 华光一网格 ', community: '华光社区', street: '车站街道', district: '张店区', households: 356 }),
      ),
    );
    expect(grid).toEqual({
      code: 'G1',
      name: '华光一网格',
      community: '华光社区',
      street: '车站街道',
      district: '张店区',
      households: 356,
      polygons: [[square(118.05, 36.81)]],
      bbox: [118.05, 36.81, 118.053, 36.813],
    });
  });

  it('keeps MultiPolygon parts and holes, and drops altitudes', () => {
    const withHole = [square(118.05, 36.81, 0.01), square(118.053, 36.813, 0.002)];
    const part2 = [square(118.07, 36.81).map(([lng, lat]) => [lng as number, lat as number, 42])];
    const [grid] = accepted(collection(feature({ code: 'M1', name: 'm' }, { type: 'MultiPolygon', coordinates: [withHole, part2] })));
    expect(grid?.polygons).toEqual([withHole, [square(118.07, 36.81)]]);
    expect(grid?.bbox).toEqual([118.05, 36.81, 118.073, 36.82]);
  });

  it.each([
    ['absent', {}],
    ['null', { community: null, street: null, district: null, households: null }],
    ['blank', { community: '  ', street: '', district: ' ' }],
  ])('reads %s optional properties as null', (_name, extra) => {
    const [grid] = accepted(collection(valid('G1', extra)));
    expect(grid).toMatchObject({ community: null, street: null, district: null, households: null });
  });

  it('ignores foreign members and unknown properties that GIS tools add', () => {
    const fc = {
      ...collection({ ...valid('G1', { fid: 7, area: 1.5 }), id: 7, bbox: [0, 0, 0, 0] }),
      name: 'grids',
      crs: { type: 'name' },
    };
    expect(accepted(fc)).toHaveLength(1);
  });

  it('leaves GCJ-02 coordinates exactly as given', () => {
    const { grids } = zhangdianLattice({ count: 30 });
    expect(accepted(toFeatureCollection(grids))).toEqual(grids);
  });
});

describe('parseGridImport: WGS-84 → GCJ-02', () => {
  const wgs = [118.05, 36.81] as const;
  const [grid] = accepted(
    collection(feature({ code: 'W1', name: 'w' }, { type: 'Polygon', coordinates: [square(wgs[0], wgs[1])] })),
    'wgs84',
  );
  const moved = grid?.polygons[0]?.[0]?.[0] ?? [0, 0];

  it('moves a Zibo point a few hundred metres, mostly east, as GCJ-02 does in eastern China', () => {
    const meters = haversineMeters({ longitude: wgs[0], latitude: wgs[1] }, { longitude: moved[0], latitude: moved[1] });
    expect(meters).toBeGreaterThan(300);
    expect(meters).toBeLessThan(800);
    expect(moved[0]).toBeGreaterThan(wgs[0]);
    expect(moved[0] - wgs[0]).toBeGreaterThan(5 * Math.abs(moved[1] - wgs[1]));
  });

  it('gives exactly what gcoord gives, for every position, and keeps rings closed', () => {
    const expected = square(wgs[0], wgs[1]).map(([lng, lat]) =>
      gcoord.transform<[number, number]>([lng as number, lat as number], gcoord.WGS84, gcoord.GCJ02),
    );
    expect(grid?.polygons).toEqual([[expected]]);
    const ring = grid?.polygons[0]?.[0] ?? [];
    expect(ring[ring.length - 1]).toEqual(ring[0]);
  });

  it('keeps shared vertices shared', () => {
    const { grids } = zhangdianLattice({ count: 4, seed: 3 });
    const converted = accepted(toFeatureCollection(grids), 'wgs84');
    const key = ([lng, lat]: readonly number[]) => `${lng},${lat}`;
    const before = new Set(grids[0]?.polygons[0]?.[0]?.map(key));
    const shared = grids[1]?.polygons[0]?.[0]?.filter((p) => before.has(key(p))).length ?? 0;
    const after = new Set(converted[0]?.polygons[0]?.[0]?.map(key));
    expect(shared).toBeGreaterThan(1);
    expect(converted[1]?.polygons[0]?.[0]?.filter((p) => after.has(key(p))).length).toBe(shared);
  });
});

describe('parseGridImport: refused imports', () => {
  const geometry = (coordinates: Json, type = 'Polygon') => ({ type, coordinates });
  const ok = square(118.05, 36.81);
  const unclosed = ok.slice(0, 4).concat([[118.0501, 36.81]]);

  const cases: [string, Json, string, string][] = [
    ['not an object', null, '', '导入内容须为 GeoJSON FeatureCollection'],
    ['a bare Feature', valid('G1'), 'type', '导入内容须为 GeoJSON FeatureCollection'],
    ['no features', { type: 'FeatureCollection' }, 'features', '缺少网格列表 features'],
    ['empty features', collection(), 'features', '导入内容中没有网格'],
    ['a feature that is not an object', collection('G1'), 'features[0]', '第 1 个网格不是 GeoJSON Feature'],
    [
      'a feature of the wrong type',
      collection({ ...valid('G1'), type: 'Geometry' }),
      'features[0].type',
      '第 1 个网格（G1）不是 GeoJSON Feature（type 应为 "Feature"）',
    ],
    [
      'no properties',
      collection({ type: 'Feature', geometry: geometry([ok]) }),
      'features[0].properties',
      '第 1 个网格缺少属性 properties',
    ],
    [
      'the third grid has no code',
      collection(valid('G1'), valid('G2'), feature({ name: 'x' })),
      'features[2].properties.code',
      '第 3 个网格缺少编号 code',
    ],
    ['a numeric code', collection(feature({ code: 370303, name: 'x' })), 'features[0].properties.code', '第 1 个网格的编号 code 须为文字'],
    ['a blank code', collection(feature({ code: '   ', name: 'x' })), 'features[0].properties.code', '第 1 个网格的编号 code 为空'],
    [
      'a code too long',
      collection(feature({ code: 'G'.repeat(65), name: 'x' })),
      'features[0].properties.code',
      `第 1 个网格（${'G'.repeat(65)}）的编号 code 过长（最多 64 字）`,
    ],
    ['no name', collection(feature({ code: 'G1' })), 'features[0].properties.name', '第 1 个网格（G1）缺少名称 name'],
    ['a blank name', collection(feature({ code: 'G1', name: '' })), 'features[0].properties.name', '第 1 个网格（G1）的名称 name 为空'],
    [
      'a numeric community',
      collection(valid('G1', { community: 5 })),
      'features[0].properties.community',
      '第 1 个网格（G1）的社区 community 须为文字',
    ],
    [
      'a street name too long',
      collection(valid('G1', { street: '街'.repeat(65) })),
      'features[0].properties.street',
      '第 1 个网格（G1）的街道 street 过长（最多 64 字）',
    ],
    [
      'zero households',
      collection(valid('G1', { households: 0 })),
      'features[0].properties.households',
      '第 1 个网格（G1）的户数 households 须为正整数',
    ],
    [
      'fractional households',
      collection(valid('G1', { households: 350.5 })),
      'features[0].properties.households',
      '第 1 个网格（G1）的户数 households 须为正整数',
    ],
    [
      'households as text',
      collection(valid('G1', { households: '350' })),
      'features[0].properties.households',
      '第 1 个网格（G1）的户数 households 须为正整数',
    ],
    ['no geometry', collection(feature({ code: 'G1', name: 'x' }, null)), 'features[0].geometry', '第 1 个网格（G1）缺少边界 geometry'],
    [
      'a Point geometry',
      collection(feature({ code: 'G1', name: 'x' }, { type: 'Point', coordinates: [118.05, 36.81] })),
      'features[0].geometry.type',
      '第 1 个网格（G1）的边界须为 Polygon 或 MultiPolygon',
    ],
    [
      'empty coordinates',
      collection(feature({ code: 'G1', name: 'x' }, geometry([]))),
      'features[0].geometry.coordinates',
      '第 1 个网格（G1）的边界坐标为空或格式不正确',
    ],
    [
      'coordinates not an array',
      collection(feature({ code: 'G1', name: 'x' }, geometry('118,36'))),
      'features[0].geometry.coordinates',
      '第 1 个网格（G1）的边界坐标为空或格式不正确',
    ],
    [
      'an outer ring of three positions',
      collection(feature({ code: 'G1', name: 'x' }, geometry([ok.slice(0, 2).concat([ok[0] as number[]])]))),
      'features[0].geometry.coordinates[0]',
      '第 1 个网格（G1）的外边界少于 4 个点',
    ],
    [
      'an unclosed outer ring',
      collection(feature({ code: 'G1', name: 'x' }, geometry([unclosed]))),
      'features[0].geometry.coordinates[0]',
      '第 1 个网格（G1）的外边界未闭合（首尾两点须相同）',
    ],
    [
      'an unclosed hole',
      collection(feature({ code: 'G1', name: 'x' }, geometry([square(118.05, 36.81, 0.01), unclosed]))),
      'features[0].geometry.coordinates[1]',
      '第 1 个网格（G1）的第 1 个内洞未闭合（首尾两点须相同）',
    ],
    [
      'an unclosed ring in the second part',
      collection(feature({ code: 'G1', name: 'x' }, geometry([[ok], [unclosed]], 'MultiPolygon'))),
      'features[0].geometry.coordinates[1][0]',
      '第 1 个网格（G1）的第 2 块的外边界未闭合（首尾两点须相同）',
    ],
    [
      'an empty MultiPolygon part',
      collection(feature({ code: 'G1', name: 'x' }, geometry([[ok], []], 'MultiPolygon'))),
      'features[0].geometry.coordinates[1]',
      '第 1 个网格（G1）的第 2 块为空或格式不正确',
    ],
    [
      'a text coordinate',
      collection(feature({ code: 'G1', name: 'x' }, geometry([[ok[0], [118.053, '36.81'], ...ok.slice(2)]]))),
      'features[0].geometry.coordinates[0][1][1]',
      '第 1 个网格（G1）的外边界第 2 个点不是有效的数字',
    ],
    [
      'a NaN coordinate',
      collection(feature({ code: 'G1', name: 'x' }, geometry([[ok[0], [Number.NaN, 36.81], ...ok.slice(2)]]))),
      'features[0].geometry.coordinates[0][1][0]',
      '第 1 个网格（G1）的外边界第 2 个点不是有效的数字',
    ],
    [
      'an infinite coordinate',
      collection(feature({ code: 'G1', name: 'x' }, geometry([[ok[0], [Infinity, 36.81], ...ok.slice(2)]]))),
      'features[0].geometry.coordinates[0][1][0]',
      '第 1 个网格（G1）的外边界第 2 个点不是有效的数字',
    ],
    [
      'a position with one number',
      collection(feature({ code: 'G1', name: 'x' }, geometry([[ok[0], [118.053], ...ok.slice(2)]]))),
      'features[0].geometry.coordinates[0][1]',
      '第 1 个网格（G1）的外边界第 2 个点应为 [经度, 纬度]',
    ],
    [
      'a position with four numbers',
      collection(feature({ code: 'G1', name: 'x' }, geometry([[ok[0], [118.053, 36.81, 0, 0], ...ok.slice(2)]]))),
      'features[0].geometry.coordinates[0][1]',
      '第 1 个网格（G1）的外边界第 2 个点应为 [经度, 纬度] 或 [经度, 纬度, 高程]',
    ],
    [
      'a position outside China',
      collection(feature({ code: 'G1', name: 'x' }, geometry([square(2.35, 48.85)]))),
      'features[0].geometry.coordinates[0][0]',
      '第 1 个网格（G1）的外边界第 1 个点 [2.35, 48.85] 不在中国范围内',
    ],
    [
      'latitude and longitude swapped',
      collection(feature({ code: 'G1', name: 'x' }, geometry([square(36.81, 118.05)]))),
      'features[0].geometry.coordinates[0][0]',
      '第 1 个网格（G1）的外边界第 1 个点 [36.81, 118.05] 不在中国范围内，经纬度可能写反了（应为 [经度, 纬度]）',
    ],
    [
      'a ring with no area',
      collection(
        feature(
          { code: 'G1', name: 'x' },
          geometry([
            [
              [118.05, 36.81],
              [118.06, 36.82],
              [118.07, 36.83],
              [118.05, 36.81],
            ],
          ]),
        ),
      ),
      'features[0].geometry.coordinates[0]',
      '第 1 个网格（G1）的外边界面积为零（各点共线或重合）',
    ],
    [
      'a duplicate code',
      collection(valid('G1'), valid('G2'), valid('G1')),
      'features[2].properties.code',
      '第 3 个网格的编号 G1 与第 1 个网格重复',
    ],
  ];

  it.each(cases)('%s', (_name, geojson, path, message) => {
    expect(issuesOf(geojson)).toEqual([{ path, message }]);
  });

  it('refuses an unknown crs', () => {
    expect(parseGridImport(collection(valid('G1')), 'bd09' as Crs)).toEqual({
      ok: false,
      issues: [{ path: 'crs', message: '坐标系 crs 须为 wgs84 或 gcj02' }],
    });
  });

  it('reports every bad feature at once, and nothing is imported', () => {
    const issues = issuesOf(collection(valid('G1'), feature({ name: 'x' }), valid('G3', { households: -1 })));
    expect(issues.map((issue) => issue.path)).toEqual(['features[1].properties.code', 'features[2].properties.households']);
  });

  it('reports one problem per ring, however many of its points are bad', () => {
    const bad = square(2.35, 48.85);
    const issues = issuesOf(collection(feature({ code: 'G1', name: 'x' }, geometry([bad, bad]))));
    expect(issues.map((issue) => issue.path)).toEqual(['features[0].geometry.coordinates[0][0]', 'features[0].geometry.coordinates[1][0]']);
  });

  it(`lists at most ${MAX_IMPORT_ISSUES} problems and counts the rest`, () => {
    const issues = issuesOf(collection(...Array.from({ length: MAX_IMPORT_ISSUES + 10 }, () => feature({ name: 'x' }))));
    expect(issues).toHaveLength(MAX_IMPORT_ISSUES + 1);
    expect(issues[MAX_IMPORT_ISSUES]).toEqual({ path: '', message: '另有 10 处问题未列出' });
  });
});
