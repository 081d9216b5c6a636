// grids.pick: the transfer picker — the grids of the ticket's district by code, or of one
// community of that district; never another district's grids, never the polygons.
import { ADMIN, bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import { expectUnchanged, fileReport, freshResidents, HEPING, importNeighbourAreas } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await importNeighbourAreas(app);
  await bindStaff(app, 'worker-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
});

const nextResident = freshResidents('pick-resident');
const HUAGUANG = ['ZD-CZ-HG-01', 'ZD-CZ-HG-02', 'ZD-CZ-HG-03', 'ZD-CZ-HG-04', 'ZD-CZ-HG-05', 'ZD-CZ-HG-06'];

describe('grids.pick', () => {
  test("the ticket's district: every grid of 张店区 by code, not 周村区's", async () => {
    const ticket = await fileReport(app, nextResident());
    const page = await app.ok('worker-1', 'grids.pick', { ticketId: ticket.id });
    expect(page.items.map((g) => g.code)).toEqual([
      'ZD-CZ-HG-01',
      'ZD-CZ-HG-02',
      'ZD-CZ-HG-03',
      'ZD-CZ-HG-04',
      'ZD-CZ-HG-05',
      'ZD-CZ-HG-06',
      'ZD-HP-01',
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toEqual({ code: 'ZD-CZ-HG-01', name: '华光社区第一网格（华光路北）', community: '华光社区', street: '车站街道' });
  });

  test('one community of the district', async () => {
    const ticket = await fileReport(app, nextResident());
    const page = await app.ok('community-1', 'grids.pick', { ticketId: ticket.id, community: '华光社区' });
    expect(page.items.map((g) => g.code)).toEqual(HUAGUANG);
    expect(
      (
        await app.ok('worker-hp', 'grids.pick', {
          ticketId: (await fileReport(app, nextResident(), { location: HEPING })).id,
          community: '华光社区',
        })
      ).items.map((g) => g.code),
    ).toEqual(HUAGUANG);
  });

  test('a community of another district, or none → NOT_FOUND', async () => {
    const ticket = await fileReport(app, nextResident());
    for (const community of ['城北社区', '没有这个社区']) {
      expect(await app.call('worker-1', 'grids.pick', { ticketId: ticket.id, community })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '本区没有这个社区' },
      });
    }
  });

  test('pages by cursor through a large district', async () => {
    const features = Array.from({ length: 60 }, (_, i) => {
      const lng = 118.1 + (i % 10) * 0.003;
      const lat = 36.9 + Math.floor(i / 10) * 0.003;
      return {
        type: 'Feature',
        properties: {
          code: `ZD-BIG-${String(i).padStart(2, '0')}`,
          name: `大社区${i + 1}网格`,
          community: '大社区',
          street: '大街道',
          district: '张店区',
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lng, lat],
              [lng + 0.002, lat],
              [lng + 0.002, lat + 0.002],
              [lng, lat + 0.002],
              [lng, lat],
            ],
          ],
        },
      };
    });
    await app.ok(ADMIN, 'admin.grids.import', { crs: 'gcj02', geojson: { type: 'FeatureCollection', features } });
    const ticket = await fileReport(app, nextResident());
    const first = await app.ok('worker-1', 'grids.pick', { ticketId: ticket.id });
    expect(first.items).toHaveLength(50);
    const second = await app.ok('worker-1', 'grids.pick', { ticketId: ticket.id, cursor: first.nextCursor ?? '' });
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((g) => g.code);
    expect(all).toHaveLength(67);
    expect(all).toEqual([...all].sort());
  });

  test('a ticket the caller cannot see → NOT_FOUND; residents → FORBIDDEN; nothing changes', async () => {
    const ticket = await fileReport(app, nextResident());
    await expectUnchanged(app, async () => {
      expect(await app.call('worker-2', 'grids.pick', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await app.call(ticket.resident, 'grids.pick', { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  test.each([
    ['no ticket', {}],
    ['an operator as community', { ticketId: 'abc', community: { $ne: '' } }],
    ['a forged cursor', { ticketId: 'abc', cursor: 'bm8gc3VjaCBncmlkIQ' }],
    ['an unknown field', { ticketId: 'abc', district: '周村区' }],
  ])('%s → INVALID_INPUT', async (_name, params) => {
    const ticket = await fileReport(app, nextResident());
    const withTicket = 'ticketId' in params ? { ...params, ticketId: ticket.id } : params;
    expect(await app.raw('worker-1', { action: 'grids.pick', params: withTicket })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
