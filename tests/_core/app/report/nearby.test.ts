// report.nearby ("同一个问题?"): before a new ticket is made, the open tickets of the same category
// within 50 m from the last 24 hours — nearest first, with number, status, a short excerpt and the
// distance, never who reported them. It reads only: nothing is stored.
import { metersPerDegreeLongitude, METERS_PER_DEGREE } from '../../../../cloudfunctions/_core/domain/routing';
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectNoneOf, expectRefused, expectUnchanged, fileReport, freshResidents, TUESDAY } from '../../../support/flows';

const app = useTestApp(seedCommunity);

const HOUR = 60 * 60 * 1000;

/** Spots ≥ 150 m apart inside the demo community, one per test, so tests do not see each other's tickets. */
const SPOTS = [
  [36.811, 118.04],
  [36.811, 118.042],
  [36.811, 118.044],
  [36.811, 118.046],
  [36.8125, 118.04],
  [36.8125, 118.042],
  [36.8125, 118.044],
  [36.8125, 118.046],
  [36.814, 118.04],
  [36.814, 118.042],
  [36.814, 118.044],
  [36.814, 118.046],
] as const;
let spotIndex = 0;
function nextSpot(): { latitude: number; longitude: number } {
  const spot = SPOTS[spotIndex];
  spotIndex += 1;
  if (!spot) throw new Error('out of test spots');
  return { latitude: spot[0], longitude: spot[1] };
}
/** A point `north` and `east` metres from `from`. */
const offset = (from: { latitude: number; longitude: number }, north: number, east = 0) => ({
  latitude: from.latitude + north / METERS_PER_DEGREE,
  longitude: from.longitude + east / metersPerDegreeLongitude(from.latitude),
});

const nextResident = freshResidents('nearby-resident');
const reportAt = (location: { latitude: number; longitude: number }, overrides: Partial<Api.ReportSubmitParams> = {}) =>
  fileReport(app, nextResident(), { location: { ...location, address: '华光路 8 号' }, ...overrides });
const nearby = async (location: { latitude: number; longitude: number }, category = 'sanitation', who = 'neighbour') =>
  (await app.ok(who, 'report.nearby', { category, location })).items;

