// ticket.return: a department gives a dispatched ticket back, with a reason, to the level that
// dispatched it; it stays accepted with its deadline, and that level hears of it again.
import { seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  CZ_SANITATION,
  departmentWithHandler,
  expectNoneOf,
  expectRefused,
  expectRefusedFor,
  fileReport,
  freshResidents,
  FRIDAY_END,
  ids,
  makeMove,
  told,
  TUESDAY,
  WEDNESDAY,
  ZD_WATER,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  await departmentWithHandler(app, ZD_WATER, 'dept-water');
});

const DESCRIPTION = '小区门口的垃圾桶三天没清运了。';
const PHONE = '13412345678';
const REASON = '该处属物业管理区域，应由物业公司清运';

const nextResident = freshResidents('return-resident');
async function dispatched(by = 'worker-1') {
  const ticket = await fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE });
  await bringTo(app, ticket, 'accepted', { by });
  await app.ok(by, 'ticket.dispatch', { ticketId: ticket.id, departmentCode: 'cz-sanitation', note: '请清运' });
  return ticket;
}

const returning = (openid: string, ticketId: string, reason: string) => makeMove(app, openid, 'ticket.return', { ticketId, reason });

describe('ticket.return', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('back to the grid that dispatched it: still accepted, same deadline, the grid worker hears of it', async () => {
    const { id, resident } = await dispatched();
    app.setNow(WEDNESDAY);
    const { view, written } = await returning('dept-1', id, REASON);
    expect(view).toMatchObject({ status: 'accepted', level: 'grid', gridCode: 'ZD-CZ-HG-01', departmentCode: null, resolveBy: FRIDAY_END });
    expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'accept', 'dispatch', 'return']);
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'return',
      actorRole: 'deptHandler',
      actorLabel: '职能部门',
      fromStatus: 'accepted',
      toStatus: 'accepted',
      level: 'grid',
      note: REASON,
      at: WEDNESDAY,
    });
    expect(told(written)).toEqual(['staffNewTicket→worker-1']);
    expectNoneOf(written, [DESCRIPTION, PHONE, REASON]);

    // The worker holds it again; the department has let go of it.
    const workerView = await app.ok('worker-1', 'ticket.get', { ticketId: id });
    expect(workerView.allowedActions).toEqual(['reject', 'transfer', 'dispatch', 'escalate', 'resolve']);
    expect(ids(await app.ok('worker-1', 'queue.list', {}))).toContain(id);
    expect(ids(await app.ok('dept-1', 'queue.list', {}))).not.toContain(id);
    expect(await app.call('dept-1', 'ticket.get', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The resident is not messaged about the department's hand-back.
    expect(written.filter((r) => r.touser === resident)).toEqual([]);
  });

  test('the worker may resolve it or dispatch it again after it came back', async () => {
    const { id } = await dispatched();
    await app.ok('dept-1', 'ticket.return', { ticketId: id, reason: REASON });
    const again = await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation', note: '已核实属公共区域' });
    expect(again.departmentCode).toBe('cz-sanitation');
    await app.ok('dept-1', 'ticket.return', { ticketId: id, reason: REASON });
    const resolved = await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已协调物业清运' });
    expect(resolved.status).toBe('resolved');
  });

  test('a ticket dispatched at community level goes back to the community', async () => {
    const { id } = await fileReport(app, nextResident());
    await app.ok('worker-1', 'ticket.escalate', { ticketId: id, reason: '需要社区协调' });
    await app.ok('community-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('community-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    const { view, written } = await returning('dept-1', id, REASON);
    expect(view).toMatchObject({ status: 'accepted', level: 'community', departmentCode: null });
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'return', level: 'community' });
    expect(told(written)).toEqual(['staffNewTicket→community-1']);
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual([]);
    expect((await app.ok('community-1', 'ticket.get', { ticketId: id })).allowedActions).toContain('resolve');
  });

  test('only the department it was dispatched to: the grid worker and the reporter may not, another department cannot see it', async () => {
    const { id, resident } = await dispatched();
    await expectRefusedFor(app, 'ticket.return', { ticketId: id, reason: REASON }, [
      ['worker-1', 'FORBIDDEN'],
      ['community-1', 'FORBIDDEN'],
      [resident, 'FORBIDDEN'],
      ['dept-water', 'NOT_FOUND'],
      ['worker-2', 'NOT_FOUND'],
    ]);
  });

  test('a ticket never dispatched is not the department’s to see → NOT_FOUND, nothing changed', async () => {
    const { id: ticketId } = await fileReport(app, nextResident());
    await app.ok('worker-1', 'ticket.accept', { ticketId, complexity: 'normal' });
    await expectRefused(app, 'NOT_FOUND', () => app.call('dept-1', 'ticket.return', { ticketId, reason: REASON }));
  });

  test.each(['resolved', 'closed'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await dispatched();
    await app.ok('dept-1', 'ticket.resolve', { ticketId: id, result: '已清运' });
    if (state === 'closed') await app.ok(resident, 'report.rate', { ticketId: id, rating: 'basic' });
    await expectRefused(app, 'CONFLICT', () => app.call('dept-1', 'ticket.return', { ticketId: id, reason: REASON }));
  });

  test('returning and resolving at once: exactly one wins', async () => {
    const { id } = await dispatched();
    const answers = await Promise.all([
      app.call('dept-1', 'ticket.return', { ticketId: id, reason: REASON }),
      app.call('dept-1', 'ticket.resolve', { ticketId: id, result: '已清运' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  test('a reason with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await dispatched();
    await expectRefused(app, 'CONTENT_REJECTED', () => app.call('dept-1', 'ticket.return', { ticketId: id, reason: '违禁测试' }));
  });

  test.each([
    ['missing reason', {}],
    ['blank reason', { reason: '  ' }],
    ['reason over 200 characters', { reason: '退'.repeat(201) }],
    ['object as reason', { reason: { text: '不归我们' } }],
    ['operator as reason', { reason: { $gt: '' } }],
    ['unknown field', { reason: REASON, departmentCode: null }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id } = await dispatched();
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('dept-1', { action: 'ticket.return', params: { ticketId: id, ...extra } }));
  });
});
