// Grid import (DOMAIN.md, Places): a FeatureCollection of Polygon / MultiPolygon features, each with
// a unique `code` and a `name`; the import declares its CRS and is converted to GCJ-02 here, once,
// because wx.getLocation reports GCJ-02 and a WGS-84 survey would sit hundreds of metres off.
import gcoord from 'gcoord';
import { z } from 'zod';
import { boundingBox } from './bbox';
import { METERS_PER_DEGREE, metersPerDegreeLongitude } from './distance';
import type { BBox, Crs, GridShape, MultiPolygonCoordinates, Position } from './types';
import { contractEnum } from '../contract-enum';
import { isRecord } from '../guards';

/** Roughly China's extent; a point outside it is a typo or swapped [lat, lng]. */
export const CHINA_BOUNDS = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 } as const;
export const GRID_TEXT_MAX_LENGTH = 64;
/** Enough to fix a file; more would only bury the first mistakes. */
export const MAX_IMPORT_ISSUES = 50;
/** Smaller than a parking space: a surveying slip, not a grid. */
const MIN_RING_AREA_SQUARE_METERS = 1;

export interface ImportIssue {
  /** Where in the submitted document, e.g. `features[2].properties.code`; '' for the whole document. */
  readonly path: string;
  /** Short Chinese text fit to show the admin who uploaded the file. */
  readonly message: string;
}

export type GridImportResult = { readonly ok: true; readonly grids: GridShape[] } | { readonly ok: false; readonly issues: ImportIssue[] };

export const crsSchema = contractEnum<Api.Crs>()(['wgs84', 'gcj02']);

// Messages below are fragments: "第 N 个网格（code）" is put in front, and for coordinates also
// "的" and the ring or point they concern ("外边界第 3 个点").

function inChina(lng: number, lat: number): boolean {
  return lng >= CHINA_BOUNDS.minLng && lng <= CHINA_BOUNDS.maxLng && lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat;
}

const positionSchema = z
  .array(z.number({ error: '不是有效的数字' }), { error: '应为 [经度, 纬度]' })
  .min(2, { error: '应为 [经度, 纬度]' })
  .max(3, { error: '应为 [经度, 纬度] 或 [经度, 纬度, 高程]' })
  .refine(([lng = NaN, lat = NaN]) => inChina(lng, lat), {
    error: (issue) => {
      const [lng, lat] = issue.input as number[];
      const swapped = lng !== undefined && lat !== undefined && inChina(lat, lng) ? '，经纬度可能写反了（应为 [经度, 纬度]）' : '';
      return ` [${lng}, ${lat}] 不在中国范围内${swapped}`;
    },
  });

/** Shoelace area in a local plane around the first position. */
function ringAreaSquareMeters(ring: readonly (readonly number[])[]): number {
  const [originLng = 0, originLat = 0] = ring[0] ?? [];
  const kx = metersPerDegreeLongitude(originLat);
  const project = ([lng = originLng, lat = originLat]: readonly number[]): readonly [number, number] => [
    (lng - originLng) * kx,
    (lat - originLat) * METERS_PER_DEGREE,
  ];
  let twice = 0;
  let previous: readonly [number, number] | undefined;
  for (const position of ring) {
    const [x2, y2] = project(position);
    if (previous !== undefined) twice += previous[0] * y2 - x2 * previous[1];
    previous = [x2, y2];
  }
  return Math.abs(twice) / 2;
}

const ringSchema = z
  .array(positionSchema, { error: '应为坐标点列表' })
  .min(4, { error: '少于 4 个点' })
  .refine(
    (ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    },
    { error: '未闭合（首尾两点须相同）' },
  )
  .refine((ring) => ring.length < 4 || ringAreaSquareMeters(ring) >= MIN_RING_AREA_SQUARE_METERS, {
    error: '面积为零（各点共线或重合）',
  });

const polygonSchema = z.array(ringSchema, { error: '为空或格式不正确' }).min(1, { error: '为空或格式不正确' });

