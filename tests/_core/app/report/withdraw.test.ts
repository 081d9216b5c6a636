// report.withdraw: the reporter takes back a report nobody has accepted yet; it ends `withdrawn`
// with nothing left due, and leaves every queue.
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  cellTally,
  expectRefused,
  expectUnchanged,
  fileReport,
  freshResidents,
  ids,
  messagesOf,
  TUESDAY,
} from '../../../support/flows';

const app = useTestApp(seedCommunity);

const nextResident = freshResidents('withdraw-resident');
const submitted = () => fileReport(app, nextResident());

describe('report.withdraw', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the reporter withdraws a submitted report, with a reason: withdrawn, nothing due, out of the queue', async () => {
    const { id, resident } = await submitted();
    expect(ids(await app.ok('worker-1', 'queue.list', {}))).toContain(id);
    const messagesBefore = (await messagesOf(app, id)).length;
    app.setNow('2026-11-24T02:15:00.000Z');
    const view = await app.ok(resident, 'report.withdraw', { ticketId: id, reason: '已经自行解决了' });
    expect(view).toMatchObject({ status: 'withdrawn', level: 'grid', acceptBy: null, resolveBy: null, overdue: false, allowedActions: [] });
    expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'withdraw']);
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'withdraw',
      actorRole: 'resident',
      actorLabel: '居民',
      fromStatus: 'submitted',
      toStatus: 'withdrawn',
      level: 'grid',
      note: '已经自行解决了',
      at: '2026-11-24T02:15:00.000Z',
    });
    // No message for a withdrawal, to anyone.
    expect(await messagesOf(app, id)).toHaveLength(messagesBefore);

    expect(ids(await app.ok('worker-1', 'queue.list', {}))).not.toContain(id);
    expect(ids(await app.ok('worker-1', 'queue.list', { status: 'withdrawn' }))).toContain(id);
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual([]);
    expect(ids(await app.ok(resident, 'report.mine', { status: 'withdrawn' }))).toContain(id);
  });

  test('the figures count it as withdrawn (once the figures job has run)', async () => {
    const { id, resident } = await submitted();
    const before = await cellTally(app, 'ZD-CZ-HG-01', '2026-11-24');
    await app.ok(resident, 'report.withdraw', { ticketId: id });
    const after = await cellTally(app, 'ZD-CZ-HG-01', '2026-11-24');
    expect(before.received).toBeGreaterThan(0);
    expect(after.withdrawn).toBe((before.withdrawn ?? 0) + 1);
    expect(after.received).toBe(before.received);
  });

  test('without a reason, the timeline note is empty', async () => {
    const { id, resident } = await submitted();
    const view = await app.ok(resident, 'report.withdraw', { ticketId: id });
    expect(view.status).toBe('withdrawn');
    expect(view.timeline?.at(-1)?.note).toBeNull();
  });

  test('a grid worker may withdraw their own patrol find', async () => {
    const { ticketId } = await app.ok('worker-1', 'report.submit', reportParams({ patrol: true }));
    const view = await app.ok('worker-1', 'report.withdraw', { ticketId });
    expect(view.status).toBe('withdrawn');
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'withdraw', actorRole: 'gridWorker' });
  });

  test('only by the reporter: another resident cannot see it, staff may not withdraw it', async () => {
    const { id } = await submitted();
    await expectUnchanged(app, async () => {
      expect(await app.call('someone-else', 'report.withdraw', { ticketId: id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await app.call('worker-2', 'report.withdraw', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const staff of ['worker-1', 'community-1', 'street-1']) {
        expect(await app.call(staff, 'report.withdraw', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(await app.call(null, 'report.withdraw', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await app.call('someone-else', 'report.withdraw', { ticketId: 'no-such-ticket' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  test.each(['accepted', 'resolved', 'closed', 'rejected', 'withdrawn'] as const)('once %s → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await submitted();
    await bringTo(app, { id, resident }, state);
    await expectRefused(app, 'CONFLICT', () => app.call(resident, 'report.withdraw', { ticketId: id, reason: '不需要了' }));
  });

  test('withdrawing while the worker accepts: exactly one wins', async () => {
    const { id, resident } = await submitted();
    const answers = await Promise.all([
      app.call(resident, 'report.withdraw', { ticketId: id }),
      app.call('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  test('a reason with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id, resident } = await submitted();
    await expectRefused(app, 'CONTENT_REJECTED', () => app.call(resident, 'report.withdraw', { ticketId: id, reason: '违禁测试' }));
  });

  test.each([
    ['missing ticketId', {}],
    ['reason over 200 characters', { reason: '撤'.repeat(201) }],
    ['number as reason', { reason: 3 }],
    ['operator as ticketId', { ticketId: { $ne: null } }],
    ['operator as reason', { reason: { $set: { status: 'withdrawn' } } }],
    ['unknown field', { status: 'withdrawn' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id, resident } = await submitted();
    const params = _name === 'missing ticketId' ? {} : { ticketId: id, ...extra };
    await expectRefused(app, 'INVALID_INPUT', () => app.raw(resident, { action: 'report.withdraw', params }));
  });
});
