// report.reopen (重办): after rating 不满意, once, within 7 days of resolution, the reporter sends the
// ticket back to the same handler — accepted, with a fresh resolution deadline — and the handler
// hears of it (staffNewTicket).
import { seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  CZ_SANITATION,
  departmentWithHandler,
  expectNoneOf,
  expectRefused,
  fileReport,
  freshResidents,
  makeMove,
  told,
  TUESDAY,
  WEDNESDAY,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
});

// Resolved Tuesday 2026-11-24 10:00 Shanghai.
const SEVEN_DAYS_LATER = '2026-12-01T02:00:00.000Z';
const EIGHT_DAYS_LATER = '2026-12-02T02:00:00.000Z';
const DESCRIPTION = '楼下垃圾桶已经满了两天，没人清运。';
const PHONE = '13212345678';
const REASON = '垃圾还是没有清走';

const nextResident = freshResidents('reopen-resident');
const submitted = () => fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE });
async function resolved(complexity: Api.Complexity = 'normal') {
  const ticket = await submitted();
  await bringTo(app, ticket, 'resolved', { complexity });
  return ticket;
}
async function ratedUnsatisfied(complexity: Api.Complexity = 'normal') {
  const ticket = await resolved(complexity);
  await app.ok(ticket.resident, 'report.rate', { ticketId: ticket.id, rating: 'unsatisfied', comment: '没有处理好' });
  return ticket;
}

const reopening = (openid: string, ticketId: string, reason: string) => makeMove(app, openid, 'report.reopen', { ticketId, reason });
const refused = (openid: string, ticketId: string, code: Api.ErrorCode) =>
  expectRefused(app, code, () => app.call(openid, 'report.reopen', { ticketId, reason: REASON }));

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
    expectNoneOf(written, [DESCRIPTION, PHONE, REASON]);

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

  test.each(['submitted', 'accepted', 'resolved (not rated)', 'rejected', 'withdrawn'] as const)(
    'from %s → CONFLICT, nothing changed',
    async (state) => {
      const ticket = await submitted();
      await bringTo(app, ticket, state === 'resolved (not rated)' ? 'resolved' : state);
      await refused(ticket.resident, ticket.id, 'CONFLICT');
    },
  );

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
    await expectRefused(app, 'CONTENT_REJECTED', () => app.call(resident, 'report.reopen', { ticketId: id, reason: '违禁测试' }));
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
    await expectRefused(app, 'INVALID_INPUT', () => app.raw(resident, { action: 'report.reopen', params: { ticketId: id, ...extra } }));
  });
});
