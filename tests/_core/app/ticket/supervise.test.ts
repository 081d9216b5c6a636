// ticket.supervise (督办): a street or district admin puts a supervision on an open ticket of their
// area — a `supervisions` record, a timeline entry, and a staffEscalated reminder to whoever holds
// it now. Status, level and deadlines stay as they are.
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
  makeMove,
  neighbourAreasWithAdmins,
  rows,
  told,
  TUESDAY,
  WEDNESDAY,
  type Row,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  // Another street of 张店区 and another district, with their admins.
  await neighbourAreasWithAdmins(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
});

const DESCRIPTION = '路灯坏了一个多星期，晚上很黑。';
const PHONE = '13312345678';
const NOTE = '请于今日内联系居民并反馈';

const nextResident = freshResidents('supervise-resident');
const submitted = () => fileReport(app, nextResident(), { category: 'facilities', description: DESCRIPTION, contactPhone: PHONE });

const supervisionsOf = async (ticketId: string): Promise<Row[]> => (await rows(app, 'supervisions')).filter((r) => r.ticketId === ticketId);
const supervising = (openid: string, ticketId: string, note: string) => makeMove(app, openid, 'ticket.supervise', { ticketId, note });

describe('ticket.supervise', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the street admin supervises a submitted grid ticket: a record, a timeline entry, a reminder to the grid worker', async () => {
    const { id, resident } = await submitted();
    app.setNow(WEDNESDAY);
    const { view, written } = await supervising('street-1', id, NOTE);
    // Nothing about the ticket's place in the lifecycle changes.
    expect(view).toMatchObject({
      status: 'submitted',
      level: 'grid',
      acceptBy: '2026-11-25T15:59:59.999Z',
      resolveBy: null,
      overdue: false,
    });
    expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'supervise']);
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'supervise',
      actorRole: 'streetAdmin',
      actorLabel: '街道',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      level: 'grid',
      note: NOTE,
      at: WEDNESDAY,
    });
    // The street may supervise again, but does not hold the ticket.
    expect(view.allowedActions).toEqual(['supervise']);

    const records = await supervisionsOf(id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ticketId: id, by: 'street-1', byRole: 'streetAdmin', level: 'grid', note: NOTE });
    expect(new Date(records[0]?.at as string | Date).toISOString()).toBe(WEDNESDAY);

    expect(told(written)).toEqual(['staffEscalated→worker-1']);
    expectNoneOf(written, [DESCRIPTION, PHONE, NOTE]);
    expect(written.filter((r) => r.touser === resident)).toEqual([]);

    // The grid worker can still do their job on it.
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual(['accept', 'reject', 'transfer', 'escalate']);
  });

  test('the district admin supervises an accepted ticket; each supervision leaves its own record', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('street-1', 'ticket.supervise', { ticketId: id, note: '请加快办理' });
    const { view, written } = await supervising('district-1', id, NOTE);
    expect(view).toMatchObject({ status: 'accepted', resolveBy: '2026-11-27T15:59:59.999Z' });
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'supervise',
      actorRole: 'districtAdmin',
      fromStatus: 'accepted',
      toStatus: 'accepted',
    });
    expect(told(written)).toEqual(['staffEscalated→worker-1']);
    const records = await supervisionsOf(id);
    expect(records.map((r) => [r.by, r.byRole])).toEqual(
      expect.arrayContaining([
        ['street-1', 'streetAdmin'],
        ['district-1', 'districtAdmin'],
      ]),
    );
    expect(records).toHaveLength(2);
  });

  test('a dispatched ticket: the department is reminded', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    const { written } = await supervising('street-1', id, NOTE);
    expect(told(written)).toEqual(['staffEscalated→dept-1']);
  });

  test('supervising a ticket the street holds itself: the record is kept, nobody else to remind', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.escalate', { ticketId: id, reason: '需要协调' });
    await app.ok('community-1', 'ticket.escalate', { ticketId: id, reason: '需要街道协调' });
    const { view, written } = await supervising('street-1', id, NOTE);
    expect(view.level).toBe('street');
    expect(written).toEqual([]);
    expect(await supervisionsOf(id)).toEqual([expect.objectContaining({ level: 'street', by: 'street-1' })]);
  });

  test('not by grid workers, community admins, departments or the reporter: FORBIDDEN; other areas: NOT_FOUND', async () => {
    const { id, resident } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: id, departmentCode: 'cz-sanitation' });
    await expectRefusedFor(app, 'ticket.supervise', { ticketId: id, note: NOTE }, [
      ['worker-1', 'FORBIDDEN'],
      ['community-1', 'FORBIDDEN'],
      ['dept-1', 'FORBIDDEN'],
      [resident, 'FORBIDDEN'],
      ['worker-2', 'NOT_FOUND'],
      ['street-hp', 'NOT_FOUND'],
      ['district-zc', 'NOT_FOUND'],
    ]);
    await expectRefused(app, 'NOT_FOUND', () => app.call('street-1', 'ticket.supervise', { ticketId: 'no-such-ticket', note: NOTE }));
  });

  test.each(['resolved', 'closed', 'rejected', 'withdrawn'] as const)(
    'a %s ticket is not open → CONFLICT, nothing changed',
    async (state) => {
      const ticket = await submitted();
      await bringTo(app, ticket, state, { result: '已更换灯泡' });
      await expectRefused(app, 'CONFLICT', () => app.call('street-1', 'ticket.supervise', { ticketId: ticket.id, note: NOTE }));
    },
  );

  test('a note with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await submitted();
    await expectRefused(app, 'CONTENT_REJECTED', () => app.call('street-1', 'ticket.supervise', { ticketId: id, note: '违禁测试' }));
  });

  test.each([
    ['missing note', {}],
    ['blank note', { note: '   ' }],
    ['note over 200 characters', { note: '督'.repeat(201) }],
    ['number as note', { note: 1 }],
    ['operator as note', { note: { $set: { overdue: true } } }],
    ['unknown field', { note: NOTE, level: 'district' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id } = await submitted();
    await expectRefused(app, 'INVALID_INPUT', () =>
      app.raw('street-1', { action: 'ticket.supervise', params: { ticketId: id, ...extra } }),
    );
  });
});