describe('report.nearby', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('offers an open ticket of the same category 30 m away, without any reporter data', async () => {
    const spot = nextSpot();
    const description = '小区东门口垃圾桶满了两天没人清运，苍蝇很多，气味很大，老人孩子进出都要捂着鼻子走，希望尽快处理一下';
    const { id, no, resident } = await reportAt(spot, { description, contactPhone: '13112345678' });
    app.setNow(new Date(new Date(TUESDAY).getTime() + HOUR));
    const items = await nearby(offset(spot, 30));
    expect(items).toEqual([
      {
        id,
        no,
        status: 'submitted',
        category: 'sanitation',
        description: `${Array.from(description).slice(0, 30).join('')}…`,
        distanceMeters: 30,
        createdAt: TUESDAY,
      },
    ]);
    expectNoneOf(items, [resident, '13112345678', '华光路 8 号']);
  });

  test('a 代报 ticket shows neither the resident’s name nor their phone', async () => {
    const spot = nextSpot();
    const { ticketId } = await app.ok(
      'worker-1',
      'report.submit',
      reportParams({ location: spot, onBehalfOf: { name: '王大爷', phone: '13012345678' }, description: '王大爷反映楼下垃圾没人清运' }),
    );
    const items = await nearby(offset(spot, 10));
    expect(items.map((i) => i.id)).toEqual([ticketId]);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['category', 'createdAt', 'description', 'distanceMeters', 'id', 'no', 'status']);
    expect(JSON.stringify(items)).not.toContain('13012345678');
    expect(JSON.stringify(items)).not.toContain('worker-1');
  });

  test('within 50 m only, nearest first: 45 m in; 60 m and 40 m × 40 m diagonally (57 m) out', async () => {
    const spot = nextSpot();
    const near = await reportAt(offset(spot, 45));
    const nearer = await reportAt(offset(spot, -20));
    const far = await reportAt(offset(spot, 60));
    const corner = await reportAt(offset(spot, 40, 40)); // inside the search box, outside the circle
    const items = await nearby(spot);
    expect(items.map((i) => i.id)).toEqual([nearer.id, near.id]);
    expect(items.map((i) => i.distanceMeters)).toEqual([20, 45]);
    expect(items.map((i) => i.id)).not.toContain(far.id);
    expect(items.map((i) => i.id)).not.toContain(corner.id);
  });

  test('not another category', async () => {
    const spot = nextSpot();
    const mine = await reportAt(spot, { category: 'facilities' });
    expect(await nearby(spot, 'sanitation')).toEqual([]);
    expect(await nearby(spot, 'dispute')).toEqual([]);
    expect((await nearby(spot, 'facilities')).map((i) => i.id)).toEqual([mine.id]);
    // A category nobody uses answers an empty list, not an error.
    expect(await nearby(spot, 'no-such-category')).toEqual([]);
  });

  test('accepted tickets are still open; resolved, closed, rejected and withdrawn ones are not offered', async () => {
    const spot = nextSpot();
    const accepted = await reportAt(spot);
    await app.ok('community-1', 'ticket.accept', { ticketId: accepted.id, complexity: 'normal' });
    const resolved = await reportAt(offset(spot, 5));
    await app.ok('community-1', 'ticket.accept', { ticketId: resolved.id, complexity: 'normal' });
    await app.ok('community-1', 'ticket.resolve', { ticketId: resolved.id, result: '已清运' });
    const closed = await reportAt(offset(spot, 10));
    await app.ok('community-1', 'ticket.accept', { ticketId: closed.id, complexity: 'normal' });
    await app.ok('community-1', 'ticket.resolve', { ticketId: closed.id, result: '已清运' });
    await app.ok(closed.resident, 'report.rate', { ticketId: closed.id, rating: 'satisfied' });
    const rejected = await reportAt(offset(spot, 15));
    await app.ok('community-1', 'ticket.reject', { ticketId: rejected.id, reason: '重复上报' });
    const withdrawn = await reportAt(offset(spot, 20));
    await app.ok(withdrawn.resident, 'report.withdraw', { ticketId: withdrawn.id });

    const items = await nearby(spot);
    expect(items.map((i) => [i.id, i.status])).toEqual([[accepted.id, 'accepted']]);
  });

  test('from the last 24 hours only', async () => {
    const spot = nextSpot();
    const old = await reportAt(spot);
    app.setNow(new Date(new Date(TUESDAY).getTime() + 23 * HOUR));
    const recent = await reportAt(offset(spot, 10));
    expect((await nearby(spot)).map((i) => i.id)).toEqual([old.id, recent.id]);
    app.setNow(new Date(new Date(TUESDAY).getTime() + 24 * HOUR + 60_000));
    expect((await nearby(spot)).map((i) => i.id)).toEqual([recent.id]);
  });

  test('staff may ask too; asking stores nothing', async () => {
    const spot = nextSpot();
    const { id } = await reportAt(spot);
    await expectUnchanged(app, async () => {
      expect((await nearby(spot, 'sanitation', 'worker-2')).map((i) => i.id)).toEqual([id]);
      expect((await nearby(spot, 'sanitation', 'fresh-resident')).map((i) => i.id)).toEqual([id]);
    });
  });

  test('no caller → UNAUTHENTICATED', async () => {
    expect(await app.call(null, 'report.nearby', { category: 'sanitation', location: nextSpot() })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test.each([
    ['missing location', { category: 'sanitation' }],
    ['missing category', { location: { latitude: 36.8135, longitude: 118.0406 } }],
    ['latitude as a string', { category: 'sanitation', location: { latitude: '36.8135', longitude: 118.0406 } }],
    ['outside China', { category: 'sanitation', location: { latitude: 51.5, longitude: -0.12 } }],
    ['operator as category', { category: { $ne: null }, location: { latitude: 36.8135, longitude: 118.0406 } }],
    ['operator as latitude', { category: 'sanitation', location: { latitude: { $gt: 0 }, longitude: 118.0406 } }],
    ['unknown field in location', { category: 'sanitation', location: { latitude: 36.8135, longitude: 118.0406, radius: 5000 } }],
    ['unknown field', { category: 'sanitation', location: { latitude: 36.8135, longitude: 118.0406 }, radiusMeters: 5000 }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, params) => {
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('neighbour', { action: 'report.nearby', params }));
  });
});
