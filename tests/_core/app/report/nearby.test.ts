// report.nearby ("同一个问题?"): before a new ticket is made, the open tickets of the same category
// within 50 m from the last 24 hours — newest first, with status, a masked excerpt and the hour,
// never who reported them, no identifier (an opaque ref only this caller can use to follow), no
// distance finer than 50 m; limited per person per hour. It stores only the caller's count.
import { metersPerDegreeLongitude, METERS_PER_DEGREE } from '../../../../cloudfunctions/_core/domain/routing';
import { FOLLOW_PURPOSE, FOLLOW_REF_MS, NEARBY_PER_HOUR } from '../../../../cloudfunctions/_core/app/report/nearby';
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectNoneOf, expectRefused, fileReport, freshResidents, TUESDAY } from '../../../support/flows';

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
let askers = 0;
/** Each call asks as a fresh neighbour (the hourly limit is tested on its own). */
const nearby = async (location: { latitude: number; longitude: number }, category = 'sanitation', who = `neighbour-${(askers += 1)}`) =>
  (await app.ok(who, 'report.nearby', { category, location })).items;
/** The ticket a ref stands for (the test opens it with the server's own sealer). */
const ticketOf = (item: Api.NearbyItem): string =>
  (app.server.deps.sealer.open(FOLLOW_PURPOSE, item.ref, app.server.deps.clock.now()) ?? '|').split('|')[0] ?? '';
const ids = (items: Api.NearbyItem[]): string[] => items.map(ticketOf);

