// admin.grids.list: the imported grids without polygons, ordered by code and paged by an opaque
// cursor (50 a page, never skip); staff only; optionally one community's.
import { ADMIN, bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import { CZ_SANITATION, createDepartment, expectRefused } from '../../../support/flows';

const CHINESE = /[\u4e00-\u9fa5]/;
const PAGE = 50;

// A 12 × 10 lattice of 120 cells far from the demo community: the first 50 in 格点甲社区, the
// other 70 in 格点乙社区. Codes sort in lattice order.
const LATTICE_SIZE = 120;
const latticeCode = (i: number): string => `LT-${String(i).padStart(3, '0')}`;
function lattice(): { type: 'FeatureCollection'; features: unknown[] } {
  const cell = 0.002;
  const features = Array.from({ length: LATTICE_SIZE }, (_, i) => {
    const x = 117.5 + (i % 12) * cell;
    const y = 36.5 + Math.floor(i / 12) * cell;
    const ring = [
      [x, y],
      [x + cell, y],
      [x + cell, y + cell],
      [x, y + cell],
      [x, y],
    ];
    return {
      type: 'Feature',
      properties: {
        code: latticeCode(i),
        name: `格点第${i + 1}网格`,
        community: i < 50 ? '格点甲社区' : '格点乙社区',
        street: '格点街道',
        district: '格点区',
        households: 300 + i,
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return { type: 'FeatureCollection', features };
}

const app = useTestApp(async () => {
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
  expect(await app.ok(ADMIN, 'admin.grids.import', { geojson: lattice(), crs: 'gcj02' })).toEqual({ imported: LATTICE_SIZE, replaced: 0 });
  await createDepartment(app, CZ_SANITATION);
});

/** Follows nextCursor to the end; returns the pages. */
async function allPages(openid: string, filter: { community?: string } = {}): Promise<Array<Api.Page<Api.GridSummary>>> {
  const pages: Array<Api.Page<Api.GridSummary>> = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard += 1) {
    const page = await app.ok(openid, 'admin.grids.list', { ...filter, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('paging never ended');
}

const DEMO_CODES = ['ZD-CZ-HG-01', 'ZD-CZ-HG-02', 'ZD-CZ-HG-03', 'ZD-CZ-HG-04', 'ZD-CZ-HG-05', 'ZD-CZ-HG-06'];
const ALL_CODES = [...Array.from({ length: LATTICE_SIZE }, (_, i) => latticeCode(i)), ...DEMO_CODES];

describe('admin.grids.list', () => {
  test('pages through 126 grids by cursor, 50 at a time, in code order, without duplicates or gaps', async () => {
    const pages = await allPages(ADMIN);
    expect(pages.map((p) => p.items.length)).toEqual([PAGE, PAGE, ALL_CODES.length - 2 * PAGE]);
    const codes = pages.flatMap((p) => p.items.map((g) => g.code));
    expect(codes).toEqual(ALL_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    // The cursor is opaque: not the code, not a number to skip by.
    for (const page of pages.slice(0, -1)) {
      expect(page.nextCursor).toMatch(/^[A-Za-z0-9_=-]+$/);
      expect(page.nextCursor).not.toMatch(/^\d+$/);
      expect(ALL_CODES).not.toContain(page.nextCursor);
    }
  });

  test('items carry the summary and bbox, never the polygons', async () => {
    const { items } = await app.ok(ADMIN, 'admin.grids.list', {});
    expect(items[0]).toEqual({
      code: 'LT-000',
      name: '格点第1网格',
      community: '格点甲社区',
      street: '格点街道',
      district: '格点区',
      households: 300,
      bbox: [117.5, 36.5, 117.502, 36.502],
    });
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual(['bbox', 'code', 'community', 'district', 'households', 'name', 'street']);
  });

  test('the same cursor twice gives the same page (stateless paging)', async () => {
    const first = await app.ok(ADMIN, 'admin.grids.list', {});
    const cursor = first.nextCursor ?? '';
    const a = await app.ok(ADMIN, 'admin.grids.list', { cursor });
    const b = await app.ok(ADMIN, 'admin.grids.list', { cursor });
    expect(b).toEqual(a);
    expect(a.items[0]?.code).toBe('LT-050');
  });

  test('a community filter: exactly one full page ends without a cursor', async () => {
    const pages = await allPages(ADMIN, { community: '格点甲社区' });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items.map((g) => g.code)).toEqual(ALL_CODES.slice(0, 50));
    expect(pages[0]?.nextCursor).toBeNull();
  });

  test('a community filter over more than a page follows the cursor within the community', async () => {
    const pages = await allPages(ADMIN, { community: '格点乙社区' });
    expect(pages.map((p) => p.items.length)).toEqual([50, 20]);
    const codes = pages.flatMap((p) => p.items.map((g) => g.code));
    expect(codes).toEqual(ALL_CODES.slice(50, 120));
    expect(pages.flatMap((p) => p.items).every((g) => g.community === '格点乙社区')).toBe(true);
  });

  test('the demo community, and an unknown one (empty, not an error)', async () => {
    const demo = await app.ok(ADMIN, 'admin.grids.list', { community: '华光社区' });
    expect(demo).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(demo.items.map((g) => g.code)).toEqual(DEMO_CODES);
    expect(await app.ok(ADMIN, 'admin.grids.list', { community: '没有这个社区' })).toEqual({ items: [], nextCursor: null });
  });

  test.each([
    ['worker-1', ['ZD-CZ-HG-01', 'ZD-CZ-HG-02']],
    ['community-1', DEMO_CODES],
    ['street-1', DEMO_CODES],
    ['district-1', DEMO_CODES],
  ])('staff (%s) see the grids of their own area only', async (openid, codes) => {
    expect((await app.ok(openid, 'admin.grids.list', {})).items.map((g) => g.code)).toEqual(codes);
    expect((await app.ok(openid, 'admin.grids.list', { community: '华光社区' })).items.map((g) => g.code)).toEqual(codes);
  });

  test('another area’s community → FORBIDDEN (or nothing, for a grid worker); a department handler sees no grids', async () => {
    for (const openid of ['community-1', 'street-1', 'district-1']) {
      await expectRefused(app, 'FORBIDDEN', () => app.call(openid, 'admin.grids.list', { community: '格点甲社区' }));
    }
    expect((await app.ok('worker-1', 'admin.grids.list', { community: '格点甲社区' })).items).toEqual([]);
    await bindStaff(app, 'dept-grids', 'deptHandler', { department: 'cz-sanitation' });
    await expectRefused(app, 'FORBIDDEN', () => app.call('dept-grids', 'admin.grids.list', {}));
  });

  test('residents → FORBIDDEN; no openid → UNAUTHENTICATED', async () => {
    const resident = await app.call('resident-a', 'admin.grids.list', {});
    expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!resident.ok) expect(resident.error.message).toMatch(CHINESE);
    expect(await app.call(null, 'admin.grids.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  describe('bad params → INVALID_INPUT, nothing changes', () => {
    test.each<[string, unknown]>([
      ['a cursor with spaces', { cursor: 'not a cursor' }],
      ['a cursor with slashes', { cursor: 'a/b+c' }],
      ['an empty cursor', { cursor: '' }],
      ['an over-long cursor', { cursor: 'A'.repeat(201) }],
      ['a numeric cursor', { cursor: 50 }],
      ['a null cursor', { cursor: null }],
      ['an operator object as cursor', { cursor: { $gt: '' } }],
      ['an operator object as community', { community: { $ne: null } }],
      ['an empty community', { community: '   ' }],
      ['an unknown field', { limit: 1000 }],
      ['skip-style paging', { skip: 50 }],
    ])('%s', async (_name, params) => {
      const error = await expectRefused(app, 'INVALID_INPUT', () => app.raw(ADMIN, { action: 'admin.grids.list', params }));
      expect(error.message).toMatch(CHINESE);
    });
  });
});
