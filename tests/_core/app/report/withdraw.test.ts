// report.withdraw: the reporter takes back a report nobody has accepted yet; it ends `withdrawn`
// with nothing left due, and leaves every queue.
import { reportParams, seedCommunity, startTestApp, type TestApp } from '../../../support/app';

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedCommunity(app);
});
afterAll(() => app.close());

const TUESDAY = '2026-11-24T02:00:00.000Z';

let residents = 0;
async function submitted(): Promise<{ id: string; resident: string }> {
  residents += 1; // a fresh resident each time: one resident may file only 10 an hour
  const resident = `withdraw-resident-${residents}`;
  const { ticketId } = await app.ok(resident, 'report.submit', reportParams());
  return { id: ticketId, resident };
}

const rows = async (collection: string): Promise<Row[]> => ((await app.snapshot()) as Snapshot)[collection] ?? [];
const messagesOf = async (ticketId: string): Promise<Row[]> => (await rows('outbox')).filter((r) => r.ticketId === ticketId);
const ids = (page: { items: Array<{ id: string }> }): string[] => page.items.map((t) => t.id);

describe('report.withdraw', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the reporter withdraws a submitted report, with a reason: withdrawn, nothing due, out of the queue', async () => {
    const { id, resident } = await submitted();
    expect(ids(await app.ok('worker-1', 'queue.list', {}))).toContain(id);
    const messagesBefore = (await messagesOf(id)).length;
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
    expect(await messagesOf(id)).toHaveLength(messagesBefore);

    expect(ids(await app.ok('worker-1', 'queue.list', {}))).not.toContain(id);
    expect(ids(await app.ok('worker-1', 'queue.list', { status: 'withdrawn' }))).toContain(id);
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual([]);
    expect(ids(await app.ok(resident, 'report.mine', { status: 'withdrawn' }))).toContain(id);
  });

  test('the figures count it as withdrawn', async () => {
    const rollup = async (): Promise<Row | undefined> => (await rows('rollups')).find((r) => r._id === '20261124|ZD-CZ-HG-01|sanitation');
    const { id, resident } = await submitted();
    const before = await rollup();
    await app.ok(resident, 'report.withdraw', { ticketId: id });
    const after = await rollup();
    expect(Number(after?.withdrawn)).toBe(Number(before?.withdrawn) + 1);
    expect(after?.received).toBe(before?.received);
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
    const before = await app.snapshot();
    expect(await app.call('someone-else', 'report.withdraw', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('worker-2', 'report.withdraw', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const staff of ['worker-1', 'community-1', 'street-1']) {
      expect(await app.call(staff, 'report.withdraw', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await app.call(null, 'report.withdraw', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await app.call('someone-else', 'report.withdraw', { ticketId: 'no-such-ticket' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each(['accepted', 'resolved', 'closed', 'rejected', 'withdrawn'] as const)('once %s → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await submitted();
    if (state === 'withdrawn') await app.ok(resident, 'report.withdraw', { ticketId: id });
    else if (state === 'rejected') await app.ok('worker-1', 'ticket.reject', { ticketId: id, reason: '不属于受理范围' });
    else {
      await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
      if (state !== 'accepted') await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已清运' });
      if (state === 'closed') await app.ok(resident, 'report.rate', { ticketId: id, rating: 'satisfied' });
    }
    const before = await app.snapshot();
    expect(await app.call(resident, 'report.withdraw', { ticketId: id, reason: '不需要了' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await app.snapshot()).toEqual(before);
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
    const before = await app.snapshot();
    expect(await app.call(resident, 'report.withdraw', { ticketId: id, reason: '违禁测试' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await app.snapshot()).toEqual(before);
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
    const before = await app.snapshot();
    expect(await app.raw(resident, { action: 'report.withdraw', params })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await app.snapshot()).toEqual(before);
  });
});
