// A packed routing snapshot: the grid index's typed arrays and the grids' place names in one
// binary blob, written when grids are imported, so a cold function instance gets a working index
// by wrapping views around the bytes instead of parsing GeoJSON and building the index again.
// Layout (little-endian, every section 8-byte aligned): a header of counts and the bucket lattice,
// then polygonBox, coords (f64), polygonGrid, ringStart, positionStart, bucket start and items,
// string offsets (u32), and the UTF-8 strings — five per grid: code, name, community, street,
// district ('' stands for null: imports never keep a blank name).
import { packGrids, type Buckets, type GridIndex, type RoutableGrid, type StringTable } from './grid-index';

/** What routing hands on about a grid: its code and the places it belongs to. */
export interface GridPlace {
  readonly code: string;
  readonly name: string;
  readonly community: string | null;
  readonly street: string | null;
  readonly district: string | null;
}

export interface GridSnapshot {
  readonly index: GridIndex;
  /** The place of grid `id` (an id from the index). */
  place(id: number): GridPlace;
}

const MAGIC = 0x49474a59; // 'YJGI'
const FORMAT = 1;
const FIELDS = 5;
const COUNTS = 8;
const FLOATS = 6;
const HEADER_BYTES = 8 + 4 * COUNTS + 8 * FLOATS;

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface Sizes {
  grids: number;
  polygons: number;
  rings: number;
  positions: number;
  columns: number;
  rows: number;
  items: number;
  stringBytes: number;
}

/** Byte offsets of every section, and the total length, from the counts alone. */
function layout(s: Sizes) {
  let at = HEADER_BYTES;
  const take = (bytes: number): number => {
    const start = at;
    at = align8(at + bytes);
    return start;
  };
  const sections = {
    polygonBox: take(8 * 4 * s.polygons),
    coords: take(8 * 2 * s.positions),
    polygonGrid: take(4 * s.polygons),
    ringStart: take(4 * (s.polygons + 1)),
    positionStart: take(4 * (s.rings + 1)),
    bucketStart: take(4 * (s.columns * s.rows + 1)),
    items: take(4 * s.items),
    stringOffsets: take(4 * (s.grids * FIELDS + 1)),
    strings: take(s.stringBytes),
  };
  return { sections, total: at };
}

/** Packs grids (with their places) into a snapshot. Grids without any position are left out, as the index does. */
export function packGridSnapshot(grids: readonly (RoutableGrid & Omit<GridPlace, 'code'>)[]): Uint8Array {
  if (!littleEndian) throw new Error('grid snapshots are little-endian');
  const { index, ordered } = packGrids(grids);
  const encoder = new TextEncoder();
  const encoded = ordered.flatMap((g) =>
    [g.code, g.name, g.community ?? '', g.street ?? '', g.district ?? ''].map((text) => encoder.encode(text)),
  );
  const stringBytes = encoded.reduce((n, e) => n + e.length, 0);
  const b = index.buckets;
  const sizes: Sizes = {
    grids: ordered.length,
    polygons: index.polygonGrid.length,
    rings: index.ringStart[index.polygonGrid.length] as number,
    positions: index.coords.length / 2,
    columns: b.columns,
    rows: b.rows,
    items: b.items.length,
    stringBytes,
  };
  const { sections, total } = layout(sizes);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  [sizes.grids, sizes.polygons, sizes.rings, sizes.positions, sizes.columns, sizes.rows, sizes.items, sizes.stringBytes].forEach((n, i) =>
    view.setUint32(8 + 4 * i, n, true),
  );
  [b.minLng, b.minLat, b.maxLng, b.maxLat, b.lngScale, b.latScale].forEach((x, i) => view.setFloat64(8 + 4 * COUNTS + 8 * i, x, true));
  const put = (at: number, array: Float64Array | Uint32Array): void =>
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
  put(sections.polygonBox, index.polygonBox);
  put(sections.coords, index.coords);
  put(sections.polygonGrid, index.polygonGrid);
  put(sections.ringStart, index.ringStart);
  put(sections.positionStart, index.positionStart);
  put(sections.bucketStart, b.start);
  put(sections.items, b.items);
  const offsets = new Uint32Array(encoded.length + 1);
  let at = 0;
  encoded.forEach((e, i) => {
    bytes.set(e, sections.strings + at);
    at += e.length;
    offsets[i + 1] = at;
  });
  put(sections.stringOffsets, offsets);
  return bytes;
}

function malformed(what: string): never {
  throw new RangeError(`网格快照无效：${what}`);
}

