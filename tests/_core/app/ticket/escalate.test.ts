// ticket.escalate (吹哨): responsibility moves one level up — grid → community → street → district —
// keeping the status; the level above owns the same step with a fresh deadline for it and hears
// of it (staffEscalated). At the district there is nowhere higher: CONFLICT.
import { seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  expectMovesRefused,
  expectNoneOf,
  expectRefused,
  expectRefusedFor,
  fileReport,
  freshResidents,
  makeMove,
  messagesOf,
  TUESDAY,
  WEDNESDAY,
} from '../../../support/flows';

const app = useTestApp(seedCommunity);

// Tuesday 2026-11-24 10:00 Shanghai, then one working day later for each step.
const THURSDAY = '2026-11-26T02:00:00.000Z';
const FRIDAY = '2026-11-27T02:00:00.000Z';
const DESCRIPTION = '楼道里有人私拉电线给电瓶车充电。';
const PHONE = '13712345678';

const nextResident = freshResidents('escalate-resident');
const submitted = (overrides: Partial<Api.ReportSubmitParams> = {}) =>
  fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE, ...overrides });

const escalating = (openid: string, ticketId: string, reason: string) => makeMove(app, openid, 'ticket.escalate', { ticketId, reason });

describe('ticket.escalate', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('a submitted ticket climbs grid → community → street → district, each with a fresh day to accept; then CONFLICT', async () => {
    const { id, resident } = await submitted();

    app.setNow(WEDNESDAY);
    const toCommunity = await escalating('worker-1', id, '涉及多个楼栋，需要社区协调');
    expect(toCommunity.view).toMatchObject({
      status: 'submitted',
      level: 'community',
      gridCode: 'ZD-CZ-HG-01',
      acceptBy: '2026-11-26T15:59:59.999Z',
      resolveBy: null,
      overdue: false,
    });
    expect(toCommunity.view.timeline?.at(-1)).toMatchObject({
      kind: 'escalate',
      actorRole: 'gridWorker',
      actorLabel: '网格员',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      level: 'community',
      note: '涉及多个楼栋，需要社区协调',
    });
    expect(toCommunity.told).toEqual(['staffEscalated→community-1']);
    expect(toCommunity.written[0]?.data).toMatchObject({
      character_string1: { value: toCommunity.view.no },
      thing2: { value: '环境卫生' },
      phrase3: { value: '上级督办' },
      time4: { value: '2026年11月25日 10:00' },
    });
    // The grid worker still sees it but no longer holds it.
    expect(toCommunity.view.allowedActions).toEqual([]);
    expect((await app.ok('community-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual([
      'accept',
      'reject',
      'transfer',
      'escalate',
    ]);

    app.setNow(THURSDAY);
    const toStreet = await escalating('community-1', id, '需要街道协调执法');
    expect(toStreet.view).toMatchObject({ status: 'submitted', level: 'street', acceptBy: '2026-11-27T15:59:59.999Z' });
    expect(toStreet.view.timeline?.at(-1)).toMatchObject({
      kind: 'escalate',
      actorRole: 'communityAdmin',
      actorLabel: '社区',
      level: 'street',
    });
    expect(toStreet.told).toEqual(['staffEscalated→street-1']);
    expect((await app.ok('street-1', 'queue.list', {})).items.map((t) => t.id)).toContain(id);
    expect((await app.ok('community-1', 'queue.list', {})).items.map((t) => t.id)).not.toContain(id);

    app.setNow(FRIDAY);
    const toDistrict = await escalating('street-1', id, '需要区级部门联动');
    // Friday → the next working day is Monday.
    expect(toDistrict.view).toMatchObject({ status: 'submitted', level: 'district', acceptBy: '2026-11-30T15:59:59.999Z' });
    expect(toDistrict.view.timeline?.at(-1)).toMatchObject({
      kind: 'escalate',
      actorRole: 'streetAdmin',
      actorLabel: '街道',
      level: 'district',
    });
    expect(toDistrict.told).toEqual(['staffEscalated→district-1']);
    expect((await app.ok('district-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual([
      'accept',
      'reject',
      'transfer',
      'supervise',
    ]);

    // Nowhere higher than the district.
    await expectRefused(app, 'CONFLICT', () => app.call('district-1', 'ticket.escalate', { ticketId: id, reason: '再上报' }));

    // The resident was never messaged about escalations; no message carries their words or phone.
    const all = await messagesOf(app, id);
    expect(all.filter((r) => r.touser === resident)).toEqual([]);
    expectNoneOf(all, [DESCRIPTION, PHONE]);
    expect((await app.ok(resident, 'ticket.get', { ticketId: id })).timeline?.map((e) => e.kind)).toEqual([
      'submit',
      'escalate',
      'escalate',
      'escalate',
    ]);
  });

  test('the escalation reminder tells the level above its new deadline', async () => {
    const { id } = await submitted();
    app.setNow(WEDNESDAY);
    const { written } = await escalating('worker-1', id, '需要社区协调');
    const hint = (written[0]?.data as Record<string, { value: string }> | undefined)?.thing5?.value;
    expect(hint).toContain('11月26日');
  });

  test('an accepted ticket keeps its status: the level above gets a fresh resolution deadline', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    app.setNow(WEDNESDAY);
    const { view, told } = await escalating('worker-1', id, '需要社区协调');
    // Wednesday + 3 working days: Thursday, Friday, Monday.
    expect(view).toMatchObject({ status: 'accepted', level: 'community', complexity: 'normal', resolveBy: '2026-11-30T15:59:59.999Z' });
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'escalate', fromStatus: 'accepted', toStatus: 'accepted' });
    expect(told).toEqual(['staffEscalated→community-1']);
    expect((await app.ok('community-1', 'ticket.get', { ticketId: id })).allowedActions).toEqual([
      'reject',
      'transfer',
      'dispatch',
      'escalate',
      'resolve',
    ]);
  });

  test('a complex accepted ticket gets 5 working days at the level above', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'complex' });
    app.setNow(WEDNESDAY);
    const { view } = await escalating('worker-1', id, '需要社区协调');
    expect(view.resolveBy).toBe('2026-12-02T15:59:59.999Z');
  });

  test('an urgent repair gets another 30 plain minutes at the level above', async () => {
    const { id } = await submitted({ category: 'urgent-repair' });
    app.setNow('2026-11-24T02:20:00.000Z');
    const { view } = await escalating('worker-1', id, '需要社区调度抢修队');
    expect(view.acceptBy).toBe('2026-11-24T02:50:00.000Z');
  });

  test('the community admin escalating from grid level owns it at community level: nobody else to tell', async () => {
    const { id } = await submitted();
    const { view, told } = await escalating('community-1', id, '社区直接处理');
    expect(view.level).toBe('community');
    expect(told).toEqual([]);
  });

  test('after escalating, the grid worker can no longer act on it: CONFLICT, nothing changed', async () => {
    const { id } = await submitted();
    await app.ok('worker-1', 'ticket.escalate', { ticketId: id, reason: '需要社区协调' });
    await expectMovesRefused(app, 'worker-1', 'CONFLICT', [
      ['ticket.escalate', { ticketId: id, reason: '再吹哨' }],
      ['ticket.accept', { ticketId: id, complexity: 'normal' }],
      ['ticket.transfer', { ticketId: id, toGridCode: 'ZD-CZ-HG-03', reason: '转派' }],
    ]);
  });

  test('only the responsible staff: another grid cannot see it, the reporter may not, the street must wait', async () => {
    const { id, resident } = await submitted();
    await expectRefusedFor(app, 'ticket.escalate', { ticketId: id, reason: '需要协调' }, [
      ['worker-2', 'NOT_FOUND'],
      [resident, 'FORBIDDEN'],
      ['street-1', 'CONFLICT'],
    ]);
    await expectRefused(app, 'NOT_FOUND', () =>
      app.call('worker-1', 'ticket.escalate', { ticketId: 'no-such-ticket', reason: '需要协调' }),
    );
  });

  test.each(['resolved', 'closed', 'rejected', 'withdrawn'] as const)('from %s → CONFLICT, nothing changed', async (state) => {
    const ticket = await submitted();
    await bringTo(app, ticket, state, { result: '已处理' });
    await expectRefused(app, 'CONFLICT', () => app.call('worker-1', 'ticket.escalate', { ticketId: ticket.id, reason: '需要协调' }));
  });

  test('a reason with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id } = await submitted();
    await expectRefused(app, 'CONTENT_REJECTED', () =>
      app.call('worker-1', 'ticket.escalate', { ticketId: id, reason: '这是违禁测试内容' }),
    );
  });

  test.each([
    ['missing reason', {}],
    ['empty reason', { reason: '' }],
    ['reason over 200 characters', { reason: '急'.repeat(201) }],
    ['number as reason', { reason: 42 }],
    ['operator as reason', { reason: { $exists: true } }],
    ['unknown field', { reason: '需要协调', level: 'district' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id } = await submitted();
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('worker-1', { action: 'ticket.escalate', params: { ticketId: id, ...extra } }));
  });
});
