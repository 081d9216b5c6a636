// report.urge (催办): the reporter of an open ticket that has waited past a deadline reminds the
// staff who hold it — once a day — with a timeline entry and a staffEscalated message that says
// 居民催办 and carries nothing personal. The ticket's status, level and deadlines stay.
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { seedCommunity, useTestApp } from '../../../support/app';
import { bringTo, expectNoneOf, expectRefused, fileReport, freshResidents, makeMove, rowById } from '../../../support/flows';

const app = useTestApp(seedCommunity);

// Tuesday 2026-11-24 10:00 Shanghai: to be accepted by Wednesday 24:00.
const TUESDAY = '2026-11-24T02:00:00.000Z';
const WEDNESDAY_END = '2026-11-25T15:59:59.999Z';
const THURSDAY_9AM = '2026-11-26T01:00:00.000Z';
const DESCRIPTION = '楼下垃圾桶已经满了两天，没人清运。';
const PHONE = '13212345678';

const nextResident = freshResidents('urge-resident');
const submitted = () => fileReport(app, nextResident(), { description: DESCRIPTION, contactPhone: PHONE });
const urging = (openid: string, ticketId: string) => makeMove(app, openid, 'report.urge', { ticketId });
const refused = (openid: string, ticketId: string, code: Api.ErrorCode) =>
  expectRefused(app, code, () => app.call(openid, 'report.urge', { ticketId }));
const allowed = async (openid: string, ticketId: string) => (await app.ok(openid, 'ticket.get', { ticketId })).allowedActions;

describe('report.urge', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('not before the deadline has passed: not offered, and refused with nothing changed', async () => {
    const { id, resident } = await submitted();
    expect(await allowed(resident, id)).toEqual(['withdraw']);
    const error = await refused(resident, id, 'CONFLICT');
    expect(error.message).toBe('还没到办理期限，暂时不能催办');
    app.setNow(WEDNESDAY_END); // the deadline instant itself is still on time
    expect(await allowed(resident, id)).toEqual(['withdraw']);
    await refused(resident, id, 'CONFLICT');
  });

  test('past the deadline: offered; urging adds a timeline entry and reminds the grid worker, nothing else changes', async () => {
    const { id, resident } = await submitted();
    app.setNow(THURSDAY_9AM);
    const before = await app.ok(resident, 'ticket.get', { ticketId: id });
    expect(before.allowedActions).toEqual(['withdraw', 'urge']);
    expect(before.deadline).toMatchObject({ label: '11月25日 24:00 前受理', overdue: true });

    const { view, written, told } = await urging(resident, id);
    expect(view).toMatchObject({
      status: 'submitted',
      level: 'grid',
      acceptBy: before.acceptBy,
      deadline: before.deadline,
      overdue: false,
    });
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'urge',
      actorRole: 'resident',
      actorLabel: '居民',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      note: null,
    });
    expect(view.allowedActions).toEqual(['withdraw']);
    expect(told).toEqual(['staffEscalated→worker-1']);
    expect(written[0]?.data).toMatchObject({ phrase3: { value: '居民催办' }, thing5: { value: '请于11月25日 24:00前处理' } });
    expectNoneOf(written, [DESCRIPTION, PHONE, resident]);
  });

  test('once a day: a second urge within 24 hours is RATE_LIMITED; a day later it is offered again', async () => {
    const { id, resident } = await submitted();
    app.setNow(THURSDAY_9AM);
    await urging(resident, id);
    app.setNow('2026-11-27T00:59:59.999Z');
    const error = await refused(resident, id, 'RATE_LIMITED');
    expect(error.message).toBe('今天已经催办过了，明天再试');
    app.setNow('2026-11-27T01:00:00.000Z');
    expect(await allowed(resident, id)).toContain('urge');
    expect((await urging(resident, id)).view.timeline?.filter((e) => e.kind === 'urge')).toHaveLength(2);
  });

  test('a ticket the sweep escalated stays urgeable under its fresh deadline; the community hears', async () => {
    const { id, resident } = await submitted();
    app.setNow('2026-11-26T00:30:00+08:00');
    expect(await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps)).toMatchObject({ ok: true }); // earlier tests' tickets are swept too
    const escalated = await app.ok(resident, 'ticket.get', { ticketId: id });
    expect(escalated).toMatchObject({ level: 'community', overdue: true, deadline: { overdue: false } });
    expect(escalated.allowedActions).toContain('urge');
    expect((await urging(resident, id)).told).toEqual(['staffEscalated→community-1']);
  });

  test('an accepted ticket past its resolution deadline may be urged; a resolved one may not', async () => {
    const ticket = await submitted();
    await bringTo(app, ticket, 'accepted');
    app.setNow('2026-11-28T10:00:00+08:00'); // resolve by Friday 11/27 24:00
    expect(await allowed(ticket.resident, ticket.id)).toEqual(['urge']);
    await app.ok('worker-1', 'ticket.resolve', { ticketId: ticket.id, result: '已清运' });
    expect(await allowed(ticket.resident, ticket.id)).toEqual(['rate']);
    await refused(ticket.resident, ticket.id, 'CONFLICT');
  });

  test('only the reporter: staff are FORBIDDEN, other residents get NOT_FOUND, and nothing is written', async () => {
    const { id } = await submitted();
    app.setNow(THURSDAY_9AM);
    expect((await refused('worker-1', id, 'FORBIDDEN')).message).toBe('只有上报人可以催办');
    await refused('community-1', id, 'FORBIDDEN');
    await refused('someone-else', id, 'NOT_FOUND');
    await refused('someone-else', 'does-not-exist', 'NOT_FOUND');
    expect(await rowById(app, 'tickets', id)).toMatchObject({ version: 1 });
  });

  test('bad params are INVALID_INPUT', async () => {
    for (const params of [{}, { ticketId: '' }, { ticketId: { $gt: '' } }, { ticketId: 'x', extra: 1 }]) {
      await expectRefused(app, 'INVALID_INPUT', () => app.raw('urge-resident-1', { action: 'report.urge', params }));
    }
  });
});