/** True when the array never decreases, starts at 0 and ends at `last`. */
function runsUpTo(array: Uint32Array, last: number, strictly = false): boolean {
  if (array[0] !== 0 || array[array.length - 1] !== last) return false;
  for (let i = 1; i < array.length; i += 1) {
    const step = (array[i] as number) - (array[i - 1] as number);
    if (step < 0 || (strictly && step === 0)) return false;
  }
  return true;
}

function allBelow(array: Uint32Array, limit: number): boolean {
  for (let i = 0; i < array.length; i += 1) if ((array[i] as number) >= limit) return false;
  return true;
}

/**
 * Wraps a snapshot's bytes (no copy when they are 8-byte aligned). Checks the header and that every
 * offset stays inside its section, so a truncated or mismatched blob fails here, not in a lookup.
 */
export function loadGridSnapshot(input: Uint8Array): GridSnapshot {
  if (!littleEndian) throw new Error('grid snapshots are little-endian');
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  if (bytes.byteLength < HEADER_BYTES) malformed('太短');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== FORMAT) malformed('格式标记不符');
  const count = (i: number): number => view.getUint32(8 + 4 * i, true);
  const sizes: Sizes = {
    grids: count(0),
    polygons: count(1),
    rings: count(2),
    positions: count(3),
    columns: count(4),
    rows: count(5),
    items: count(6),
    stringBytes: count(7),
  };
  const float = (i: number): number => view.getFloat64(8 + 4 * COUNTS + 8 * i, true);
  const { sections, total } = layout(sizes);
  if (total !== bytes.byteLength) malformed(`长度 ${bytes.byteLength}，应为 ${total}`);
  if (sizes.columns < 1 || sizes.rows < 1) malformed('分桶为空');
  const f64 = (at: number, n: number): Float64Array => new Float64Array(bytes.buffer, bytes.byteOffset + at, n);
  const u32 = (at: number, n: number): Uint32Array => new Uint32Array(bytes.buffer, bytes.byteOffset + at, n);

  const polygonGrid = u32(sections.polygonGrid, sizes.polygons);
  const ringStart = u32(sections.ringStart, sizes.polygons + 1);
  const positionStart = u32(sections.positionStart, sizes.rings + 1);
  const start = u32(sections.bucketStart, sizes.columns * sizes.rows + 1);
  const items = u32(sections.items, sizes.items);
  const offsets = u32(sections.stringOffsets, sizes.grids * FIELDS + 1);
  if (!runsUpTo(ringStart, sizes.rings, true)) malformed('环的起点');
  if (!runsUpTo(positionStart, sizes.positions)) malformed('坐标的起点');
  if (!runsUpTo(start, sizes.items)) malformed('分桶的起点');
  if (!runsUpTo(offsets, sizes.stringBytes)) malformed('文字的起点');
  if (!allBelow(polygonGrid, sizes.grids) || !allBelow(items, sizes.polygons)) malformed('编号越界');

  const strings = bytes.subarray(sections.strings, sections.strings + sizes.stringBytes);
  const decoder = new TextDecoder();
  const decoded: (string | undefined)[] = new Array(sizes.grids * FIELDS);
  const text = (i: number): string => {
    let s = decoded[i];
    if (s === undefined) {
      s = decoder.decode(strings.subarray(offsets[i] as number, offsets[i + 1] as number));
      decoded[i] = s;
    }
    return s;
  };
  const orNull = (s: string): string | null => (s === '' ? null : s);
  const codes: StringTable = { size: sizes.grids, get: (id) => text(id * FIELDS) };
  const buckets: Buckets = {
    minLng: float(0),
    minLat: float(1),
    maxLng: float(2),
    maxLat: float(3),
    columns: sizes.columns,
    rows: sizes.rows,
    lngScale: float(4),
    latScale: float(5),
    start,
    items,
  };
  const index: GridIndex = {
    codes,
    polygonGrid,
    polygonBox: f64(sections.polygonBox, 4 * sizes.polygons),
    ringStart,
    positionStart,
    coords: f64(sections.coords, 2 * sizes.positions),
    buckets,
  };
  return {
    index,
    place: (id) => {
      if (!(id >= 0 && id < sizes.grids)) throw new RangeError(`no grid ${id}`);
      const base = id * FIELDS;
      return {
        code: text(base),
        name: text(base + 1),
        community: orNull(text(base + 2)),
        street: orNull(text(base + 3)),
        district: orNull(text(base + 4)),
      };
    },
  };
}
