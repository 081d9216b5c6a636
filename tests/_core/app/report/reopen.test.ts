// report.reopen (重办): after rating 不满意, once, within 7 days of resolution, the reporter sends the
// ticket back to the same handler — accepted, with a fresh resolution deadline — and the handler
// hears of it (staffNewTicket).
import { ADMIN, reportParams, seedCommunity, startTestApp, type TestApp } from '../../../support/app';

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await app.ok(ADMIN, 'admin.departments.upsert', { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'] });
  const invite = await app.ok(ADMIN, 'admin.invites.create', { role: 'deptHandler', scope: { department: 'cz-sanitation' } });
  await app.ok('dept-1', 'staff.bind', { inviteCode: invite.code });
});
afterAll(() => app.close());

// Resolved Tuesday 2026-11-24 10:00 Shanghai.
const TUESDAY = '2026-11-24T02:00:00.000Z';
const WEDNESDAY = '2026-11-25T02:00:00.000Z';
const SEVEN_DAYS_LATER = '2026-12-01T02:00:00.000Z';
const EIGHT_DAYS_LATER = '2026-12-02T02:00:00.000Z';
const DESCRIPTION = '楼下垃圾桶已经满了两天，没人清运。';
const PHONE = '13212345678';
const REASON = '垃圾还是没有清走';

let residents = 0;
async function submitted(): Promise<{ id: string; resident: string }> {
  residents += 1; // a fresh resident each time: one resident may file only 10 an hour
  const resident = `reopen-resident-${residents}`;
  const { ticketId } = await app.ok(resident, 'report.submit', reportParams({ description: DESCRIPTION, contactPhone: PHONE }));
  return { id: ticketId, resident };
}
async function resolved(complexity: Api.Complexity = 'normal'): Promise<{ id: string; resident: string }> {
  const ticket = await submitted();
  await app.ok('worker-1', 'ticket.accept', { ticketId: ticket.id, complexity });
  await app.ok('worker-1', 'ticket.resolve', { ticketId: ticket.id, result: '已清运' });
  return ticket;
}
async function ratedUnsatisfied(complexity: Api.Complexity = 'normal'): Promise<{ id: string; resident: string }> {
  const ticket = await resolved(complexity);
  await app.ok(ticket.resident, 'report.rate', { ticketId: ticket.id, rating: 'unsatisfied', comment: '没有处理好' });
  return ticket;
}

const rows = async (collection: string): Promise<Row[]> => ((await app.snapshot()) as Snapshot)[collection] ?? [];
const messagesOf = async (ticketId: string): Promise<Row[]> => (await rows('outbox')).filter((r) => r.ticketId === ticketId);
const told = (written: Row[]): string[] => written.map((r) => `${String(r.template)}→${String(r.touser)}`);
async function reopening(openid: string, ticketId: string, reason: string): Promise<{ view: Api.TicketView; written: Row[] }> {
  const seen = new Set((await messagesOf(ticketId)).map((r) => r._id));
  const view = await app.ok(openid, 'report.reopen', { ticketId, reason });
  return { view, written: (await messagesOf(ticketId)).filter((r) => !seen.has(r._id)) };
}
const refused = async (openid: string, ticketId: string, code: Api.ErrorCode): Promise<void> => {
  const before = await app.snapshot();
  expect(await app.call(openid, 'report.reopen', { ticketId, reason: REASON })).toMatchObject({ ok: false, error: { code } });
  expect(await app.snapshot()).toEqual(before);
};