const geometrySchema = z.discriminatedUnion(
  'type',
  [
    z.looseObject({ type: z.literal('Polygon'), coordinates: polygonSchema }),
    z.looseObject({
      type: z.literal('MultiPolygon'),
      coordinates: z.array(polygonSchema, { error: '为空或格式不正确' }).min(1, { error: '为空或格式不正确' }),
    }),
  ],
  {
    error: (issue) => (issue.input === undefined || issue.input === null ? '缺少边界 geometry' : '的边界须为 Polygon 或 MultiPolygon'),
  },
);

function requiredText(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `缺少${label}` : `的${label} 须为文字`) })
    .trim()
    .min(1, { error: `的${label} 为空` })
    .max(GRID_TEXT_MAX_LENGTH, { error: `的${label} 过长（最多 ${GRID_TEXT_MAX_LENGTH} 字）` });
}

/** Absent, null and blank all mean "not given": GIS tools export empty attributes all three ways. */
function optionalText(label: string) {
  return z
    .string({ error: `的${label} 须为文字` })
    .trim()
    .max(GRID_TEXT_MAX_LENGTH, { error: `的${label} 过长（最多 ${GRID_TEXT_MAX_LENGTH} 字）` })
    .nullish()
    .transform((value) => (value === undefined || value === null || value === '' ? null : value));
}

const householdsMessage = '的户数 households 须为正整数';

/**
 * Grid codes are identifiers the whole API uses (invite scopes, transfer targets): letters,
 * digits, '.', '_' and '-', at most 40 — the shape of the codes civil-affairs systems issue.
 */
export const GRID_CODE_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

const propertiesSchema = z.looseObject(
  {
    code: requiredText('编号 code').pipe(
      z.string().regex(GRID_CODE_PATTERN, { error: '的编号 code 只能由字母、数字、点、下划线和短横线组成（最多 40 位）' }),
    ),
    name: requiredText('名称 name'),
    community: optionalText('社区 community'),
    street: optionalText('街道 street'),
    district: optionalText('区 district'),
    households: z
      .int({ error: householdsMessage })
      .positive({ error: householdsMessage })
      .nullish()
      .transform((value) => value ?? null),
  },
  { error: '缺少属性 properties' },
);

const featureSchema = z.looseObject(
  {
    type: z.literal('Feature', { error: '不是 GeoJSON Feature（type 应为 "Feature"）' }),
    properties: propertiesSchema,
    geometry: geometrySchema,
  },
  { error: '不是 GeoJSON Feature' },
);

const collectionSchema = z.looseObject(
  {
    type: z.literal('FeatureCollection', { error: '导入内容须为 GeoJSON FeatureCollection' }),
    features: z.array(z.unknown(), { error: '缺少网格列表 features' }),
  },
  { error: '导入内容须为 GeoJSON FeatureCollection' },
);

type ParsedFeature = z.infer<typeof featureSchema>;

/**
 * Validate a grid import and convert it to GCJ-02. All problems are reported at once (up to
 * MAX_IMPORT_ISSUES), so one upload round is enough to fix a file; nothing is half-accepted.
 */
export function parseGridImport(geojson: unknown, crs: Crs): GridImportResult {
  if (!crsSchema.safeParse(crs).success) {
    return { ok: false, issues: [{ path: 'crs', message: '坐标系 crs 须为 wgs84 或 gcj02' }] };
  }
  const collection = collectionSchema.safeParse(geojson);
  if (!collection.success) {
    // Not a FeatureCollection at all: its missing `features` would only be noise after that.
    const [first] = collection.error.issues;
    return {
      ok: false,
      issues: [{ path: formatPath(first?.path ?? []), message: first?.message ?? '导入内容须为 GeoJSON FeatureCollection' }],
    };
  }
  const rawFeatures = collection.data.features;
  if (rawFeatures.length === 0) return { ok: false, issues: [{ path: 'features', message: '导入内容中没有网格' }] };

  const issues: ImportIssue[] = [];
  const parsed: ParsedFeature[] = [];
  const firstIndexOfCode = new Map<string, number>();
  rawFeatures.forEach((raw, index) => {
    const result = featureSchema.safeParse(raw);
    if (result.success) {
      const { code } = result.data.properties;
      const first = firstIndexOfCode.get(code);
      if (first === undefined) firstIndexOfCode.set(code, index);
      else {
        issues.push({
          path: `features[${index}].properties.code`,
          message: `第 ${index + 1} 个网格的编号 ${code} 与第 ${first + 1} 个网格重复`,
        });
      }
      parsed.push(result.data);
      return;
    }
    issues.push(...describeFeatureIssues(raw, index, result.error.issues));
  });
  if (issues.length > 0) return { ok: false, issues: capped(issues) };

  const toGcj02 = crs === 'wgs84' ? wgs84ToGcj02 : keepPosition;
  return { ok: true, grids: parsed.map((feature) => toGridShape(feature, toGcj02)) };
}

