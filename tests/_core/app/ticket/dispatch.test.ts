// ticket.dispatch (派发): the responsible staff hand an accepted ticket to a department that serves
// the ticket's street or district. The department then holds it (queue, resolve, return); the
// dispatching level still sees it but cannot act while it is away.
import { ADMIN, reportParams, seedCommunity, startTestApp, type TestApp } from '../../../support/app';

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

let app: TestApp;

/** A square grid around a centre, far from the demo community. */
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
// Another street of the same district, and another district.
const HEPING = { longitude: 118.2, latitude: 36.7 };
const ZHOUCUN = { longitude: 117.87, latitude: 36.8 };

async function bind(openid: string, role: Api.StaffRole, scope: Api.Scope): Promise<void> {
  const invite = await app.ok(ADMIN, 'admin.invites.create', { role, scope });
  await app.ok(openid, 'staff.bind', { inviteCode: invite.code });
}

beforeAll(async () => {
  app = await startTestApp();
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await app.ok(ADMIN, 'admin.grids.import', {
    crs: 'gcj02',
    geojson: {
      type: 'FeatureCollection',
      features: [
        squareGrid('ZD-HP-01', HEPING.longitude, HEPING.latitude, { community: '和平社区', street: '和平街道', district: '张店区' }),
        squareGrid('ZC-CB-01', ZHOUCUN.longitude, ZHOUCUN.latitude, { community: '城北社区', street: '城北街道', district: '周村区' }),
      ],
    },
  });
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'] });
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'zd-water', name: '张店区水务局', district: '张店区', categories: ['facilities'] });
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'hp-sanitation', name: '和平街道环卫所', street: '和平街道', categories: ['sanitation'] });
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'zc-water', name: '周村区水务局', district: '周村区', categories: ['facilities'] });
  await bind('dept-1', 'deptHandler', { department: 'cz-sanitation' });
  await bind('dept-water', 'deptHandler', { department: 'zd-water' });
  await bind('dept-hp', 'deptHandler', { department: 'hp-sanitation' });
  await bind('worker-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
});
afterAll(() => app.close());

const TUESDAY = '2026-11-24T02:00:00.000Z';
const WEDNESDAY = '2026-11-25T02:00:00.000Z';
const FRIDAY_END = '2026-11-27T15:59:59.999Z';
const DESCRIPTION = '小区门口的垃圾桶三天没清运了，气味很大。';
const PHONE = '13512345678';

let residents = 0;
async function submitted(overrides: Partial<Api.ReportSubmitParams> = {}): Promise<{ id: string; resident: string }> {
  residents += 1; // a fresh resident each time: one resident may file only 10 an hour
  const resident = `dispatch-resident-${residents}`;
  const { ticketId } = await app.ok(resident, 'report.submit', reportParams({ description: DESCRIPTION, contactPhone: PHONE, ...overrides }));
  return { id: ticketId, resident };
}
async function accepted(overrides: Partial<Api.ReportSubmitParams> = {}, by = 'worker-1'): Promise<{ id: string; resident: string }> {
  const ticket = await submitted(overrides);
  await app.ok(by, 'ticket.accept', { ticketId: ticket.id, complexity: 'normal' });
  return ticket;
}

const rows = async (collection: string): Promise<Row[]> => ((await app.snapshot()) as Snapshot)[collection] ?? [];
const messagesOf = async (ticketId: string): Promise<Row[]> => (await rows('outbox')).filter((r) => r.ticketId === ticketId);
const told = (written: Row[]): string[] => written.map((r) => `${String(r.template)}→${String(r.touser)}`);
async function during(ticketId: string, move: () => Promise<unknown>): Promise<Row[]> {
  const seen = new Set((await messagesOf(ticketId)).map((r) => r._id));
  await move();
  return (await messagesOf(ticketId)).filter((r) => !seen.has(r._id));
}
const ids = (page: { items: Array<{ id: string }> }): string[] => page.items.map((t) => t.id);

