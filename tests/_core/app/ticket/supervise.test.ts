// ticket.supervise (督办): a street or district admin puts a supervision on an open ticket of their
// area — a `supervisions` record, a timeline entry, and a staffEscalated reminder to whoever holds
// it now. Status, level and deadlines stay as they are.
import { ADMIN, reportParams, seedCommunity, startTestApp, type TestApp } from '../../../support/app';

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

let app: TestApp;

async function bind(openid: string, role: Api.StaffRole, scope: Api.Scope): Promise<void> {
  const invite = await app.ok(ADMIN, 'admin.invites.create', { role, scope });
  await app.ok(openid, 'staff.bind', { inviteCode: invite.code });
}

const squareGrid = (code: string, lng: number, lat: number, place: { community: string; street: string; district: string }) => ({
  type: 'Feature',
  properties: { code, name: `${place.community}一网格`, ...place, households: 300 },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng - 0.001, lat - 0.001],
        [lng + 0.001, lat - 0.001],
        [lng + 0.001, lat + 0.001],
        [lng - 0.001, lat + 0.001],
        [lng - 0.001, lat - 0.001],
      ],
    ],
  },
});

beforeAll(async () => {
  app = await startTestApp();
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  // Another street of 张店区 and another district, with their admins.
  await app.ok(ADMIN, 'admin.grids.import', {
    crs: 'gcj02',
    geojson: {
      type: 'FeatureCollection',
      features: [
        squareGrid('ZD-HP-01', 118.2, 36.7, { community: '和平社区', street: '和平街道', district: '张店区' }),
        squareGrid('ZC-CB-01', 117.87, 36.8, { community: '城北社区', street: '城北街道', district: '周村区' }),
      ],
    },
  });
  await bind('street-hp', 'streetAdmin', { street: '和平街道' });
  await bind('district-zc', 'districtAdmin', { district: '周村区' });
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'] });
  await bind('dept-1', 'deptHandler', { department: 'cz-sanitation' });
});
afterAll(() => app.close());

const TUESDAY = '2026-11-24T02:00:00.000Z';
const WEDNESDAY = '2026-11-25T02:00:00.000Z';
const DESCRIPTION = '路灯坏了一个多星期，晚上很黑。';
const PHONE = '13312345678';
const NOTE = '请于今日内联系居民并反馈';

let residents = 0;
async function submitted(): Promise<{ id: string; resident: string }> {
  residents += 1; // a fresh resident each time: one resident may file only 10 an hour
  const resident = `supervise-resident-${residents}`;
  const { ticketId } = await app.ok(resident, 'report.submit', reportParams({ category: 'facilities', description: DESCRIPTION, contactPhone: PHONE }));
  return { id: ticketId, resident };
}

const rows = async (collection: string): Promise<Row[]> => ((await app.snapshot()) as Snapshot)[collection] ?? [];
const messagesOf = async (ticketId: string): Promise<Row[]> => (await rows('outbox')).filter((r) => r.ticketId === ticketId);
const supervisionsOf = async (ticketId: string): Promise<Row[]> => (await rows('supervisions')).filter((r) => r.ticketId === ticketId);
const told = (written: Row[]): string[] => written.map((r) => `${String(r.template)}→${String(r.touser)}`);
async function supervising(openid: string, ticketId: string, note: string): Promise<{ view: Api.TicketView; written: Row[] }> {
  const seen = new Set((await messagesOf(ticketId)).map((r) => r._id));
  const view = await app.ok(openid, 'ticket.supervise', { ticketId, note });
  return { view, written: (await messagesOf(ticketId)).filter((r) => !seen.has(r._id)) };
}

