// A realistic lattice of grids around 张店区, Zibo (GCJ-02), shared by the routing tests, the
// benchmark and the demo seed. Neighbouring grids share their boundary vertices exactly, as a
// surveyed tiling does, and everything is derived from a seed: same options, same grids.
import {
  METERS_PER_DEGREE,
  boundingBox,
  metersPerDegreeLongitude,
  type BBox,
  type GeoPoint,
  type GridShape,
  type LinearRing,
} from '../../cloudfunctions/_core/domain/routing';
import { cellRing, edgeMaker, positionsAround } from './lattice-geometry';

/** xorshift32: a tiny deterministic generator; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

export const ZHANGDIAN_CENTRE: GeoPoint = { latitude: 36.81, longitude: 118.05 };

export interface LatticeOptions {
  /** Number of grids. */
  count: number;
  seed?: number;
  /** Side of a cell; 250 m holds the 300–400 households of a grid in a dense district. */
  cellMeters?: number;
  /** Corner displacement as a fraction of the cell side; 0 gives exact squares. */
  jitter?: number;
  /** Extra vertices along every edge, bent a little, as boundaries that follow streets are. */
  edgeVertices?: number;
  centre?: GeoPoint;
}

export interface Lattice {
  grids: GridShape[];
  columns: number;
  rows: number;
  bbox: BBox;
  /** Longitudes of the column lines and latitudes of the row lines (straight only when jitter is 0). */
  columnLines: number[];
  rowLines: number[];
  /** The code of the cell at (column, row), counted from the south-west; undefined past `count`. */
  codeAt(column: number, row: number): string | undefined;
}

const STREETS = [
  '车站街道',
  '和平街道',
  '科苑街道',
  '体育场街道',
  '公园街道',
  '湖田街道',
  '马尚街道',
  '四宝山街道',
  '房镇镇',
  '南定镇',
  '沣水镇',
  '中埠镇',
];
const COMMUNITY_STEMS = [
  '华光',
  '金晶',
  '共青团',
  '人民',
  '建设',
  '兴学',
  '世纪',
  '新村',
  '柳泉',
  '金茂',
  '西二',
  '东一',
  '北西五',
  '南苑',
  '银座',
  '杏园',
  '丰泽',
  '联通',
  '鲁泰',
  '齐盛',
  '华润',
  '富康',
  '凯瑞',
  '嘉和',
  '泰和',
  '双山',
  '傅家',
  '洪沟',
  '万杰',
  '宝山',
];

/** Past the stems, names take a suffix so they stay unique: 华光东社区, 华光西社区 … */
const COMMUNITY_VARIANTS = ['', '东', '西', '南', '北', '新', '中', '前', '后'];

/** Cells of 3 × 3 make a community; communities of 4 × 4 make a street. */
const COMMUNITY_SPAN = 3;
const STREET_SPAN = COMMUNITY_SPAN * 4;

