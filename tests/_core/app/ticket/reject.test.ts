// ticket.reject (不予受理): the responsible staff refuse a submitted or accepted ticket with a
// reason; a duplicate names the ticket that is kept. The resident hears ticketRejected.
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
const DESCRIPTION = '邻居家装修噪音太大，晚上十点还在施工。';
const PHONE = '13612345678';

let residents = 0;
async function submitted(overrides: Partial<Api.ReportSubmitParams> = {}): Promise<{ id: string; no: string; resident: string }> {
  residents += 1; // a fresh resident each time: one resident may file only 10 an hour
  const resident = `reject-resident-${residents}`;
  const { ticketId, no } = await app.ok(resident, 'report.submit', reportParams({ description: DESCRIPTION, contactPhone: PHONE, ...overrides }));
  return { id: ticketId, no, resident };
}

const rows = async (collection: string): Promise<Row[]> => ((await app.snapshot()) as Snapshot)[collection] ?? [];
const messagesOf = async (ticketId: string): Promise<Row[]> => (await rows('outbox')).filter((r) => r.ticketId === ticketId);

async function rejecting(openid: string, params: Api.Params<'ticket.reject'>): Promise<{ view: Api.TicketView; told: string[]; written: Row[] }> {
  const seen = new Set((await messagesOf(params.ticketId)).map((r) => r._id));
  const view = await app.ok(openid, 'ticket.reject', params);
  const written = (await messagesOf(params.ticketId)).filter((r) => !seen.has(r._id));
  return { view, told: written.map((r) => `${String(r.template)}→${String(r.touser)}`), written };
}

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
    const text = JSON.stringify(written);
    expect(text).not.toContain(DESCRIPTION);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(REASON);

    const own = await app.ok(resident, 'ticket.get', { ticketId: id });
    expect(own).toMatchObject({ status: 'rejected', allowedActions: [] });
    expect(own.timeline?.at(-1)?.note).toBe(REASON);
    expect((await app.ok('worker-1', 'queue.list', {})).items.map((t) => t.id)).not.toContain(id);
    expect((await app.ok('worker-1', 'queue.list', { status: 'rejected' })).items.map((t) => t.id)).toContain(id);
  });

  test('the figures count it as rejected, no longer open', async () => {
    const rollup = async (): Promise<Row | undefined> => (await rows('rollups')).find((r) => r._id === '20261124|ZD-CZ-HG-01|sanitation');
    const { id } = await submitted();
    const before = await rollup();
    await app.ok('worker-1', 'ticket.reject', { ticketId: id, reason: REASON });
    const after = await rollup();
    expect(Number(after?.rejected)).toBe(Number(before?.rejected) + 1);
    expect(after?.received).toBe(before?.received);
  });

  test('an accepted ticket may be rejected too; the community admin may do it for any grid', async () => {
    const { id, resident } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    const { view, told } = await rejecting('community-1', { ticketId: id, reason: '属于民事纠纷，建议通过法律途径解决' });
    expect(view).toMatchObject({ status: 'rejected', acceptBy: null, resolveBy: null });
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'reject', actorRole: 'communityAdmin', actorLabel: '社区', fromStatus: 'accepted' });
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
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '重复', duplicateOf: 'no-such-ticket' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '重复', duplicateOf: elsewhere.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a duplicate of itself → INVALID_INPUT, nothing changed', async () => {
    const { id } = await submitted();
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '重复', duplicateOf: id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a patrol find has no resident to tell', async () => {
    const { ticketId } = await app.ok('worker-1', 'report.submit', reportParams({ patrol: true }));
    const { told } = await rejecting('worker-1', { ticketId, reason: '现场核实已不存在' });
    expect(told).toEqual([]);
  });

  test('only the responsible staff: another grid cannot see it, the reporter may not, the street must wait', async () => {
    const { id, resident } = await submitted();
    const before = await app.snapshot();
    const params = { ticketId: id, reason: REASON };
    expect(await app.call('worker-2', 'ticket.reject', params)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call(resident, 'ticket.reject', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('street-1', 'ticket.reject', params)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.call('worker-1', 'ticket.reject', { ticketId: 'no-such-ticket', reason: REASON })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each(['resolved', 'closed', 'rejected', 'withdrawn'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const { id, resident } = await submitted();
    if (state === 'withdrawn') await app.ok(resident, 'report.withdraw', { ticketId: id });
    else if (state === 'rejected') await app.ok('worker-1', 'ticket.reject', { ticketId: id, reason: REASON });
    else {
      await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
      await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已协调处理' });
      if (state === 'closed') await app.ok(resident, 'report.rate', { ticketId: id, rating: 'satisfied' });
    }
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.reject', { ticketId: id, reason: REASON })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('two staff rejecting at once: exactly one wins, one message to the resident', async () => {
    const { id, resident } = await submitted();
    const answers = await Promise.all([
      app.call('worker-1', 'ticket.reject', { ticketId: id, reason: REASON }),
      app.call('community-1', 'ticket.reject', { ticketId: id, reason: '重复上报' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await messagesOf(id)).filter((r) => r.touser === resident)).toHaveLength(1);
  });

  test('a reason with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await submitted();
    const before = await app.snapshot();
    expect(await app.call('worker-1', 'ticket.reject', { ticketId: id, reason: '违禁测试' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await app.snapshot()).toEqual(before);
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
    const before = await app.snapshot();
    expect(await app.raw('worker-1', { action: 'ticket.reject', params: { ticketId: id, ...extra } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.snapshot()).toEqual(before);
  });
});