describe('report.nearby', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('offers an open ticket of the same category 30 m away: masked excerpt, the hour, no identifier, no distance', async () => {
    const spot = nextSpot();
    const description = '小区东门口垃圾桶满了两天没人清运，电话13112345678，我是王建国，3号楼2单元501';
    const { id, no, resident } = await reportAt(spot, { description, contactPhone: '13112345678' });
    app.setNow(new Date(new Date(TUESDAY).getTime() + HOUR + 17 * 60_000));
    const items = await nearby(offset(spot, 30));
    expect(items).toEqual([
      {
        ref: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) as unknown as string,
        status: 'submitted',
        category: 'sanitation',
        categoryName: '环境卫生',
        description: '小区东门口垃圾桶满了两天没人清运，电话***********…',
        withinMeters: 50,
        reportedHour: '2026-11-24T02:00:00.000Z',
      },
    ]);
    expect(ids(items)).toEqual([id]);
    expectNoneOf(items, [id, no, resident, '13112345678', '华光路 8 号']);
  });

  test('a 代报 ticket shows neither the resident’s name nor their phone nor who filed it', async () => {
    const spot = nextSpot();
    const { ticketId } = await app.ok(
      'worker-1',
      'report.submit',
      reportParams({ location: spot, onBehalfOf: { name: '王大爷', phone: '13012345678' }, description: '我是王大爷，楼下垃圾没人清运' }),
    );
    const items = await nearby(offset(spot, 10));
    expect(ids(items)).toEqual([ticketId]);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual([
      'category',
      'categoryName',
      'description',
      'ref',
      'reportedHour',
      'status',
      'withinMeters',
    ]);
    expectNoneOf(items, ['13012345678', 'worker-1', '王大爷', ticketId]);
  });

  test('within 50 m only, and the order (newest first) and the answer say nothing finer about distance', async () => {
    const spot = nextSpot();
    const near = await reportAt(offset(spot, 45));
    app.setNow(new Date(new Date(TUESDAY).getTime() + 60_000));
    const nearer = await reportAt(offset(spot, -20));
    const far = await reportAt(offset(spot, 60));
    const corner = await reportAt(offset(spot, 40, 40)); // inside the search box, outside the circle
    const items = await nearby(spot);
    expect(ids(items)).toEqual([nearer.id, near.id]);
    expect(items.map((i) => i.withinMeters)).toEqual([50, 50]);
    expect(ids(items)).not.toContain(far.id);
    expect(ids(items)).not.toContain(corner.id);
    // Asked from three points around it, the answer for one ticket is the same each time (but the ref).
    const strip = (xs: Api.NearbyItem[]) => xs.filter((i) => ticketOf(i) === near.id).map(({ ref: _ref, ...rest }) => rest);
    const answers = await Promise.all(
      [offset(spot, 45, 30), offset(spot, 50), offset(spot, 30, -25)].map(async (p) => strip(await nearby(p))),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  test('the ref works only for the one who asked, only to follow, and only for half an hour', async () => {
    const spot = nextSpot();
    const { id } = await reportAt(spot);
    const [item] = await nearby(spot, 'sanitation', 'ref-asker');
    const { sealer, clock } = app.server.deps;
    expect(sealer.open(FOLLOW_PURPOSE, item?.ref ?? '', clock.now())).toBe(`${id}|ref-asker`);
    expect(sealer.open('claim', item?.ref ?? '', clock.now())).toBeNull();
    expect(sealer.open(FOLLOW_PURPOSE, `${item?.ref ?? ''}x`, clock.now())).toBeNull();
    expect(sealer.open(FOLLOW_PURPOSE, item?.ref ?? '', new Date(clock.now().getTime() + FOLLOW_REF_MS + 1))).toBeNull();
    // The same ticket asked by another caller gets another ref.
    const [again] = await nearby(spot, 'sanitation', 'ref-asker-2');
    expect(again?.ref).not.toBe(item?.ref);
  });

  test(`at most ${NEARBY_PER_HOUR} checks an hour per person: a map sweep runs out; an hour later it works again`, async () => {
    const spot = nextSpot();
    await reportAt(spot);
    for (let i = 0; i < NEARBY_PER_HOUR; i += 1) await nearby(offset(spot, i % 40), 'sanitation', 'sweeper');
    const error = await expectRefused(app, 'RATE_LIMITED', () =>
      app.call('sweeper', 'report.nearby', { category: 'sanitation', location: spot }),
    );
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    app.setNow(new Date(new Date(TUESDAY).getTime() + HOUR + 1000));
    expect(await nearby(spot, 'sanitation', 'sweeper')).toHaveLength(1);
  });

  test('not another category', async () => {
    const spot = nextSpot();
    const mine = await reportAt(spot, { category: 'facilities' });
    expect(await nearby(spot, 'sanitation')).toEqual([]);
    expect(await nearby(spot, 'dispute')).toEqual([]);
    expect(ids(await nearby(spot, 'facilities'))).toEqual([mine.id]);
    // A category nobody uses answers an empty list, not an error.
    expect(await nearby(spot, 'no-such-category')).toEqual([]);
  });

  test('not the caller’s own report (it is in 我的上报 already)', async () => {
    const spot = nextSpot();
    const own = await reportAt(spot);
    expect(await nearby(spot, 'sanitation', own.resident)).toEqual([]);
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
    expect(items.map((i) => [ticketOf(i), i.status])).toEqual([[accepted.id, 'accepted']]);
  });

  test('from the last 24 hours only', async () => {
    const spot = nextSpot();
    const old = await reportAt(spot);
    app.setNow(new Date(new Date(TUESDAY).getTime() + 23 * HOUR));
    const recent = await reportAt(offset(spot, 10));
    expect(ids(await nearby(spot))).toEqual([recent.id, old.id]);
    app.setNow(new Date(new Date(TUESDAY).getTime() + 24 * HOUR + 60_000));
    expect(ids(await nearby(spot))).toEqual([recent.id]);
  });

  test('staff may ask too; asking changes no ticket', async () => {
    const spot = nextSpot();
    const { id } = await reportAt(spot);
    const before = (await app.snapshot()) as Record<string, unknown>;
    expect(ids(await nearby(spot, 'sanitation', 'worker-2'))).toEqual([id]);
    expect(ids(await nearby(spot, 'sanitation', 'fresh-resident'))).toEqual([id]);
    const after = (await app.snapshot()) as Record<string, unknown>;
    expect(after.tickets).toEqual(before.tickets);
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
