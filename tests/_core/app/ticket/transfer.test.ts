// ticket.transfer (转派): the responsible staff hand a ticket to another grid with a reason; it is
// `submitted` there with a fresh acceptance deadline, and the new grid's workers hear of it. The
// second transfer of one ticket sends it to the community instead, so it never ping-pongs.
import { seedCommunity, useTestApp } from '../../../support/app';
import {
  importNeighbourAreas,
  bringTo,
  cellTally,
  expectNoneOf,
  expectRefused,
  expectRefusedFor,
  fileReport,
  freshResidents,
  rowById,
  told,
  withMessages,
  type Row,
} from '../../../support/flows';

const app = useTestApp(seedCommunity);

// Thursday 2026-11-26 10:00 Shanghai: submitted, due to be accepted by Friday 24:00.
const THURSDAY = '2026-11-26T02:00:00.000Z';
// Friday 2026-11-27 09:00 Shanghai: a fresh working day for the new owner skips the weekend.
const FRIDAY = '2026-11-27T01:00:00.000Z';
const MONDAY_END = '2026-11-30T15:59:59.999Z';
const GRID_3 = 'ZD-CZ-HG-03';
const DESCRIPTION = '楼下垃圾桶已经满了两天，没人清运。';
const PHONE = '13912345678';

const nextResident = freshResidents('transfer-resident');
const submitted = () => fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE });

/** Runs a move and answers the outbox rows it wrote for the ticket, as "template→touser". */
async function toldDuring(ticketId: string, move: () => Promise<unknown>): Promise<{ told: string[]; rows: Row[] }> {
  const { written } = await withMessages(app, ticketId, move);
  return { told: told(written), rows: written };
}

const reason = '位置在共青团路，属第三网格';

