// ticket.return: a department gives a dispatched ticket back, with a reason, to the level that
// dispatched it; it stays accepted with its deadline, and that level hears of it again.
import { ADMIN, reportParams, seedCommunity, startTestApp, type TestApp } from '../../../support/app';

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

let app: TestApp;

async function bind(openid: string, role: Api.StaffRole, scope: Api.Scope): Promise<void> {
  const invite = await app.ok(ADMIN, 'admin.invites.create', { role, scope });
  await app.ok(openid, 'staff.bind', { inviteCode: invite.code });
}

beforeAll(async () => {
  app = await startTestApp();
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'] });
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'zd-water', name: '张店区水务局', district: '张店区', categories: ['facilities'] });
  await bind('dept-1', 'deptHandler', { department: 'cz-sanitation' });
  await bind('dept-water', 'deptHandler', { department: 'zd-water' });
});
afterAll(() => app.close());

const TUESDAY = '2026-11-24T02:00:00.000Z';
const WEDNESDAY = '2026-11-25T02:00:00.000Z';
const FRIDAY_END = '2026-11-27T15:59:59.999Z';
const DESCRIPTION = '小区门口的垃圾桶三天没清运了。';
const PHONE = '13412345678';
const REASON = '该处属物业管理区域，应由物业公司清运';

let residents = 0;
async function dispatched(by = 'worker-1'): Promise<{ id: string; resident: string }> {
  residents += 1; // a fresh resident each time: one resident may file only 10 an hour
  const resident = `return-resident-${residents}`;
  const { ticketId } = await app.ok(resident, 'report.submit', reportParams({ description: DESCRIPTION, contactPhone: PHONE }));
  await app.ok(by, 'ticket.accept', { ticketId, complexity: 'normal' });
  await app.ok(by, 'ticket.dispatch', { ticketId, departmentCode: 'cz-sanitation', note: '请清运' });
  return { id: ticketId, resident };
}

const rows = async (collection: string): Promise<Row[]> => ((await app.snapshot()) as Snapshot)[collection] ?? [];
const messagesOf = async (ticketId: string): Promise<Row[]> => (await rows('outbox')).filter((r) => r.ticketId === ticketId);
const told = (written: Row[]): string[] => written.map((r) => `${String(r.template)}→${String(r.touser)}`);
async function returning(openid: string, ticketId: string, reason: string): Promise<{ view: Api.TicketView; written: Row[] }> {
  const seen = new Set((await messagesOf(ticketId)).map((r) => r._id));
  const view = await app.ok(openid, 'ticket.return', { ticketId, reason });
  return { view, written: (await messagesOf(ticketId)).filter((r) => !seen.has(r._id)) };
}
const ids = (page: { items: Array<{ id: string }> }): string[] => page.items.map((t) => t.id);

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
    const text = JSON.stringify(written);
    expect(text).not.toContain(DESCRIPTION);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(REASON);

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
    residents += 1;
    const { ticketId: id } = await app.ok(`return-resident-${residents}`, 'report.submit', reportParams());
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
    const before = await app.snapshot();
    const params = { ticketId: id, reason: REASON };
    expect(await app.call('worker-1', 'ticket.return', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('community-1', 'ticket.return', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call(resident, 'ticket.return', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('dept-water', 'ticket.return', params)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('worker-2', 'ticket.return', params)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a ticket never dispatched is not the department’s to see → NOT_FOUND, nothing changed', async () => {
    residents += 1;
    const { ticketId } = await app.ok(`return-resident-${residents}`, 'report.submit', reportParams());
    await app.ok('worker-1', 'ticket.accept', { ticketId, complexity: 'normal' });
    const before = await app.snapshot();
    expect(await app.call('dept-1', 'ticket.return', { ticketId, reason: REASON })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each(['resolved', 'closed'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await dispatched();
    await app.ok('dept-1', 'ticket.resolve', { ticketId: id, result: '已清运' });
    if (state === 'closed') await app.ok(resident, 'report.rate', { ticketId: id, rating: 'basic' });
    const before = await app.snapshot();
    expect(await app.call('dept-1', 'ticket.return', { ticketId: id, reason: REASON })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.snapshot()).toEqual(before);
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
    const before = await app.snapshot();
    expect(await app.call('dept-1', 'ticket.return', { ticketId: id, reason: '违禁测试' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await app.snapshot()).toEqual(before);
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
    const before = await app.snapshot();
    expect(await app.raw('dept-1', { action: 'ticket.return', params: { ticketId: id, ...extra } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });
});
