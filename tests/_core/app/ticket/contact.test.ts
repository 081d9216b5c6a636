// ticket.contact (联系居民): the staff member who holds a ticket now gets the reporter's full phone,
// once per call, and every reveal is an audit entry in the timeline ("网格员 张燕 查看了联系电话"):
// kind `contact`, no status change, no message to anyone. Everyone else sees the phone masked only.
import { bindStaff, seedCommunity, useTestApp, displayNameOf } from '../../../support/app';
import {
  bringTo,
  CZ_SANITATION,
  departmentWithHandler,
  expectNoneOf,
  expectRefused,
  expectRefusedFor,
  fileReport,
  freshResidents,
  makeMove,
  neighbourAreasWithAdmins,
  TUESDAY,
  WEDNESDAY,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  await bindStaff(app, 'zhang-yan', 'gridWorker', { grids: ['ZD-CZ-HG-01'] }, { displayName: '张燕', servicePhone: '0533-2180101' });
});

const PHONE = '13812345678';
const DESCRIPTION = '楼道里堆满了杂物，消防通道被堵。';
const nextResident = freshResidents('contact-resident');
const submitted = (overrides: Partial<Api.ReportSubmitParams> = {}) =>
  fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE, ...overrides });

describe('ticket.contact', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the grid worker gets the full phone; the timeline records who looked, nothing else changes', async () => {
    const { id } = await submitted();
    const before = await app.ok('zhang-yan', 'ticket.get', { ticketId: id });
    expect(before.contactPhoneMasked).toBe('138****5678');
    expect(before.allowedNotes).toEqual(['contact']);
    app.setNow(WEDNESDAY);

    const { view: answer, written } = await makeMove(app, 'zhang-yan', 'ticket.contact', { ticketId: id });
    expect(answer).toEqual({ phone: PHONE });
    expect(written).toEqual([]);

    const after = await app.ok('zhang-yan', 'ticket.get', { ticketId: id });
    expect(after).toMatchObject({
      status: 'submitted',
      level: 'grid',
      acceptBy: before.acceptBy,
      overdue: false,
      allowedActions: before.allowedActions,
    });
    expect(after.timeline?.map((e) => e.kind)).toEqual(['submit', 'contact']);
    expect(after.timeline?.at(-1)).toMatchObject({
      kind: 'contact',
      actorRole: 'gridWorker',
      actorLabel: '网格员',
      actorName: '张燕',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      note: null,
      at: WEDNESDAY,
    });
    // The number itself is never written into the ticket's history.
    expectNoneOf(after.timeline, [PHONE]);
  });

  test('each tap is one more audit entry', async () => {
    const { id } = await submitted();
    await app.ok('zhang-yan', 'ticket.contact', { ticketId: id });
    await app.ok('worker-1', 'ticket.contact', { ticketId: id });
    const view = await app.ok('worker-1', 'ticket.get', { ticketId: id });
    expect(view.timeline?.filter((e) => e.kind === 'contact').map((e) => e.actorName)).toEqual(['张燕', displayNameOf('worker-1')]);
  });

  test("the reporter sees who looked at their number, and never another user's openid", async () => {
    const { id, resident } = await submitted();
    await app.ok('zhang-yan', 'ticket.contact', { ticketId: id });
    const mine = await app.ok(resident, 'ticket.get', { ticketId: id });
    expect(mine.timeline?.at(-1)).toMatchObject({ kind: 'contact', actorLabel: '网格员', actorName: '张燕' });
    expectNoneOf(mine, ['zhang-yan', 'worker-1']);
  });

  test('an accepted and a resolved ticket may still be called about; a closed one not', async () => {
    const ticket = await submitted();
    await bringTo(app, ticket, 'accepted', { by: 'zhang-yan' });
    expect(await app.ok('zhang-yan', 'ticket.contact', { ticketId: ticket.id })).toEqual({ phone: PHONE });
    await app.ok('zhang-yan', 'ticket.resolve', { ticketId: ticket.id, result: '已清理' });
    expect(await app.ok('zhang-yan', 'ticket.contact', { ticketId: ticket.id })).toEqual({ phone: PHONE });
    await app.ok(ticket.resident, 'report.rate', { ticketId: ticket.id, rating: 'satisfied' });
    await expectRefused(app, 'CONFLICT', () => app.call('zhang-yan', 'ticket.contact', { ticketId: ticket.id }));
  });

  test('the community admin may call about any grid ticket of the community', async () => {
    const { id } = await submitted();
    expect(await app.ok('community-1', 'ticket.contact', { ticketId: id })).toEqual({ phone: PHONE });
    expect((await app.ok('community-1', 'ticket.get', { ticketId: id })).timeline?.at(-1)).toMatchObject({
      actorRole: 'communityAdmin',
      actorLabel: '社区',
    });
  });

  test('while dispatched, the department calls; the worker who dispatched it may not', async () => {
    const ticket = await submitted();
    await bringTo(app, ticket, 'accepted', { by: 'worker-1' });
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: ticket.id, departmentCode: 'cz-sanitation' });
    expect((await app.ok('dept-1', 'ticket.get', { ticketId: ticket.id })).allowedNotes).toEqual(['contact']);
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: ticket.id })).allowedNotes).toEqual([]);
    expect(await app.ok('dept-1', 'ticket.contact', { ticketId: ticket.id })).toEqual({ phone: PHONE });
    await expectRefused(app, 'CONFLICT', () => app.call('worker-1', 'ticket.contact', { ticketId: ticket.id }));
  });

  test('after an escalation the grid worker no longer holds it: CONFLICT, the community does', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.escalate', { ticketId: id, reason: '需要社区协调' });
    const refused = await expectRefused(app, 'CONFLICT', () => app.call('worker-1', 'ticket.contact', { ticketId: id }));
    expect(refused.message).toBe('这件事项已不由您负责，不能查看联系电话');
    expect(await app.ok('community-1', 'ticket.contact', { ticketId: id })).toEqual({ phone: PHONE });
  });

  test('supervisors, the reporter, other grids and other areas are refused, nothing recorded', async () => {
    const { id, resident } = await submitted();
    await expectRefusedFor(app, 'ticket.contact', { ticketId: id }, [
      ['street-1', 'CONFLICT'],
      ['district-1', 'CONFLICT'],
      [resident, 'FORBIDDEN'],
      ['someone-else', 'FORBIDDEN'],
      ['worker-2', 'NOT_FOUND'],
      ['street-hp', 'NOT_FOUND'],
      ['dept-1', 'NOT_FOUND'],
      [null, 'UNAUTHENTICATED'],
    ]);
    expect((await app.ok('street-1', 'ticket.get', { ticketId: id })).allowedNotes).toEqual([]);
  });

  test('a report without a phone → NOT_FOUND, nothing recorded, and no contact offered', async () => {
    const { id } = await fileReport(app, nextResident(), { description: DESCRIPTION });
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: id })).allowedNotes).toEqual([]);
    const error = await expectRefused(app, 'NOT_FOUND', () => app.call('worker-1', 'ticket.contact', { ticketId: id }));
    expect(error.message).toBe('上报人没有留下联系电话');
  });

  test('a 代报: the worker who filed it calls the resident they filed for', async () => {
    const { ticketId } = await app.ok('zhang-yan', 'report.submit', {
      category: 'sanitation',
      kind: 'complaint',
      description: DESCRIPTION,
      photos: [],
      location: { latitude: 36.8135, longitude: 118.0406 },
      clientRequestId: 'contact-proxy-0001',
      onBehalfOf: { name: '王大爷', phone: '13900001111' },
    });
    expect(await app.ok('zhang-yan', 'ticket.contact', { ticketId })).toEqual({ phone: '13900001111' });
  });

  test('an unknown ticket → NOT_FOUND', async () => {
    await expectRefused(app, 'NOT_FOUND', () => app.call('worker-1', 'ticket.contact', { ticketId: 'no-such-ticket' }));
  });

  test.each([
    ['missing ticket id', {}],
    ['operator as id', { ticketId: { $ne: '' } }],
    ['unknown field', { ticketId: 'abc', phone: '1' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, params) => {
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('worker-1', { action: 'ticket.contact', params }));
  });
});
