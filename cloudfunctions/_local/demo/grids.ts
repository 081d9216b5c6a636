// The demo community: 张店区 · 车站街道 · 华光社区, six grids of 320–380 households in a 3 × 2
// block near the city centre of Zibo. Borders are shared exactly (neighbouring grids use the
// same vertices) and bend a little, as real grid lines follow streets. Coordinates are GCJ-02.

/** Vertex lattice: 4 columns × 3 rows of corners, hand-nudged so edges are not ruler-straight. */
const LNG = [118.0392, 118.0421, 118.0449, 118.0478];
const LAT = [36.8146, 36.8124, 36.8101];
const NUDGE: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  [
    [0, 0],
    [0.0001, 0.00004],
    [-0.00006, 0.00003],
    [0, 0],
  ],
  [
    [0, -0.00003],
    [0.00007, -0.00002],
    [-0.00004, 0.00006],
    [0, 0.00002],
  ],
  [
    [0, 0],
    [-0.00005, -0.00002],
    [0.00003, 0],
    [0, 0],
  ],
];

const corner = (col: number, row: number): [number, number] => {
  const [dLng, dLat] = NUDGE[row]?.[col] ?? [0, 0];
  return [Number(((LNG[col] ?? 0) + dLng).toFixed(6)), Number(((LAT[row] ?? 0) + dLat).toFixed(6))];
};

const HOUSEHOLDS = [356, 332, 371, 348, 325, 380];
const NAMES = [
  '第一网格（华光路北）',
  '第二网格（人民西路）',
  '第三网格（共青团路）',
  '第四网格（华光路南）',
  '第五网格（金晶大道）',
  '第六网格（铁路宿舍）',
];

export const DEMO_PLACE = { district: '张店区', street: '车站街道', community: '华光社区' } as const;

export function demoGridCode(n: number): string {
  return `ZD-CZ-HG-${String(n).padStart(2, '0')}`;
}

export function demoGeoJson(): { type: 'FeatureCollection'; features: unknown[] } {
  const features: unknown[] = [];
  for (let row = 0; row < 2; row += 1) {
    for (let col = 0; col < 3; col += 1) {
      const n = row * 3 + col + 1;
      const ring = [corner(col, row), corner(col + 1, row), corner(col + 1, row + 1), corner(col, row + 1), corner(col, row)];
      features.push({
        type: 'Feature',
        properties: {
          code: demoGridCode(n),
          name: `华光社区${NAMES[n - 1]}`,
          community: DEMO_PLACE.community,
          street: DEMO_PLACE.street,
          district: DEMO_PLACE.district,
          households: HOUSEHOLDS[n - 1],
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** A point well inside demo grid n (1–6), for examples and tests. */
export function demoPointIn(n: number): { latitude: number; longitude: number } {
  const row = Math.floor((n - 1) / 3);
  const col = (n - 1) % 3;
  const [a, b] = [corner(col, row), corner(col + 1, row + 1)];
  return { longitude: Number(((a[0] + b[0]) / 2).toFixed(6)), latitude: Number(((a[1] + b[1]) / 2).toFixed(6)) };
}