describe('ticket.transfer', () => {
  beforeEach(() => app.setNow(THURSDAY));

  test('a submitted ticket moves to the other grid, submitted, with a fresh acceptance deadline', async () => {
    const { id, resident } = await submitted();
    app.setNow(FRIDAY);
    let view: Api.TicketView | undefined;
    const { told, rows: written } = await toldDuring(id, async () => {
      view = await app.ok('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: GRID_3, reason });
    });
    expect(view).toMatchObject({
      status: 'submitted',
      level: 'grid',
      gridCode: GRID_3,
      gridName: '华光社区第三网格（共青团路）',
      communityName: '华光社区',
      departmentCode: null,
      acceptBy: MONDAY_END,
      resolveBy: null,
      complexity: null,
      allowedActions: [],
    });
    expect(view?.timeline?.map((e) => e.kind)).toEqual(['submit', 'transfer']);
    expect(view?.timeline?.at(-1)).toMatchObject({
      kind: 'transfer',
      actorRole: 'gridWorker',
      actorLabel: '网格员',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      level: 'grid',
      note: reason,
      at: new Date(FRIDAY).toISOString(),
    });

    // The new grid's worker hears of a new ticket; the resident and the mover hear nothing.
    expect(told).toEqual([`staffNewTicket→worker-2`]);
    expect(written[0]?.data).toEqual({
      character_string1: { value: view?.no },
      thing2: { value: '环境卫生' },
      phrase3: { value: '待受理' },
      time4: { value: '2026年11月27日 09:00' },
      thing5: { value: '请于11月30日 24:00前处理' },
    });
    expectNoneOf(written, [DESCRIPTION, PHONE, resident]);

    // worker-1 has lost it; worker-2 owns it now.
    expect(await app.call('worker-1', 'ticket.get', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const owner = await app.ok('worker-2', 'ticket.get', { ticketId: id });
    expect(owner.allowedActions).toEqual(['accept', 'reject', 'transfer', 'escalate']);
    expect((await app.ok('worker-2', 'queue.list', {})).items.map((t) => t.id)).toContain(id);
    expect((await app.ok('worker-1', 'queue.list', {})).items.map((t) => t.id)).not.toContain(id);
    const own = await app.ok(resident, 'ticket.get', { ticketId: id });
    expect(own).toMatchObject({ status: 'submitted', gridCode: GRID_3, allowedActions: ['withdraw'] });
  });

  test('an accepted ticket goes back to submitted in its new grid: complexity and resolution deadline cleared', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'complex' });
    app.setNow(FRIDAY);
    const view = await app.ok('community-1', 'ticket.transfer', { ticketId: id, toGridCode: GRID_3, reason });
    expect(view).toMatchObject({
      status: 'submitted',
      level: 'grid',
      gridCode: GRID_3,
      acceptBy: MONDAY_END,
      resolveBy: null,
      complexity: null,
    });
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'transfer',
      actorRole: 'communityAdmin',
      actorLabel: '社区',
      fromStatus: 'accepted',
      toStatus: 'submitted',
    });
    // The community admin still sees and owns it (grid level of their community).
    expect(view.allowedActions).toEqual(['accept', 'reject', 'transfer', 'escalate']);
  });

  test('an urgent repair gets 30 plain minutes in its new grid', async () => {
    const { id: ticketId } = await fileReport(app, nextResident(), { category: 'urgent-repair' });
    app.setNow('2026-11-26T02:10:00.000Z');
    const view = await app.ok('worker-1', 'ticket.transfer', { ticketId, toGridCode: GRID_3, reason });
    expect(view.acceptBy).toBe('2026-11-26T02:40:00.000Z');
  });

  test('the second transfer sends the ticket to the community, never back to a grid', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: GRID_3, reason });
    app.setNow(FRIDAY);
    let view: Api.TicketView | undefined;
    const { told } = await toldDuring(id, async () => {
      view = await app.ok('worker-2', 'ticket.transfer', { ticketId: id, toGridCode: 'ZD-CZ-HG-01', reason: '应由第一网格处理' });
    });
    expect(view).toMatchObject({ status: 'submitted', level: 'community', gridCode: GRID_3, acceptBy: MONDAY_END });
    expect(view?.timeline?.at(-1)).toMatchObject({ kind: 'transfer', level: 'community', toStatus: 'submitted' });
    expect(view?.timeline?.at(-1)?.note).toContain('应由第一网格处理');
    expect(view?.timeline?.at(-1)?.note).toContain('社区');
    expect(told).toEqual(['staffNewTicket→community-1']);

    // Neither grid worker holds it: worker-1 cannot see it, worker-2 sees it but may do nothing.
    expect(await app.call('worker-1', 'ticket.get', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await app.ok('worker-2', 'ticket.get', { ticketId: id })).allowedActions).toEqual([]);
    await expectRefused(app, 'CONFLICT', () =>
      app.call('worker-2', 'ticket.transfer', { ticketId: id, toGridCode: 'ZD-CZ-HG-05', reason }),
    );
    const community = await app.ok('community-1', 'ticket.get', { ticketId: id });
    expect(community.allowedActions).toEqual(expect.arrayContaining(['accept', 'reject', 'escalate']));
    expect((await app.ok('community-1', 'queue.list', {})).items.map((t) => t.id)).toContain(id);
  });

  test('the ticket’s contribution to the figures moves from the old grid’s cell to the new one (figures job)', async () => {
    const { id } = await submitted();
    const [from, to] = [await cellTally(app, 'ZD-CZ-HG-01', '2026-11-26'), await cellTally(app, GRID_3, '2026-11-26')];
    expect(from.received).toBeGreaterThan(0);
    await app.ok('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: GRID_3, reason });
    expect((await cellTally(app, 'ZD-CZ-HG-01', '2026-11-26')).received).toBe(from.received - 1);
    expect((await cellTally(app, GRID_3, '2026-11-26')).received).toBe((to.received ?? 0) + 1);
    expect(await rowById(app, 'rollups', `cell|${GRID_3}|2026-11-26`)).toMatchObject({
      gridCode: GRID_3,
      community: '华光社区',
      street: '车站街道',
      district: '张店区',
    });
  });

  test('to an unknown grid → NOT_FOUND, nothing changed', async () => {
    const { id } = await submitted();
    await expectRefused(app, 'NOT_FOUND', () =>
      app.call('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: 'ZD-CZ-HG-99', reason }),
    );
  });

  test('to a grid of another district → FORBIDDEN, nothing changed; within the district it works', async () => {
    await importNeighbourAreas(app);
    const { id } = await submitted();
    const error = await expectRefused(app, 'FORBIDDEN', () =>
      app.call('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: 'ZC-CB-01', reason }),
    );
    expect(error.message).toBe('只能转派到本区的网格');
    // 和平街道 is another street of the same district: allowed.
    expect((await app.ok('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: 'ZD-HP-01', reason })).gridCode).toBe('ZD-HP-01');
  });

  test('to the grid it is already in → INVALID_INPUT, nothing changed', async () => {
    const { id } = await submitted();
    await expectRefused(app, 'INVALID_INPUT', () =>
      app.call('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: 'ZD-CZ-HG-01', reason }),
    );
  });

  test('only the responsible staff: another grid cannot see it, the reporter may not, a level above must wait', async () => {
    const { id, resident } = await submitted();
    await expectRefusedFor(app, 'ticket.transfer', { ticketId: id, toGridCode: GRID_3, reason }, [
      ['worker-2', 'NOT_FOUND'],
      [resident, 'FORBIDDEN'],
      ['someone-else', 'FORBIDDEN'],
      // The street sees it but does not hold it while it sits at grid level.
      ['street-1', 'CONFLICT'],
      [null, 'UNAUTHENTICATED'],
    ]);
  });

  test.each(['resolved', 'closed', 'rejected', 'withdrawn'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const ticket = await submitted();
    await bringTo(app, ticket, state);
    await expectRefused(app, 'CONFLICT', () =>
      app.call('worker-1', 'ticket.transfer', { ticketId: ticket.id, toGridCode: GRID_3, reason }),
    );
  });

  test('a reason with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await submitted();
    await expectRefused(app, 'CONTENT_REJECTED', () =>
      app.call('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: GRID_3, reason: '违禁测试' }),
    );
  });

  test('two moves at once on the same ticket: exactly one wins', async () => {
    const { id } = await submitted();
    const answers = await Promise.all([
      app.call('worker-1', 'ticket.transfer', { ticketId: id, toGridCode: GRID_3, reason }),
      app.call('community-1', 'ticket.accept', { ticketId: id, complexity: 'normal' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  test.each([
    ['missing reason', { toGridCode: GRID_3 }],
    ['blank reason', { toGridCode: GRID_3, reason: '   ' }],
    ['reason over 200 characters', { toGridCode: GRID_3, reason: '转'.repeat(201) }],
    ['number as grid code', { toGridCode: 3, reason }],
    ['operator as grid code', { toGridCode: { $ne: null }, reason }],
    ['operator as reason', { toGridCode: GRID_3, reason: { $set: { level: 'district' } } }],
    ['unknown field', { toGridCode: GRID_3, reason, level: 'community' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id } = await submitted();
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('worker-1', { action: 'ticket.transfer', params: { ticketId: id, ...extra } }));
  });
});