export function zhangdianLattice(options: LatticeOptions): Lattice {
  const { count, seed = 20261122, cellMeters = 250, jitter = 0.12, edgeVertices = 2, centre = ZHANGDIAN_CENTRE } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
  const random = seededRandom(seed);
  const spread = (fraction: number): number => (random() * 2 - 1) * fraction * cellMeters;
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const toPosition = positionsAround(centre);

  // Corners in metres from the centre, each displaced once so every cell that shares it agrees.
  const corner: [number, number][][] = [];
  for (let i = 0; i <= columns; i += 1) {
    corner.push([]);
    for (let j = 0; j <= rows; j += 1) {
      const x = (i - columns / 2) * cellMeters + spread(jitter);
      const y = (j - rows / 2) * cellMeters + spread(jitter);
      corner[i]?.push([x, y]);
    }
  }
  const cornerAt = (i: number, j: number): [number, number] => corner[i]?.[j] ?? [0, 0];
  const between = edgeMaker({ cornerAt, toPosition, vertices: () => edgeVertices, bend: () => spread(jitter / 3) });

  const codes = new Map<string, string>();
  const grids: GridShape[] = [];
  const streetColumns = Math.ceil(columns / STREET_SPAN);
  for (let index = 0; index < count; index += 1) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const streetNo = Math.floor(row / STREET_SPAN) * streetColumns + Math.floor(column / STREET_SPAN) + 1;
    const communityNo =
      Math.floor((row % STREET_SPAN) / COMMUNITY_SPAN) * (STREET_SPAN / COMMUNITY_SPAN) +
      Math.floor((column % STREET_SPAN) / COMMUNITY_SPAN) +
      1;
    const gridNo = (row % COMMUNITY_SPAN) * COMMUNITY_SPAN + (column % COMMUNITY_SPAN) + 1;
    const street = STREETS[streetNo - 1] ?? `第${streetNo}街道`;
    const stemIndex = (streetNo - 1) * 16 + communityNo - 1;
    const stem = COMMUNITY_STEMS[stemIndex % COMMUNITY_STEMS.length] ?? '新建';
    const round = Math.floor(stemIndex / COMMUNITY_STEMS.length);
    const variant = COMMUNITY_VARIANTS[round % COMMUNITY_VARIANTS.length] ?? '';
    const lap = Math.floor(round / COMMUNITY_VARIANTS.length);
    const community = `${stem}${variant}${lap === 0 ? '' : lap + 1}社区`;
    const code = `370303-${pad(streetNo, 2)}-${pad(communityNo, 3)}-${pad(gridNo, 2)}`;
    codes.set(`${column},${row}`, code);

    const ring = cellRing(column, row, cornerAt, toPosition, between);
    const polygons: readonly (readonly LinearRing[])[] = [[ring]];
    grids.push({
      code,
      name: `${community}第${gridNo}网格`,
      community,
      street,
      district: '张店区',
      households: 300 + Math.floor(random() * 101),
      polygons,
      bbox: boundingBox(polygons) as BBox,
    });
  }

  const bbox = grids.reduce<BBox>(
    (acc, grid) => [
      Math.min(acc[0], grid.bbox[0]),
      Math.min(acc[1], grid.bbox[1]),
      Math.max(acc[2], grid.bbox[2]),
      Math.max(acc[3], grid.bbox[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  return {
    grids,
    columns,
    rows,
    bbox,
    columnLines: Array.from({ length: columns + 1 }, (_, i) => toPosition(cornerAt(i, 0)[0], 0)[0]),
    rowLines: Array.from({ length: rows + 1 }, (_, j) => toPosition(0, cornerAt(0, j)[1])[1]),
    codeAt: (column, row) => codes.get(`${column},${row}`),
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A uniformly random point in the box widened by `marginMeters` on every side. */
export function randomPointIn(bbox: BBox, random: () => number, marginMeters = 0): GeoPoint {
  const dLat = marginMeters / METERS_PER_DEGREE;
  const dLng = marginMeters / metersPerDegreeLongitude((bbox[1] + bbox[3]) / 2);
  return {
    longitude: bbox[0] - dLng + random() * (bbox[2] - bbox[0] + 2 * dLng),
    latitude: bbox[1] - dLat + random() * (bbox[3] - bbox[1] + 2 * dLat),
  };
}

/** The grids as the GeoJSON an admin would upload with crs 'gcj02'. */
export function toFeatureCollection(grids: readonly GridShape[]): {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: {
      code: string;
      name: string;
      community: string | null;
      street: string | null;
      district: string | null;
      households: number | null;
    };
    geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  }[];
} {
  return {
    type: 'FeatureCollection',
    features: grids.map((grid) => {
      const parts = grid.polygons.map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => [lng, lat])));
      return {
        type: 'Feature',
        properties: {
          code: grid.code,
          name: grid.name,
          community: grid.community,
          street: grid.street,
          district: grid.district,
          households: grid.households,
        },
        geometry:
          parts.length === 1 && parts[0] !== undefined
            ? { type: 'Polygon', coordinates: parts[0] }
            : { type: 'MultiPolygon', coordinates: parts },
      };
    }),
  };
}