function wgs84ToGcj02(lng: number, lat: number): Position {
  const [x, y] = gcoord.transform<[number, number]>([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  return [x, y];
}

function keepPosition(lng: number, lat: number): Position {
  return [lng, lat];
}

function toGridShape(feature: ParsedFeature, convert: (lng: number, lat: number) => Position): GridShape {
  const { properties, geometry } = feature;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Altitude is dropped; a shared vertex converts to the same position in every grid that has it.
  const polygons: MultiPolygonCoordinates = parts.map((rings) =>
    rings.map((ring) => ring.map(([lng = NaN, lat = NaN]) => convert(lng, lat))),
  );
  return {
    code: properties.code,
    name: properties.name,
    community: properties.community,
    street: properties.street,
    district: properties.district,
    households: properties.households,
    polygons,
    bbox: boundingBox(polygons) as BBox,
  };
}

type IssuePath = readonly PropertyKey[];

function describeFeatureIssues(raw: unknown, index: number, zodIssues: readonly { path: IssuePath; message: string }[]): ImportIssue[] {
  const record = isRecord(raw) ? raw : {};
  const properties = isRecord(record.properties) ? record.properties : {};
  const geometry = isRecord(record.geometry) ? record.geometry : {};
  const code = typeof properties.code === 'string' && properties.code.trim() !== '' ? properties.code.trim() : null;
  const prefix = `第 ${index + 1} 个网格${code === null ? '' : `（${code}）`}`;
  const multi = geometry.type === 'MultiPolygon';

  const seenRings = new Set<string>();
  const issues: ImportIssue[] = [];
  for (const issue of zodIssues) {
    const path = `features[${index}]${formatPath(issue.path, true)}`;
    if (issue.path[0] === 'geometry' && issue.path[1] === 'coordinates') {
      const below = issue.path.slice(2);
      // One message per ring: a bad ring tends to be bad in many places at once.
      const ringKey = below.slice(0, multi ? 2 : 1).join('.');
      if (seenRings.has(ringKey)) continue;
      seenRings.add(ringKey);
      issues.push({ path, message: `${prefix}的${describeCoordinates(below, multi)}${issue.message}` });
    } else {
      issues.push({ path, message: `${prefix}${issue.message}` });
    }
  }
  return uniqueBy(issues);
}

/** "外边界第 3 个点", "第 2 块的第 1 个内洞", "边界坐标" … */
function describeCoordinates(below: IssuePath, multi: boolean): string {
  const [part, ring, point] = multi ? below : [undefined, ...below];
  if (multi && typeof part !== 'number') return '边界坐标';
  if (!multi && typeof ring !== 'number') return '边界坐标';
  const partText = multi ? `第 ${(part as number) + 1} 块` : '';
  if (typeof ring !== 'number') return partText;
  const ringText = ring === 0 ? '外边界' : `第 ${ring} 个内洞`;
  const pointText = typeof point === 'number' ? `第 ${point + 1} 个点` : '';
  return `${partText}${multi ? '的' : ''}${ringText}${pointText}`;
}

function formatPath(path: IssuePath, relative = false): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return relative || !text.startsWith('.') ? text : text.slice(1);
}

function uniqueBy(issues: ImportIssue[]): ImportIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capped(issues: ImportIssue[]): ImportIssue[] {
  if (issues.length <= MAX_IMPORT_ISSUES) return issues;
  const shown = issues.slice(0, MAX_IMPORT_ISSUES);
  shown.push({ path: '', message: `另有 ${issues.length - MAX_IMPORT_ISSUES} 处问题未列出` });
  return shown;
}
