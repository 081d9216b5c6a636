// ticket.dispatch (派发): the responsible staff hand an accepted ticket to a department that serves
// the ticket's street or district. The department then holds it (queue, resolve, return); the
// dispatching level still sees it but cannot act while it is away.
import { bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  createDepartment,
  CZ_SANITATION,
  departmentWithHandler,
  expectMovesRefused,
  expectNoneOf,
  expectRefused,
  expectRefusedFor,
  fileReport,
  freshResidents,
  FRIDAY_END,
  HEPING,
  ids,
  importNeighbourAreas,
  told,
  TUESDAY,
  WEDNESDAY,
  withMessages,
  ZD_WATER,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await importNeighbourAreas(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  await departmentWithHandler(app, ZD_WATER, 'dept-water');
  await departmentWithHandler(
    app,
    { code: 'hp-sanitation', name: '和平街道环卫所', street: '和平街道', categories: ['sanitation'] },
    'dept-hp',
  );
  await createDepartment(app, { code: 'zc-water', name: '周村区水务局', district: '周村区', categories: ['facilities'] });
  await bindStaff(app, 'worker-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
});

const DESCRIPTION = '小区门口的垃圾桶三天没清运了，气味很大。';
const PHONE = '13512345678';

const nextResident = freshResidents('dispatch-resident');
const submitted = (overrides: Partial<Api.ReportSubmitParams> = {}) =>
  fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE, ...overrides });
async function accepted(overrides: Partial<Api.ReportSubmitParams> = {}, by = 'worker-1') {
  const ticket = await submitted(overrides);
  await bringTo(app, ticket, 'accepted', { by });
  return ticket;
}
/** Runs a move and answers the outbox rows it wrote for the ticket. */
const during = async (ticketId: string, move: () => Promise<unknown>) => (await withMessages(app, ticketId, move)).written;

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
    expectNoneOf(written, [DESCRIPTION, PHONE, resident]);

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
    await expectMovesRefused(app, 'worker-1', 'CONFLICT', [
      ['ticket.resolve', { ticketId: id, result: '已处理' }],
      ['ticket.dispatch', { ticketId: id, departmentCode: 'zd-water' }],
      ['ticket.escalate', { ticketId: id, reason: '需要协调' }],
      ['ticket.transfer', { ticketId: id, toGridCode: 'ZD-CZ-HG-03', reason: '转派' }],
      ['ticket.reject', { ticketId: id, reason: '不予受理' }],
    ]);
  });

  test('the department resolves it; the resident hears ticketResolved and may rate', async () => {
    const { id, resident } = await accepted();
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    let view: Api.TicketView | undefined;
    const written = await during(id, async () => {
      view = await app.ok('dept-1', 'ticket.resolve', { ticketId: id, result: '已安排清运车清运完毕' });
    });
    expect(view).toMatchObject({ status: 'resolved', departmentCode: 'cz-sanitation' });
    expect(view?.timeline?.at(-1)).toMatchObject({
      kind: 'resolve',
      actorRole: 'deptHandler',
      actorLabel: '职能部门',
      toStatus: 'resolved',
    });
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
    await expectRefused(app, 'INVALID_INPUT', () => app.call('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'zc-water' }));
  });

  test('a department of another street of the same district does not serve the ticket → INVALID_INPUT, nothing changed', async () => {
    const here = await accepted();
    await expectRefused(app, 'INVALID_INPUT', () =>
      app.call('worker-1', 'ticket.dispatch', { ticketId: here.id, departmentCode: 'hp-sanitation' }),
    );
    const there = await accepted({ location: { ...HEPING } }, 'worker-hp');
    expect((await app.ok('worker-hp', 'ticket.get', { ticketId: there.id })).gridCode).toBe('ZD-HP-01');
    expect(await app.call('worker-hp', 'ticket.dispatch', { ticketId: there.id, departmentCode: 'cz-sanitation' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('an unknown department → NOT_FOUND, nothing changed', async () => {
    const { id } = await accepted();
    await expectRefused(app, 'NOT_FOUND', () => app.call('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'no-such-dept' }));
  });

  test('only the responsible staff: another grid cannot see it, the reporter and departments may not, the street must wait', async () => {
    const { id, resident } = await accepted();
    await expectRefusedFor(app, 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' }, [
      ['worker-2', 'NOT_FOUND'],
      [resident, 'FORBIDDEN'],
      ['dept-1', 'NOT_FOUND'],
      ['street-1', 'CONFLICT'],
    ]);
  });

  test.each(['submitted', 'resolved', 'closed', 'rejected', 'withdrawn'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const ticket = await submitted();
    await bringTo(app, ticket, state);
    await expectRefused(app, 'CONFLICT', () =>
      app.call('worker-1', 'ticket.dispatch', { ticketId: ticket.id, departmentCode: 'cz-sanitation' }),
    );
  });

  test('a note with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await accepted();
    await expectRefused(app, 'CONTENT_REJECTED', () =>
      app.call('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation', note: '违禁测试' }),
    );
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
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('worker-1', { action: 'ticket.dispatch', params: { ticketId: id, ...extra } }));
  });
});