describe('ticket.dispatch', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('an accepted ticket goes to the street department: same status and deadline, the department hears of it', async () => {
    const { id, resident } = await accepted();
    app.setNow(WEDNESDAY);
    let view: Api.TicketView | undefined;
    const written = await during(id, async () => {
      view = await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation', note: '请环卫所安排清运' });
    });
    expect(view).toMatchObject({
      status: 'accepted',
      level: 'grid',
      gridCode: 'ZD-CZ-HG-01',
      departmentCode: 'cz-sanitation',
      complexity: 'normal',
      resolveBy: FRIDAY_END, // the department works to the same deadline
      allowedActions: [],
    });
    expect(view?.timeline?.at(-1)).toMatchObject({
      kind: 'dispatch',
      actorRole: 'gridWorker',
      actorLabel: '网格员',
      fromStatus: 'accepted',
      toStatus: 'accepted',
      level: 'grid',
      note: '请环卫所安排清运',
      at: WEDNESDAY,
    });
    expect(told(written)).toEqual(['staffNewTicket→dept-1']);
    const text = JSON.stringify(written);
    expect(text).not.toContain(DESCRIPTION);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(resident);

    // The department holds it: in its queue, with resolve and return.
    expect(ids(await app.ok('dept-1', 'queue.list', {}))).toContain(id);
    const deptView = await app.ok('dept-1', 'ticket.get', { ticketId: id });
    expect(deptView.allowedActions).toEqual(['resolve', 'return']);
    expect(deptView.contactPhoneMasked).toBe('135****5678');

    // The grid worker still sees it, but it has left their to-do queue and they cannot act.
    const workerView = await app.ok('worker-1', 'ticket.get', { ticketId: id });
    expect(workerView).toMatchObject({ departmentCode: 'cz-sanitation', allowedActions: [] });
    expect(ids(await app.ok('worker-1', 'queue.list', {}))).not.toContain(id);
    expect(ids(await app.ok('worker-1', 'queue.list', { status: 'accepted' }))).toContain(id);
    expect((await app.ok('community-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual([]);
    expect((await app.ok(resident, 'ticket.get', { ticketId: id })).allowedActions).toEqual([]);

    // Other departments do not see it.
    expect(await app.call('dept-water', 'ticket.get', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ids(await app.ok('dept-water', 'queue.list', {}))).not.toContain(id);
  });

  test('while dispatched, the grid worker cannot resolve, dispatch, escalate, transfer or reject: CONFLICT, nothing changed', async () => {
    const { id } = await accepted();
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    const before = await app.snapshot();
    for (const [action, params] of [
      ['ticket.resolve', { ticketId: id, result: '已处理' }],
      ['ticket.dispatch', { ticketId: id, departmentCode: 'zd-water' }],
      ['ticket.escalate', { ticketId: id, reason: '需要协调' }],
      ['ticket.transfer', { ticketId: id, toGridCode: 'ZD-CZ-HG-03', reason: '转派' }],
      ['ticket.reject', { ticketId: id, reason: '不予受理' }],
    ] as const) {
      expect(await app.raw('worker-1', { action, params })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    expect(await app.snapshot()).toEqual(before);
  });

  test('the department resolves it; the resident hears ticketResolved and may rate', async () => {
    const { id, resident } = await accepted();
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    let view: Api.TicketView | undefined;
    const written = await during(id, async () => {
      view = await app.ok('dept-1', 'ticket.resolve', { ticketId: id, result: '已安排清运车清运完毕' });
    });
    expect(view).toMatchObject({ status: 'resolved', departmentCode: 'cz-sanitation' });
    expect(view?.timeline?.at(-1)).toMatchObject({ kind: 'resolve', actorRole: 'deptHandler', actorLabel: '职能部门', toStatus: 'resolved' });
    expect(told(written)).toEqual([`ticketResolved→${resident}`]);
    expect((await app.ok(resident, 'ticket.get', { ticketId: id })).allowedActions).toEqual(['rate']);
  });

  test('a district department serves every street of its district', async () => {
    const { id } = await accepted({ category: 'facilities' });
    const view = await app.ok('community-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'zd-water' });
    expect(view.departmentCode).toBe('zd-water');
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'dispatch', actorRole: 'communityAdmin', note: null });
    expect((await app.ok('dept-water', 'ticket.get', { ticketId: id })).allowedActions).toEqual(['resolve', 'return']);
  });

  test('a ticket escalated to the street may be dispatched by the street admin', async () => {
    const { id } = await accepted();
    await app.ok('worker-1', 'ticket.escalate', { ticketId: id, reason: '需要街道协调' });
    await app.ok('community-1', 'ticket.escalate', { ticketId: id, reason: '需要街道协调' });
    const view = await app.ok('street-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    expect(view).toMatchObject({ level: 'street', departmentCode: 'cz-sanitation' });
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'dispatch', actorRole: 'streetAdmin', level: 'street' });
  });

  test('a department of another district does not serve the ticket → INVALID_INPUT, nothing changed', async () => {
    const { id } = await accepted();
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'zc-water' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  // BUG: a street department is stored with its street's district too (departments-upsert.ts),
  // and dispatch.ts accepts any department whose district matches the ticket's, so a street
  // department serves every street of its district. Flip to `test` once fixed.
  test('a department of another street of the same district does not serve the ticket → INVALID_INPUT, nothing changed', async () => {
    const here = await accepted();
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.dispatch', { ticketId: here.id, departmentCode: 'hp-sanitation' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
    const there = await accepted({ location: { ...HEPING } }, 'worker-hp');
    expect((await app.ok('worker-hp', 'ticket.get', { ticketId: there.id })).gridCode).toBe('ZD-HP-01');
    expect(await app.call('worker-hp', 'ticket.dispatch', { ticketId: there.id, departmentCode: 'cz-sanitation' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('an unknown department → NOT_FOUND, nothing changed', async () => {
    const { id } = await accepted();
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'no-such-dept' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('only the responsible staff: another grid cannot see it, the reporter and departments may not, the street must wait', async () => {
    const { id, resident } = await accepted();
    const before = await app.snapshot();
    const params = { ticketId: id, departmentCode: 'cz-sanitation' };
    expect(await app.call('worker-2', 'ticket.dispatch', params)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call(resident, 'ticket.dispatch', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('dept-1', 'ticket.dispatch', params)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('street-1', 'ticket.dispatch', params)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each(['submitted', 'resolved', 'closed', 'rejected', 'withdrawn'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await submitted();
    if (state === 'withdrawn') await app.ok(resident, 'report.withdraw', { ticketId: id });
    else if (state === 'rejected') await app.ok('worker-1', 'ticket.reject', { ticketId: id, reason: '不属于受理范围' });
    else if (state !== 'submitted') {
      await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
      await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已清运' });
      if (state === 'closed') await app.ok(resident, 'report.rate', { ticketId: id, rating: 'satisfied' });
    }
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a note with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await accepted();
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation', note: '违禁测试' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    ['missing department', {}],
    ['number as department', { departmentCode: 12 }],
    ['operator as department', { departmentCode: { $regex: '.*' } }],
    ['department code with spaces', { departmentCode: 'cz sanitation' }],
    ['note over 200 characters', { departmentCode: 'cz-sanitation', note: '派'.repeat(201) }],
    ['operator as note', { departmentCode: 'cz-sanitation', note: { $set: { departmentCode: null } } }],
    ['unknown field', { departmentCode: 'cz-sanitation', level: 'street' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id } = await accepted();
    const before = await app.snapshot();
    expect(await app.raw('worker-1', { action: 'ticket.dispatch', params: { ticketId: id, ...extra } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });
});
