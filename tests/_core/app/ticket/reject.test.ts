// ticket.reject (不予受理): the responsible staff refuse a submitted or accepted ticket with a
// reason; a duplicate names the ticket that is kept. The resident hears ticketRejected.
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  cellTally,
  expectNoneOf,
  expectRefused,
  expectRefusedFor,
  expectUnchanged,
  fileReport,
  freshResidents,
  makeMove,
  messagesOf,
  TUESDAY,
} from '../../../support/flows';

const app = useTestApp(seedCommunity);

const DESCRIPTION = '邻居家装修噪音太大，晚上十点还在施工。';
const PHONE = '13612345678';

const nextResident = freshResidents('reject-resident');
const submitted = (overrides: Partial<Api.ReportSubmitParams> = {}) =>
  fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE, ...overrides });

const rejecting = (openid: string, params: Api.Params<'ticket.reject'>) => makeMove(app, openid, 'ticket.reject', params);

const REASON = '不属于本网格受理范围';

describe('ticket.reject', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('a submitted ticket is rejected with the reason; the resident is told, nothing else is due', async () => {
    const { id, resident } = await submitted();
    app.setNow('2026-11-24T03:30:00.000Z');
    const { view, told, written } = await rejecting('worker-1', { ticketId: id, reason: REASON });
    expect(view).toMatchObject({ status: 'rejected', level: 'grid', acceptBy: null, resolveBy: null, overdue: false, allowedActions: [] });
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'reject',
      actorRole: 'gridWorker',
      actorLabel: '网格员',
      fromStatus: 'submitted',
      toStatus: 'rejected',
      level: 'grid',
      note: REASON,
      at: '2026-11-24T03:30:00.000Z',
    });
    expect(told).toEqual([`ticketRejected→${resident}`]);
    expect(written[0]).toMatchObject({ page: `pages/ticket/ticket?id=${id}` });
    expect(written[0]?.data).toEqual({
      character_string1: { value: view.no },
      thing2: { value: '环境卫生' },
      phrase3: { value: '不予受理' },
      time4: { value: '2026年11月24日 11:30' },
      thing5: { value: '点击查看原因' },
    });
    expectNoneOf(written, [DESCRIPTION, PHONE, REASON]);

    const own = await app.ok(resident, 'ticket.get', { ticketId: id });
    expect(own).toMatchObject({ status: 'rejected', allowedActions: [] });
    expect(own.timeline?.at(-1)?.note).toBe(REASON);
    expect((await app.ok('worker-1', 'queue.list', {})).items.map((t) => t.id)).not.toContain(id);
    expect((await app.ok('worker-1', 'queue.list', { status: 'rejected' })).items.map((t) => t.id)).toContain(id);
  });

  test('the figures count it as rejected (once the figures job has run)', async () => {
    const { id } = await submitted();
    const before = await cellTally(app, 'ZD-CZ-HG-01', '2026-11-24');
    await app.ok('worker-1', 'ticket.reject', { ticketId: id, reason: REASON });
    const after = await cellTally(app, 'ZD-CZ-HG-01', '2026-11-24');
    expect(before.received).toBeGreaterThan(0);
    expect(after.rejected).toBe((before.rejected ?? 0) + 1);
    expect(after.received).toBe(before.received);
  });

  test('an accepted ticket may be rejected too; the community admin may do it for any grid', async () => {
    const { id, resident } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    const { view, told } = await rejecting('community-1', { ticketId: id, reason: '属于民事纠纷，建议通过法律途径解决' });
    expect(view).toMatchObject({ status: 'rejected', acceptBy: null, resolveBy: null });
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'reject',
      actorRole: 'communityAdmin',
      actorLabel: '社区',
      fromStatus: 'accepted',
    });
    expect(told).toEqual([`ticketRejected→${resident}`]);
  });

  test('a duplicate links the kept ticket: the note names its number', async () => {
    const kept = await submitted();
    const dup = await submitted();
    const { view } = await rejecting('worker-1', { ticketId: dup.id, reason: '重复上报', duplicateOf: kept.id });
    expect(view.status).toBe('rejected');
    expect(view.timeline?.at(-1)?.note).toContain('重复上报');
    expect(view.timeline?.at(-1)?.note).toContain(kept.no);
    // The kept ticket is untouched.
    const keptView = await app.ok('worker-1', 'ticket.get', { ticketId: kept.id });
    expect(keptView.status).toBe('submitted');
    expect(keptView.timeline?.map((e) => e.kind)).toEqual(['submit']);
  });

  test('a duplicate of an unknown ticket, or of one the staff cannot see → NOT_FOUND, nothing changed', async () => {
    const { id } = await submitted();
    // A ticket in grid 03, outside worker-1's sight.
    const elsewhere = await submitted({ location: { latitude: 36.8135, longitude: 118.0464 } });
    expect((await app.ok('worker-2', 'ticket.get', { ticketId: elsewhere.id })).gridCode).toBe('ZD-CZ-HG-03');
    await expectUnchanged(app, async () => {
      expect(await app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '重复', duplicateOf: 'no-such-ticket' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '重复', duplicateOf: elsewhere.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  test('a duplicate of itself → INVALID_INPUT, nothing changed', async () => {
    const { id } = await submitted();
    await expectRefused(app, 'INVALID_INPUT', () =>
      app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '重复', duplicateOf: id }),
    );
  });

  test('a patrol find has no resident to tell', async () => {
    const { ticketId } = await app.ok('worker-1', 'report.submit', reportParams({ patrol: true }));
    const { told } = await rejecting('worker-1', { ticketId, reason: '现场核实已不存在' });
    expect(told).toEqual([]);
  });

  test('only the responsible staff: another grid cannot see it, the reporter may not, the street must wait', async () => {
    const { id, resident } = await submitted();
    await expectRefusedFor(app, 'ticket.reject', { ticketId: id, reason: REASON }, [
      ['worker-2', 'NOT_FOUND'],
      [resident, 'FORBIDDEN'],
      ['street-1', 'CONFLICT'],
    ]);
    await expectRefused(app, 'NOT_FOUND', () => app.call('worker-1', 'ticket.reject', { ticketId: 'no-such-ticket', reason: REASON }));
  });

  test.each(['resolved', 'closed', 'rejected', 'withdrawn'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const ticket = await submitted();
    await bringTo(app, ticket, state, { result: '已协调处理', reason: REASON });
    await expectRefused(app, 'CONFLICT', () => app.call('worker-1', 'ticket.reject', { ticketId: ticket.id, reason: REASON }));
  });

  test('two staff rejecting at once: exactly one wins, one message to the resident', async () => {
    const { id, resident } = await submitted();
    const answers = await Promise.all([
      app.call('worker-1', 'ticket.reject', { ticketId: id, reason: REASON }),
      app.call('community-1', 'ticket.reject', { ticketId: id, reason: '重复上报' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await messagesOf(app, id)).filter((r) => r.touser === resident)).toHaveLength(1);
  });

  test('a reason with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await submitted();
    await expectRefused(app, 'CONTENT_REJECTED', () => app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '违禁测试' }));
  });

  test.each([
    ['missing reason', {}],
    ['blank reason', { reason: ' \n ' }],
    ['reason over 200 characters', { reason: '拒'.repeat(201) }],
    ['array as reason', { reason: ['重复'] }],
    ['operator as duplicateOf', { reason: '重复', duplicateOf: { $ne: null } }],
    ['number as duplicateOf', { reason: '重复', duplicateOf: 7 }],
    ['unknown field', { reason: REASON, status: 'closed' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id } = await submitted();
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('worker-1', { action: 'ticket.reject', params: { ticketId: id, ...extra } }));
  });
});