describe('report.reopen', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('after 不满意: back to accepted with the same handler and a fresh deadline; the handler hears of it', async () => {
    const { id, resident } = await ratedUnsatisfied();
    expect((await app.ok(resident, 'ticket.get', { ticketId: id })).allowedActions).toEqual(['reopen']);
    app.setNow(WEDNESDAY);
    const { view, written } = await reopening(resident, id, REASON);
    expect(view).toMatchObject({
      status: 'accepted',
      level: 'grid',
      gridCode: 'ZD-CZ-HG-01',
      departmentCode: null,
      complexity: 'normal',
      resolveBy: '2026-11-30T15:59:59.999Z', // Wednesday + 3 working days: Thu, Fri, Mon
      resolvedAt: null,
      rating: null,
      ratingComment: null,
      overdue: false,
      allowedActions: [],
    });
    expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'accept', 'resolve', 'rate', 'reopen']);
    // The 不满意 that led here stays on record.
    expect(view.timeline?.[3]).toMatchObject({ kind: 'rate', note: '不满意：没有处理好' });
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'reopen',
      actorRole: 'resident',
      actorLabel: '居民',
      fromStatus: 'closed',
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

    const worker = await app.ok('worker-1', 'ticket.get', { ticketId: id });
    expect(worker.allowedActions).toEqual(['reject', 'transfer', 'dispatch', 'escalate', 'resolve']);
    expect((await app.ok('worker-1', 'queue.list', {})).items.map((t) => t.id)).toContain(id);
  });

  test('a complex ticket gets 5 working days again', async () => {
    const { id, resident } = await ratedUnsatisfied('complex');
    app.setNow(WEDNESDAY);
    const { view } = await reopening(resident, id, REASON);
    expect(view).toMatchObject({ complexity: 'complex', resolveBy: '2026-12-02T15:59:59.999Z' });
  });

  test('only once: the second resolution can be rated, but not reopened again', async () => {
    const { id, resident } = await ratedUnsatisfied();
    await app.ok(resident, 'report.reopen', { ticketId: id, reason: REASON });
    await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已再次清运' });
    const rated = await app.ok(resident, 'report.rate', { ticketId: id, rating: 'unsatisfied' });
    expect(rated).toMatchObject({ status: 'closed', rating: 'unsatisfied', allowedActions: [] });
    await refused(resident, id, 'CONFLICT');
  });

  test('within 7 days of resolution: at 7 days still allowed', async () => {
    const { id, resident } = await ratedUnsatisfied();
    app.setNow(SEVEN_DAYS_LATER);
    const { view } = await reopening(resident, id, REASON);
    expect(view.status).toBe('accepted');
  });

  test('8 days after resolution → CONFLICT, nothing changed', async () => {
    const { id, resident } = await ratedUnsatisfied();
    app.setNow(EIGHT_DAYS_LATER);
    expect((await app.ok(resident, 'ticket.get', { ticketId: id })).allowedActions).toEqual([]);
    await refused(resident, id, 'CONFLICT');
  });

  test.each(['satisfied', 'basic'] as const)('not after %s → CONFLICT, nothing changed', async (rating) => {
    const { id, resident } = await resolved();
    await app.ok(resident, 'report.rate', { ticketId: id, rating });
    await refused(resident, id, 'CONFLICT');
  });

  test.each(['submitted', 'accepted', 'resolved (not rated)', 'rejected', 'withdrawn'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await submitted();
    if (state === 'withdrawn') await app.ok(resident, 'report.withdraw', { ticketId: id });
    else if (state === 'rejected') await app.ok('worker-1', 'ticket.reject', { ticketId: id, reason: '不属于受理范围' });
    else if (state !== 'submitted') {
      await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
      if (state === 'resolved (not rated)') await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已清运' });
    }
    await refused(resident, id, 'CONFLICT');
  });

  test('a ticket a department resolved goes back to that department', async () => {
    const { id, resident } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    await app.ok('dept-1', 'ticket.resolve', { ticketId: id, result: '已清运' });
    await app.ok(resident, 'report.rate', { ticketId: id, rating: 'unsatisfied' });
    const { view, written } = await reopening(resident, id, REASON);
    expect(view).toMatchObject({ status: 'accepted', departmentCode: 'cz-sanitation' });
    expect(told(written)).toEqual(['staffNewTicket→dept-1']);
    expect((await app.ok('dept-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual(['resolve', 'return']);
  });

  test('only by the reporter: another resident cannot see it, staff may not', async () => {
    const { id } = await ratedUnsatisfied();
    await refused('someone-else', id, 'NOT_FOUND');
    await refused('worker-2', id, 'NOT_FOUND');
    await refused('worker-1', id, 'FORBIDDEN');
    await refused('community-1', id, 'FORBIDDEN');
    await refused('street-1', id, 'FORBIDDEN');
    await refused('someone-else', 'no-such-ticket', 'NOT_FOUND');
  });

  test('a reason with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id, resident } = await ratedUnsatisfied();
    const before = await app.snapshot();
    expect(await app.call(resident, 'report.reopen', { ticketId: id, reason: '违禁测试' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    ['missing reason', {}],
    ['blank reason', { reason: '   ' }],
    ['reason over 200 characters', { reason: '重'.repeat(201) }],
    ['boolean as reason', { reason: true }],
    ['operator as reason', { reason: { $set: { reopenCount: 0 } } }],
    ['unknown field', { reason: REASON, reopenCount: 0 }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id, resident } = await ratedUnsatisfied();
    const before = await app.snapshot();
    expect(await app.raw(resident, { action: 'report.reopen', params: { ticketId: id, ...extra } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });
});