describe('ticket.supervise', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the street admin supervises a submitted grid ticket: a record, a timeline entry, a reminder to the grid worker', async () => {
    const { id, resident } = await submitted();
    app.setNow(WEDNESDAY);
    const { view, written } = await supervising('street-1', id, NOTE);
    // Nothing about the ticket's place in the lifecycle changes.
    expect(view).toMatchObject({ status: 'submitted', level: 'grid', acceptBy: '2026-11-25T15:59:59.999Z', resolveBy: null, overdue: false });
    expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'supervise']);
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'supervise',
      actorRole: 'streetAdmin',
      actorLabel: '街道',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      level: 'grid',
      note: NOTE,
      at: WEDNESDAY,
    });
    // The street may supervise again, but does not hold the ticket.
    expect(view.allowedActions).toEqual(['supervise']);

    const records = await supervisionsOf(id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ticketId: id, by: 'street-1', byRole: 'streetAdmin', level: 'grid', note: NOTE });
    expect(new Date(records[0]?.at as string | Date).toISOString()).toBe(WEDNESDAY);

    expect(told(written)).toEqual(['staffEscalated→worker-1']);
    const text = JSON.stringify(written);
    expect(text).not.toContain(DESCRIPTION);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(NOTE);
    expect(written.filter((r) => r.touser === resident)).toEqual([]);

    // The grid worker can still do their job on it.
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual(['accept', 'reject', 'transfer', 'escalate']);
  });

  test('the district admin supervises an accepted ticket; each supervision leaves its own record', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('street-1', 'ticket.supervise', { ticketId: id, note: '请加快办理' });
    const { view, written } = await supervising('district-1', id, NOTE);
    expect(view).toMatchObject({ status: 'accepted', resolveBy: '2026-11-27T15:59:59.999Z' });
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'supervise', actorRole: 'districtAdmin', fromStatus: 'accepted', toStatus: 'accepted' });
    expect(told(written)).toEqual(['staffEscalated→worker-1']);
    const records = await supervisionsOf(id);
    expect(records.map((r) => [r.by, r.byRole])).toEqual(
      expect.arrayContaining([
        ['street-1', 'streetAdmin'],
        ['district-1', 'districtAdmin'],
      ]),
    );
    expect(records).toHaveLength(2);
  });

  test('a dispatched ticket: the department is reminded', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    const { written } = await supervising('street-1', id, NOTE);
    expect(told(written)).toEqual(['staffEscalated→dept-1']);
  });

  test('supervising a ticket the street holds itself: the record is kept, nobody else to remind', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.escalate', { ticketId: id, reason: '需要协调' });
    await app.ok('community-1', 'ticket.escalate', { ticketId: id, reason: '需要街道协调' });
    const { view, written } = await supervising('street-1', id, NOTE);
    expect(view.level).toBe('street');
    expect(written).toEqual([]);
    expect(await supervisionsOf(id)).toEqual([expect.objectContaining({ level: 'street', by: 'street-1' })]);
  });

  test('not by grid workers, community admins, departments or the reporter: FORBIDDEN; other areas: NOT_FOUND', async () => {
    const { id, resident } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    const before = await app.snapshot();
    const params = { ticketId: id, note: NOTE };
    for (const openid of ['worker-1', 'community-1', 'dept-1', resident]) {
      expect(await app.call(openid, 'ticket.supervise', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    for (const openid of ['worker-2', 'street-hp', 'district-zc']) {
      expect(await app.call(openid, 'ticket.supervise', params)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await app.call('street-1', 'ticket.supervise', { ticketId: 'no-such-ticket', note: NOTE })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each(['resolved', 'closed', 'rejected', 'withdrawn'] as const)('a %s ticket is not open → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await submitted();
    if (state === 'withdrawn') await app.ok(resident, 'report.withdraw', { ticketId: id });
    else if (state === 'rejected') await app.ok('worker-1', 'ticket.reject', { ticketId: id, reason: '不属于受理范围' });
    else {
      await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
      await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已更换灯泡' });
      if (state === 'closed') await app.ok(resident, 'report.rate', { ticketId: id, rating: 'satisfied' });
    }
    const before = await app.snapshot();
    expect(await app.call('street-1', 'ticket.supervise', { ticketId: id, note: NOTE })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a note with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await submitted();
    const before = await app.snapshot();
    expect(await app.call('street-1', 'ticket.supervise', { ticketId: id, note: '违禁测试' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    ['missing note', {}],
    ['blank note', { note: '   ' }],
    ['note over 200 characters', { note: '督'.repeat(201) }],
    ['number as note', { note: 1 }],
    ['operator as note', { note: { $set: { overdue: true } } }],
    ['unknown field', { note: NOTE, level: 'district' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id } = await submitted();
    const before = await app.snapshot();
    expect(await app.raw('street-1', { action: 'ticket.supervise', params: { ticketId: id, ...extra } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });
});
